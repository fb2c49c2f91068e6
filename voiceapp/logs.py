"""Logging that never carries a young person's words, number, code or token (PRIV-01)."""
import logging
import re

from flask import g, has_request_context

# Defence in depth: callers never log such values, and this mask catches any that slip through.
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
LONG_SECRET = re.compile(r"\b[A-Za-z0-9_\-]{24,}\b")
RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TRACEBACK = logging.Formatter()


def scrub(text, request_id=None):
    """Mask numbers and tokens. Record ids and the request's own id are set aside first, so their digit runs
    are not taken for numbers (a random hex request id holds ten digits in a row about once in 200)."""
    if request_id:
        text = text.replace(request_id, "\x00rq\x00")
    ids = RECORD_ID.findall(text)
    masked = LONG_SECRET.sub("[secret]", PHONE.sub("[number]", RECORD_ID.sub("\x00id\x00", text)))
    for record_id in ids:
        masked = masked.replace("\x00id\x00", record_id, 1)
    return masked.replace("\x00rq\x00", request_id) if request_id else masked


class ScrubFilter(logging.Filter):
    """Adds the request id and masks phone numbers and token-like strings in every record."""

    def filter(self, record):
        request_id = g.get("request_id") if has_request_context() else None
        record.request_id = request_id or "-"
        message = record.getMessage()
        cleaned = scrub(message, request_id)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # An exception's message can quote what was sent; handlers reuse this scrubbed text.
            record.exc_text = scrub(TRACEBACK.formatException(record.exc_info), request_id)
        return True


FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def _ensure_handler(app):
    """Under gunicorn the root logger has no handler, and Python's last-resort one applies no filter: give
    voiceapp's records a handler that scrubs them and names the request."""
    root = logging.getLogger()
    if root.handlers or app.testing:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def configure(app):
    _ensure_handler(app)
    handler_filter = ScrubFilter()
    for handler in logging.getLogger().handlers + app.logger.handlers:
        if not any(isinstance(f, ScrubFilter) for f in handler.filters):
            handler.addFilter(handler_filter)
    if not any(isinstance(f, ScrubFilter) for f in app.logger.filters):
        app.logger.addFilter(handler_filter)
    for name in ("voiceapp", "werkzeug", "twilio"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, ScrubFilter) for f in logger.filters):
            logger.addFilter(handler_filter)
    # twilio's HTTP client logs request bodies at INFO; the PDF stack logs every font it touches.
    for noisy in ("twilio.http_client", "fontTools", "weasyprint", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
