"""The report over the API: the report itself, keyword rules, actions, quotes and the councils' views."""
from flask_smorest import Blueprint

blp = Blueprint("reports", __name__, url_prefix="/api/v1", description="The Voice and Influence report")


@blp.record_once
def _count_words_as_they_arrive(state):
    # Wired when the app registers the blueprint (never at import): theme_mentions hears every stored text.
    from voiceapp.reports.services import mentions
    mentions.connect()


from voiceapp.reports.api import actions, councils, quotes, report, rules  # noqa: E402,F401  (routes on blp)
