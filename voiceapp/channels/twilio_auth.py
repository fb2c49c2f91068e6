"""@twilio_signed: every Twilio webhook is checked against the auth token and the public URL (TW-01, TW-02, TW-03)."""
import logging
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app, request
from twilio.request_validator import RequestValidator

log = logging.getLogger(__name__)


def public_url():
    """The URL Twilio requested, rebuilt from VOICEAPP_PUBLIC_URL: never from the client's Host headers."""
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    query = request.query_string.decode("latin-1")
    return base + request.path + (f"?{query}" if query else "")


def is_signed():
    signature = request.headers.get("X-Twilio-Signature", "")
    token = current_app.config.get("TWILIO_AUTH_TOKEN")
    if not signature or not token:
        return False
    validator = RequestValidator(token)
    if "bodySHA256" in request.args:
        # JSON webhooks sign the URL (with the body's hash in it); the raw body is checked against that hash.
        return validator.validate(public_url(), request.get_data(as_text=True), signature)
    return validator.validate(public_url(), request.form, signature)


def twilio_signed(view):
    """Refuse with 403, before anything is stored or answered, unless Twilio signed the request."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not is_signed():
            log.warning("refused an unsigned or wrongly signed Twilio request to %s", urlsplit(request.path).path)
            abort(403)
        return view(*args, **kwargs)
    wrapped.audience = ("twilio",)
    return wrapped
