"""SMS senders and outbound callers chosen by VOICEAPP_SMS_BACKEND: console (development), memory (tests), twilio."""
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


def _twilio_client(app):
    # twilio.rest takes a third of a second to import; only the twilio backend needs it.
    from twilio.rest import Client
    cfg = app.config
    client = Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"], http_client=cfg.get("TWILIO_HTTP_CLIENT"))
    if cfg.get("TWILIO_API_BASE"):
        # Tests point the real client at a local fake; production never sets this.
        client.api.base_url = cfg["TWILIO_API_BASE"]
    return client


class TwilioSender:
    """The real twilio REST client, sending through a Messaging Service."""

    def __init__(self, app):
        self.client = _twilio_client(app)
        self.service_sid = app.config["TWILIO_MESSAGING_SERVICE_SID"]

    def send(self, *, to, body, status_callback=None):
        message = self.client.messages.create(to=to, body=body, messaging_service_sid=self.service_sid,
                                              status_callback=status_callback)
        return SendResult(sid=message.sid, status=message.status)


SENDERS = {"console": ConsoleSender, "memory": MemorySender, "twilio": TwilioSender}


class ConsoleCaller:
    """Says on the terminal which call would be placed (the laptop has no phone line)."""

    def __init__(self, app):
        pass

    def call(self, *, to, url, status_callback):
        print(f"[console call to …{to[-3:]}] {url}", file=sys.stderr, flush=True)
        return f"CACONSOLE{uuid.uuid4().hex}"


class MemoryCaller:
    """Keeps the calls that would have been placed, for tests."""

    def __init__(self, app):
        self.calls = []

    def call(self, *, to, url, status_callback):
        self.calls.append({"to": to, "url": url, "status_callback": status_callback})
        return f"CA{uuid.uuid4().hex}"


class TwilioCaller:
    """The real twilio REST client placing a call from our number; Twilio then asks `url` for its TwiML."""

    def __init__(self, app):
        self.client = _twilio_client(app)
        self.caller_id = app.config["TWILIO_CALLER_ID"]

    def call(self, *, to, url, status_callback):
        call = self.client.calls.create(to=to, from_=self.caller_id, url=url, method="POST",
                                        status_callback=status_callback, status_callback_method="POST")
        return call.sid


CALLERS = {"console": ConsoleCaller, "memory": MemoryCaller, "twilio": TwilioCaller}


def sender_for(app):
    """One sender per app, built on first use (never at import time)."""
    if "voiceapp_sms" not in app.extensions:
        app.extensions["voiceapp_sms"] = SENDERS[app.config["SMS_BACKEND"]](app)
    return app.extensions["voiceapp_sms"]


def caller_for(app):
    """One caller per app for outbound calls, on the same backend as SMS (VOICEAPP_SMS_BACKEND)."""
    if "voiceapp_calls" not in app.extensions:
        app.extensions["voiceapp_calls"] = CALLERS[app.config["SMS_BACKEND"]](app)
    return app.extensions["voiceapp_calls"]
