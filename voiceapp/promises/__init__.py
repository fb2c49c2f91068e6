"""The promise: versioned promise sets, the six strategic priorities, and promise checks."""
from voiceapp import openapi
from voiceapp.promises import api


def register(app):
    openapi.add_blueprints(app, api.blp)
