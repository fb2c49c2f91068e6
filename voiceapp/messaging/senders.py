"""SMS senders chosen by VOICEAPP_SMS_BACKEND: console (development), memory (tests), twilio."""
import sys
import uuid
from dataclasses import dataclass


@dataclass
class SendResult:
    sid: str
    status: str


class ConsoleSender:
    """Prints messages to the terminal instead of sending them, for trying the service on a laptop."""

    def __init__(self, app):
        pass

    def send(self, *, to, body, status_callback=None):
        print(f"[console sms to …{to[-3:]}] {body}", file=sys.stderr, flush=True)
        # Unique across processes (two `flask jobs run-due` at once), as Twilio's own ids are.
        return SendResult(sid=f"CONSOLE{uuid.uuid4().hex}", status="sent")


class MemorySender:
    """Keeps what would have been sent, for tests and the local simulator."""

    def __init__(self, app):
        self.sent = []

    def send(self, *, to, body, status_callback=None):
        self.sent.append({"to": to, "body": body})
        return SendResult(sid=f"SM{uuid.uuid4().hex}", status="queued")


class TwilioSender:
    """The real twilio REST client, sending through a Messaging Service."""

    def __init__(self, app):
        # twilio.rest takes a third of a second to import; only the twilio backend needs it.
        from twilio.rest import Client
        cfg = app.config
        self.client = Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"],
                             http_client=cfg.get("TWILIO_HTTP_CLIENT"))
        if cfg.get("TWILIO_API_BASE"):
            # Tests point the real client at a local fake; production never sets this.
            self.client.api.base_url = cfg["TWILIO_API_BASE"]
        self.service_sid = cfg["TWILIO_MESSAGING_SERVICE_SID"]

    def send(self, *, to, body, status_callback=None):
        message = self.client.messages.create(to=to, body=body, messaging_service_sid=self.service_sid,
                                              status_callback=status_callback)
        return SendResult(sid=message.sid, status=message.status)


SENDERS = {"console": ConsoleSender, "memory": MemorySender, "twilio": TwilioSender}


def sender_for(app):
    """One sender per app, built on first use (never at import time)."""
    if "voiceapp_sms" not in app.extensions:
        app.extensions["voiceapp_sms"] = SENDERS[app.config["SMS_BACKEND"]](app)
    return app.extensions["voiceapp_sms"]
