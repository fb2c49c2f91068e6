"""Channels: Twilio SMS and voice webhooks that translate conversations into the domain's use cases."""
from voiceapp.channels import sms, voice


def register(app):
    sms.register(app)
    voice.register(app)
