"""Aggregation and the six-monthly Voice and Influence report."""
from voiceapp import openapi
from voiceapp.jobs import register_jobs
from voiceapp.messaging import services as messaging
from voiceapp.reports import api, cli
from voiceapp.reports.services import mentions, reviews


def register(app):
    openapi.add_blueprints(app, api.blp)
    # Theme counts hear every stored text as it arrives.
    mentions.connect()
    register_jobs(app, mentions)
    app.cli.add_command(cli.report_group)
    # "Report ready" notices are checked again as they leave: the member may have changed how to be told.
    messaging.register_send_check(app, reviews.PURPOSE, sms=reviews.still_wants_text, email=reviews.still_wants_email)
