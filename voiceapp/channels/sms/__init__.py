"""The SMS channel: signed webhooks, stored first, a forgiving conversation keyed by phone number."""
from voiceapp.channels.sms import cli, redaction, tasks, webhooks
from voiceapp.jobs import register_jobs


def register(app):
    app.register_blueprint(webhooks.bp)
    register_jobs(app, tasks, redaction)
    app.cli.add_command(cli.sms_sim)
