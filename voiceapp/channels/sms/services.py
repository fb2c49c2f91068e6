"""Receiving a text: store it first (once per MessageSid), then run the conversation, and never lose it."""
import logging

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from voiceapp import crypto
from voiceapp.channels.sms import conversation, prompts
from voiceapp.channels.sms.models import InboundSms, InboundStatus, SmsConversation
from voiceapp.channels.sms.turn import Turn
from voiceapp.channels.twiml import messages
from voiceapp.database import transaction, utcnow
from voiceapp.errors import DomainError
from voiceapp.extensions import db
from voiceapp.jobs import enqueue
from voiceapp.people import phones
from voiceapp.people import services as people

log = logging.getLogger(__name__)


def _phone_hash(number):
    try:
        return phones.lookup_hash(phones.normalise(number))
    except DomainError:
        return phones.lookup_hash(number)     # short codes and odd senders are still recorded


def store_inbound(*, message_sid, phone, body, num_segments=1, via_fallback=False, error_code=None,
                  from_spool=False):
    """Record the text before anything else; a repeated MessageSid returns the row already stored."""
    existing = db.session.scalar(sa.select(InboundSms).where(InboundSms.message_sid == message_sid))
    if existing is not None:
        return existing, False
    person = _person(phone)
    row = InboundSms(message_sid=message_sid, phone_hash=_phone_hash(phone), phone_encrypted=crypto.encrypt(phone),
                     young_person_id=person.id if person else None, body=body or "", num_segments=num_segments,
                     via_fallback=via_fallback, error_code=error_code, from_spool=from_spool, received_at=utcnow())
    try:
        with transaction():
            db.session.add(row)
            db.session.flush()
            _screen(row, person)
            if current_app.config["TWILIO_REDACT_INBOUND"]:
                from voiceapp.channels.sms import tasks
                enqueue(tasks.redact_at_twilio, message_sid=message_sid)
    except IntegrityError:
        # The same MessageSid raced in on another worker: that one is the record.
        existing = db.session.scalar(sa.select(InboundSms).where(InboundSms.message_sid == message_sid))
        return existing, False
    return row, True


def _person(phone):
    try:
        return people.find_by_phone(phone)
    except DomainError:
        return None        # not a number we could ever have registered


def _is_unsafe_keyword(text):
    """UNSAFE is answered by its own one-step alert; screening the word as well would raise a second."""
    from voiceapp.channels.sms.keywords import Keyword, match_keyword
    match = match_keyword(text or "")
    return match is not None and match.keyword == Keyword.UNSAFE


def _screen(row, person):
    """Screen the raw text in the storing transaction, so an alert exists as soon as the text does."""
    if _is_unsafe_keyword(row.body):
        return
    from voiceapp import signals
    from voiceapp.promises.models import Channel
    signals.announce_free_text(source_type="inbound_sms", source_id=row.id,
                               young_person_id=person.id if person else None, text=row.body,
                               language=person.language if person else "en", channel=Channel.SMS)


def handle_inbound(row):
    """Run the conversation for a stored text and keep the reply; on failure the row waits for the sweep."""
    phone = crypto.decrypt(row.phone_encrypted)
    try:
        with transaction():
            texts, language = _converse(row, phone)
            if is_risk(row.body, language) and not _is_unsafe_keyword(row.body):
                # The crisis reply goes first, in the same response, whatever else the conversation says.
                from voiceapp.safeguarding import replies
                texts = [replies.crisis_reply(language)] + texts
            row.status, row.reply, row.attempts = InboundStatus.PROCESSED, messages(*texts), row.attempts + 1
        return row.reply
    except Exception:
        log.exception("handling inbound sms %s failed; it will be tried again", row.id)
        with transaction():
            fresh = db.session.get(InboundSms, row.id)
            fresh.status, fresh.attempts = InboundStatus.FAILED, fresh.attempts + 1
        return None


def _converse(row, phone):
    conversation_row = db.session.scalar(
        sa.select(SmsConversation).where(SmsConversation.phone_hash == row.phone_hash).with_for_update())
    if conversation_row is None:
        conversation_row = SmsConversation(phone_hash=row.phone_hash, state={}, updated_at=utcnow())
        db.session.add(conversation_row)
    person = people.find_by_phone(phone) if row.young_person_id is None else people.get_young_person(
        row.young_person_id)
    turn = Turn(conversation=conversation_row, person=person, text=row.body, phone=phone, now=utcnow())
    texts = conversation.handle(turn)
    language = turn.person.language if turn.person else (conversation_row.language or "en")
    return texts, language


def holding_reply(*, risk, language="en"):
    """What a young person hears when we could not finish: a polite holding reply, or the crisis reply."""
    with force_locale(language):
        if risk:
            from voiceapp.safeguarding import replies
            return messages(replies.crisis_reply(language), str(prompts.HOLDING))
        return messages(str(prompts.HOLDING))


def receive(*, message_sid, phone, body, num_segments=1, via_fallback=False, error_code=None):
    """The whole inbound path for the webhook: store, converse, and answer with TwiML."""
    row, is_new = store_inbound(message_sid=message_sid, phone=phone, body=body, num_segments=num_segments,
                                via_fallback=via_fallback, error_code=error_code)
    if not is_new and row.reply is not None:
        return row.reply
    if not is_new and row.status == InboundStatus.PENDING:
        return holding_reply(risk=is_risk(row.body))
    reply = handle_inbound(row)
    return reply if reply is not None else holding_reply(risk=is_risk(row.body))


def is_risk(text, language="en"):
    """Pure screening, no database: usable even when everything else is down."""
    from voiceapp.safeguarding.screening import screen
    return screen(text, language).is_risk
