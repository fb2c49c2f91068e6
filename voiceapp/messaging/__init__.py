"""Outbound messages (SMS, email): used by the domains, calling none of them."""
from voiceapp.jobs import register_jobs
from voiceapp.messaging import calls, pauses, tasks


def register(app):
    register_jobs(app, tasks, pauses, calls)
