"""The report over the API: the report itself, keyword rules, actions, quotes and the councils' views."""
from voiceapp.reports.api import (actions, councils, meetings, quotes, report, reviews,  # noqa: F401  (routes on blp)
                                  rules)
from voiceapp.reports.api.blueprint import blp

__all__ = ["blp"]
