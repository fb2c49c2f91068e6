"""Twilio's SMS webhooks: signed, stored first, answered fast with TwiML, never rate-limited (TW-01..TW-08)."""
import logging

from flask import Blueprint, request

from voiceapp import spool
from voiceapp.channels.sms import services
from voiceapp.channels.twiml import twiml_response
from voiceapp.channels.twilio_auth import twilio_signed
from voiceapp.extensions import db, limiter
from voiceapp.messaging.status import record_status

log = logging.getLogger(__name__)
bp = Blueprint("twilio_sms", __name__, url_prefix="/twilio")
limiter.exempt(bp)   # a 429 to Twilio is a lost message (error 11217)


@limiter.request_filter
def _not_limited():
    """The limiter's first question, so an exempt text skips its per-request look through every limit."""
    return request.blueprint == bp.name


def _clean(form):
    """NUL cannot be stored in any database text column; nothing else a phone sends is changed."""
    return {key: value.replace("\x00", "") for key, value in form.items()}


def _receive(via_fallback=False):
    form = _clean(request.form)
    try:
        reply = services.receive(message_sid=form.get("MessageSid") or form.get("SmsSid", ""),
                                 phone=form.get("From", ""), body=form.get("Body", ""),
                                 num_segments=services.segment_count(form.get("NumSegments")),
                                 via_fallback=via_fallback, error_code=form.get("ErrorCode"))
    except Exception as error:
        # Whatever stopped the text being stored (the database down, too busy, or a fault of ours), it is
        # kept on disk for the sweep and the young person is answered: nothing Twilio sends is lost.
        db.session.rollback()
        reply, risk = services.holding_for(form.get("Body", ""))
        spool.write({**form, "via_fallback": str(via_fallback)}, kind="sms",
                    key=form.get("MessageSid") or form.get("SmsSid", ""), risk=risk)
        log.error("inbound sms not stored (%s): spooled to disk for replay", type(error).__name__)
    return twiml_response(reply)


@bp.route("/sms", methods=["POST"])
@twilio_signed
def inbound_sms():
    return _receive()


@bp.route("/sms/fallback", methods=["POST"])
@twilio_signed
def inbound_sms_fallback():
    """Twilio's Fallback URL: same store-and-answer path, flagged, deduplicated with the primary."""
    return _receive(via_fallback=True)


@bp.route("/status", methods=["POST"])
@twilio_signed
def delivery_status():
    """Delivery status callbacks for what we sent; always 204 so Twilio does not retry."""
    form = request.form
    record_status(provider_sid=form.get("MessageSid", ""), status=form.get("MessageStatus", ""),
                  error_code=form.get("ErrorCode"))
    return "", 204
