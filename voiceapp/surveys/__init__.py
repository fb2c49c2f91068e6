"""Surveys: versioned definitions, audiences, and responses saved as the young person goes."""
from voiceapp import openapi
from voiceapp.surveys import api


def register(app):
    openapi.add_blueprints(app, api.blp)
