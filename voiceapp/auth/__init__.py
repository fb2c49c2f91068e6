"""Who is asking: staff users and roles, young people's sign-in, server-side sessions."""
from voiceapp import openapi
from voiceapp.auth import api, audit_api, throttle


def register(app):
    openapi.add_blueprints(app, api.blp, audit_api.blp)
    throttle.register(app)
