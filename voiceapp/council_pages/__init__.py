"""The youth councils' area: Have a Voice Council and Care Leavers Council members (aged 15 and over) review
the period's young people's report, mark their priorities, comment, see what leads did and their meetings.

Server-rendered pages on the young people's page foundation (voiceapp/pages), in plain words, working
without JavaScript. They call the same report services as the API, so a page shows only what the API
gives a council member: figures after small-number suppression, never a person or their words.
"""
from voiceapp.council_pages import meetings, report, session, settings, sign_in  # noqa: F401  (routes on bp)
from voiceapp.council_pages.blueprint import bp


def register(app):
    app.register_blueprint(bp)
