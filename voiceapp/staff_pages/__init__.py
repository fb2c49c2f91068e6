"""Pages for staff: sign in, see what waits, and act on safeguarding alerts and Tell Us messages.

The pages call the same service functions as the JSON API, dump with the same schemas and read forms
through the same ones, so a page can do nothing the API would refuse. Staff pages are in English, the
council's working language; everything young people see is translated.
"""
from voiceapp.staff_pages import languages_notice, views  # noqa: F401  (routes and hooks register on bp)
from voiceapp.staff_pages.blueprint import bp


def register(app):
    app.register_blueprint(bp)
