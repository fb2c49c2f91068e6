"""The young people's website: everything they can do by text, in a browser on any phone.

Server-rendered pages on the GOV.UK page foundation (voiceapp/pages), one thing per screen. Every page
calls the same service functions as the API and SMS; forms post and redirect, so nothing needs JavaScript.
"""
from voiceapp.young_people import (data, home, messages, navigation, promise_check, sign_in,  # noqa: F401
                                   surveys, tell_us, unsafe, words)  # (routes register on bp)
from voiceapp.young_people.blueprint import bp


def register(app):
    app.register_blueprint(bp)

