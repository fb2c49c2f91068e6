"""Sweeps that make sure every stored or spooled text is handled exactly once (TW-05, REL-01)."""
import logging
from datetime import timedelta

import sqlalchemy as sa

from voiceapp import crypto
from voiceapp import spool
from voiceapp.channels.sms import services
from voiceapp.channels.sms.models import InboundSms, InboundStatus
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import job
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import services as messaging

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@periodic(60)
def retry_unhandled_sms():
    """Handle texts whose first handling failed; the reply goes out as an SMS because the webhook is long gone."""
    cutoff = utcnow() - timedelta(seconds=30)
    rows = db.session.scalars(sa.select(InboundSms).where(
        InboundSms.status.in_([InboundStatus.PENDING, InboundStatus.FAILED]),
        InboundSms.received_at < cutoff, InboundSms.attempts < MAX_ATTEMPTS).order_by(InboundSms.received_at)).all()
    for row in rows:
        _handle_and_text_back(row)


def _handle_and_text_back(row):
    reply = services.handle_inbound(row)
    if reply is None:
        return
    with transaction():
        for text in _texts(reply):
            messaging.send_sms(to=crypto.decrypt(row.phone_encrypted), young_person_id=row.young_person_id,
                               body=text, purpose="conversation", direct_reply=True)


def _texts(twiml):
    from xml.etree import ElementTree
    return [m.text for m in ElementTree.fromstring(twiml).iter("Message") if m.text]


@periodic(30)
def replay_spool():
    """Replay texts spooled while the database was down, once each, disclosures first."""
    for path in spool.pending("sms"):
        form = spool.read(path)
        row, is_new = services.store_inbound(
            message_sid=form.get("MessageSid", ""), phone=form.get("From", ""), body=form.get("Body", ""),
            num_segments=services.segment_count(form.get("NumSegments")),
            via_fallback=form.get("via_fallback") == "True",
            from_spool=True)
        if is_new:
            _handle_and_text_back(row)
        spool.remove(path)


@job
def redact_at_twilio(*, message_sid):
    """Blank the text's body in Twilio's logs once our own copy is committed (TW-14): a disclosure must not
    stay in a third party's records."""
    from flask import current_app
    from twilio.rest import Client
    cfg = current_app.config
    client = Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"], http_client=cfg.get("TWILIO_HTTP_CLIENT"))
    if cfg.get("TWILIO_API_BASE"):
        client.api.base_url = cfg["TWILIO_API_BASE"]
    client.messages(message_sid).update(body="")
