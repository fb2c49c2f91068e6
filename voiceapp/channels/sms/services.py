"""Receiving a text: store it first (once per MessageSid), then run the conversation, and never lose it.

Every text takes this path while Twilio waits, so its statements are built once, and the stored row goes
from the first commit to the second as plain values rather than an ORM object that would be read back
(benchmarks/sms_webhook.py measures it against a bare insert).
"""
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from voiceapp import crypto, signals
from voiceapp.channel_enum import Channel
from voiceapp.channels.sms import conversation, prompts, redaction, state
from voiceapp.channels.sms.keywords import Keyword, match_keyword
from voiceapp.channels.sms.models import InboundSms, InboundStatus
from voiceapp.channels.sms.turn import Turn
from voiceapp.channels.twiml import messages
from voiceapp.database import new_id, transaction, utcnow
from voiceapp.errors import DomainError
from voiceapp.extensions import db
from voiceapp.jobs import enqueue
from voiceapp.languages import sms_form, written_in
from voiceapp.people import phones
from voiceapp.people import services as people
from voiceapp.safeguarding import alerts, parts, replies
from voiceapp.safeguarding.screening import screen

log = logging.getLogger(__name__)

# Built once: building a statement costs more than running it.
_INBOUND = InboundSms.__table__
_INSERT = sa.insert(_INBOUND)
_MARK = sa.update(_INBOUND).where(_INBOUND.c.id == sa.bindparam("row_id")).values(
    status=sa.bindparam("new_status"), reply=sa.bindparam("new_reply"), attempts=_INBOUND.c.attempts + 1)
_BY_MESSAGE_SID = sa.select(InboundSms).where(InboundSms.message_sid == sa.bindparam("sid"))

def _phone_hash(number):
    try:
        return phones.lookup_hash(phones.normalise(number, from_carrier=True))
    except DomainError:
        return phones.lookup_hash(number)     # short codes and odd senders are still recorded


# Twilio takes at most 1,600 characters: 25 segments at 67 characters. A larger claim is noise, kept in range
# so that no number Twilio sends can stop the text being stored (the column is a 32-bit integer).
MOST_SEGMENTS = 100


def segment_count(value):
    """Twilio's NumSegments; anything unreadable counts as one, so the text is still stored."""
    try:
        return min(max(int(value or 1), 1), MOST_SEGMENTS)
    except ValueError:
        return 1


def store_inbound(*, message_sid, phone, body, num_segments=1, via_fallback=False, error_code=None,
                  from_spool=False):
    """Record the text before anything else; a repeated MessageSid returns the row already stored.

    A new row comes back as an unsaved InboundSms holding what was written: the caller reads it, never
    changes it (handle_inbound records the outcome with its own statement).
    """
    row = InboundSms(id=new_id(), message_sid=message_sid, phone_hash=_phone_hash(phone),
                     phone_encrypted=crypto.encrypt(phone), body=body or "", num_segments=num_segments,
                     via_fallback=via_fallback, error_code=error_code, from_spool=from_spool, received_at=utcnow(),
                     status=InboundStatus.PENDING, attempts=0)
    try:
        with transaction():
            sender = people.find_sender(row.phone_hash)
            row.young_person_id = sender.id if sender else None
            # The unique MessageSid stops a repeat here, before anything else is written.
            db.session.execute(_INSERT, {column.key: getattr(row, column.key) for column in _INBOUND.c})
            _screen(row, sender)
            if current_app.config["TWILIO_REDACT_INBOUND"]:
                enqueue(redaction.redact_at_twilio, message_sid=message_sid)
    except IntegrityError:
        # A repeat (Twilio's retry, a replay, or the same text racing in on another worker): that one is the
        # record. Repeats are rare, so trying the insert first saves every other text a look-up.
        existing = db.session.scalar(_BY_MESSAGE_SID, {"sid": message_sid})
        if existing is None:
            raise
        return existing, False
    return row, True


def _is_unscreened_keyword(text):
    """UNSAFE is answered by its own one-step alert; screening the word as well would raise a second. HELP is
    the carriers' word for "how does this work": it is answered with the help text (999 and Childline first),
    never as a danger alert. Anything more than the bare keyword ("help me now hes here") is screened."""
    match = match_keyword(text or "")
    return match is not None and match.keyword in (Keyword.UNSAFE, Keyword.HELP)


def _screen(row, sender):
    """Screen the raw text in the storing transaction, so an alert exists as soon as the text does."""
    if _is_unscreened_keyword(row.body):
        return
    person_id, language = (sender.id, sender.language) if sender else (None, "en")
    signals.announce_free_text(source_type="inbound_sms", source_id=row.id, young_person_id=person_id,
                               text=row.body, language=language, channel=Channel.SMS)
    alert = parts.screen_parts(young_person_id=person_id, source_type="inbound_sms",
                               parts=_with_earlier_texts(row), language=language, channel=Channel.SMS)
    row.alerted = alert is not None


