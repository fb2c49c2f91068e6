"""Who is asking: staff users and roles, young people's sign-in, server-side sessions."""
from voiceapp import openapi
from voiceapp.auth import api, audit_api, people_api, throttle


def register(app):
    # The people API sits here (as the audit API does): its guards are auth's, and auth reads people.
    openapi.add_blueprints(app, api.blp, audit_api.blp, people_api.blp)
    throttle.register(app)
