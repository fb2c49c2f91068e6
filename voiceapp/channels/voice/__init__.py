"""The voice channel: a spoken keypad menu for rating promises and leaving a Tell Us, We Care message."""
from voiceapp.channels.voice import tasks, webhooks
from voiceapp.jobs import register_jobs


def register(app):
    app.register_blueprint(webhooks.bp)
    register_jobs(app, tasks)
