"""Safeguarding: screening free text for risk of harm, and the alerts it raises."""
from voiceapp import openapi
from voiceapp.jobs import register_jobs
from voiceapp.safeguarding import api, subscribers, tasks


def register(app):
    openapi.add_blueprints(app, api.blp)
    # Screening must hear every stored free text from the first request on (SAFE-01, SAFE-05).
    subscribers.connect(app)
    register_jobs(app, tasks)
