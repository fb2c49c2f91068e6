"""Sweeps that make sure every stored or spooled text is handled exactly once (TW-05, REL-01)."""
import logging
from datetime import timedelta
from xml.etree import ElementTree

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale

from voiceapp import crypto
from voiceapp import spool
from voiceapp.channels.sms import services
from voiceapp.channels.sms.flows import tellus as tellus_flow
from voiceapp.channels.sms.models import InboundSms, InboundStatus, SmsConversation
from voiceapp.channels.sms.turn import Turn
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import services as messaging
from voiceapp.people import services as people

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
    return [m.text for m in ElementTree.fromstring(twiml).iter("Message") if m.text]


@periodic(300)
def send_unfinished_messages():
    """A Tell Us message left unfinished for the conversation's quiet time still reaches senior leaders, and
    the young person is told by text when it was sent and when to expect an answer."""
    cutoff = utcnow() - timedelta(seconds=current_app.config["SMS_STATE_TTL_SECONDS"])
    waiting = db.session.scalars(sa.select(SmsConversation.id).where(
        SmsConversation.flow == "tellus", SmsConversation.updated_at < cutoff).limit(200)).all()
    for conversation_id in waiting:
        _finish(conversation_id)


def _finish(conversation_id):
    with transaction():
        conversation = db.session.get(SmsConversation, conversation_id, with_for_update=True)
        if conversation.flow != "tellus":
            return
        person = people.find_by_phone_hash(conversation.phone_hash)
        turn = Turn(conversation=conversation, person=person, text="", phone="", now=utcnow())
        with force_locale(person.language if person else "en"):
            tellus_flow.finish_unfinished(turn)
        conversation.flow, conversation.state, conversation.updated_at = "menu", {}, utcnow()
        for text in turn.replies if person is not None else ():
            messaging.send_sms(young_person_id=person.id, body=text, purpose="conversation")


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
