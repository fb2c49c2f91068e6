"""Tell Us, We Care: messages to senior leaders, their replies, staff notes and status history."""
from voiceapp import openapi
from voiceapp.jobs import register_jobs
from voiceapp.tellus import api, casework_api, hooks, tasks


def register(app):
    openapi.add_blueprints(app, api.blp, casework_api.blp)
    # The complaint legal hold and the pause on bulk texts while a message is open.
    hooks.connect(app)
    register_jobs(app, tasks)
