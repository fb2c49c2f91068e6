"""The promise: versioned promise sets, the six strategic priorities, and promise checks."""
from voiceapp import openapi
from voiceapp.auth import services as auth
from voiceapp.promises import api, services


def register(app):
    openapi.add_blueprints(app, api.blp)
    auth.register_priority_check(app, services.is_priority)
