"""Blanking a text's body at Twilio once our own copy is committed (VOICEAPP_TWILIO_REDACT_INBOUND)."""
from flask import current_app

from voiceapp.jobs import job


@job
def redact_at_twilio(*, message_sid):
    """Blank the text's body in Twilio's logs once our own copy is committed (TW-14): a disclosure must not
    stay in a third party's records."""
    # twilio.rest takes a third of a second to import; only deployments that redact ever need it here.
    from twilio.rest import Client
    cfg = current_app.config
    client = Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"], http_client=cfg.get("TWILIO_HTTP_CLIENT"))
    if cfg.get("TWILIO_API_BASE"):
        client.api.base_url = cfg["TWILIO_API_BASE"]
    client.messages(message_sid).update(body="")
