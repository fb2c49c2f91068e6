"""A young person's data rights: download everything we hold, and erase it (UK GDPR Arts 15 and 17)."""
from voiceapp import openapi
from voiceapp.rights import api


def register(app):
    openapi.add_blueprints(app, api.blp)
