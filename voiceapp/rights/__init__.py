"""A young person's data rights: download everything we hold, and erase it (UK GDPR Arts 15 and 17)."""
from voiceapp import openapi
from voiceapp.jobs import register_jobs
from voiceapp.rights import api, cli, tasks


def register(app):
    openapi.add_blueprints(app, api.blp)
    register_jobs(app, tasks)
    app.cli.add_command(cli.retention_group)
