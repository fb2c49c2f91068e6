"""The young people's website: everything they can do by text, in a browser on any phone.

Server-rendered pages on the GOV.UK page foundation (voiceapp/pages), one thing per screen. Every page
calls the same service functions as the API and SMS; forms post and redirect, so nothing needs JavaScript.
"""
from flask import Blueprint

bp = Blueprint("young", __name__)

from voiceapp.young_people import (data, home, messages, navigation, promise_check, sign_in,  # noqa: E402,F401
                                   surveys, tell_us, unsafe, words)