# How many texts before this one are read with it: a disclosure split by the sender, not the network.
EARLIER_TEXTS = 3
# This text first, then the ones from the same number just before it, each with whether an alert already
# holds it: one query per text, however many parts there are (built once, like the statements above).
_WITH_EARLIER = sa.select(
    InboundSms.id, InboundSms.body, alerts.holds_source("inbound_sms", InboundSms.id).label("alerted")).where(
    InboundSms.phone_hash == sa.bindparam("phone_hash"),
    sa.or_(InboundSms.id == sa.bindparam("row_id"),
           InboundSms.received_at.between(sa.bindparam("since"), sa.bindparam("until")))).order_by(
    sa.case((InboundSms.id == sa.bindparam("row_id"), 0), else_=1), InboundSms.received_at.desc()).limit(
    EARLIER_TEXTS + 1)


def _with_earlier_texts(row):
    """This text after the ones from the same number in the last SMS_JOIN_MINUTES, oldest first, as
    (id, words, alerted) triples."""
    since = row.received_at - timedelta(minutes=current_app.config["SMS_JOIN_MINUTES"])
    newest, *earlier = db.session.execute(_WITH_EARLIER, {"phone_hash": row.phone_hash, "row_id": row.id,
                                                          "since": since, "until": row.received_at}).all()
    return [*((part.id, part.body, bool(part.alerted)) for part in reversed(earlier) if part.body),
            (row.id, row.body, bool(newest.alerted))]


def handle_inbound(row):
    """Run the conversation for a stored text and keep the reply; on failure the row waits for the sweep."""
    phone = crypto.decrypt(row.phone_encrypted)
    try:
        # Redoable: the text itself was committed durably first; if a power cut lost this step, the row
        # would still be pending and the sweep would run it again.
        with transaction(redoable=True):
            texts, language = _converse(row, phone)
            if not _is_unscreened_keyword(row.body) and (is_risk(row.body, language) or _alerted(row)):
                # The crisis reply goes first, in the same response, whatever else the conversation says.
                texts = [replies.crisis_reply(language)] + texts
            reply = messages(*(sms_form(text, language) for text in texts))
            _mark(row, InboundStatus.PROCESSED, reply)
        return reply
    except Exception:
        log.exception("handling inbound sms %s failed; it will be tried again", row.id)
        with transaction():
            _mark(row, InboundStatus.FAILED)
        return None


def _alerted(row):
    """Whether an alert holds this text: known from screening when it was just stored, else asked."""
    if row.alerted is not None:
        return row.alerted
    return alerts.alert_for_source("inbound_sms", row.id) is not None


def _mark(row, status, reply=None):
    db.session.execute(_MARK, {"row_id": row.id, "new_status": status, "new_reply": reply})


def _converse(row, phone):
    conversation_row = state.lock(row.phone_hash)
    # Read the person only now, under the conversation's lock: a text a moment earlier (STOP, a language
    # word) may have changed them.
    person = people.find_by_phone_hash(row.phone_hash) if row.young_person_id is None else people.get_young_person(
        row.young_person_id, fresh=True)
    turn = Turn(conversation=conversation_row, person=person, text=row.body, phone=phone, now=utcnow())
    texts = conversation.handle(turn)
    state.save(conversation_row)
    language = turn.person.language if turn.person else (conversation_row.language or "en")
    return texts, language


def holding_reply(*, risk, language="en"):
    """What a young person hears when we could not finish: a polite holding reply, or the crisis reply."""
    with force_locale(language):
        if risk:
            texts = (replies.crisis_reply(language), str(prompts.HOLDING))
        else:
            texts = (str(prompts.HOLDING),)
        return messages(*(sms_form(text, language) for text in texts))


def receive(*, message_sid, phone, body, num_segments=1, via_fallback=False, error_code=None):
    """The whole inbound path for the webhook: store, converse, and answer with TwiML."""
    row, is_new = store_inbound(message_sid=message_sid, phone=phone, body=body, num_segments=num_segments,
                                via_fallback=via_fallback, error_code=error_code)
    if not is_new and row.reply is not None:
        return row.reply
    if not is_new and row.status == InboundStatus.PENDING:
        return holding_for(row.body)[0]
    reply = handle_inbound(row)
    return reply if reply is not None else holding_for(row.body)[0]


def is_risk(text, language="en"):
    """Pure screening, no database: usable even when everything else is down."""
    return screen(text, language).is_risk


def holding_for(text):
    """(reply, risk) when we cannot finish a text, perhaps with no database to say who sent it: screened with
    every lexicon, and answered in the language of the lexicon that matched, or else of the letters used."""
    guess = written_in(text)
    screening = screen(text, guess)
    matched = {hit.language for hit in screening.hits} - {"en"}
    language = guess if guess in matched or not matched else sorted(matched)[0]
    return holding_reply(risk=screening.is_risk, language=language), screening.is_risk
