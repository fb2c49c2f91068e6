"""Aggregation and the six-monthly Voice and Influence report."""
from voiceapp import openapi
from voiceapp.jobs import register_jobs
from voiceapp.reports import api, cli
from voiceapp.reports.services import mentions


def register(app):
    openapi.add_blueprints(app, api.blp)
    # Theme counts hear every stored text as it arrives.
    mentions.connect()
    register_jobs(app, mentions)
    app.cli.add_command(cli.report_group)
