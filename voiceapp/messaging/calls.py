"""Calls that read a written answer to a young person (a call back), queued like SMS.

A call is placed by a job, and only in allowed hours (quiet hours as for texts, Europe/London); never to a
young person who has opted out; tried once more if nobody answers (Twilio's signed status callback says);
and its outcome is handed back to whoever queued it (register_call_outcome), in the same transaction.
"""
import logging
import uuid
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import enqueue, job
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import policy, recipients
from voiceapp.messaging.models import CallStatus, OutboundCall
from voiceapp.messaging.senders import caller_for

log = logging.getLogger(__name__)
ATTEMPTS = 2                  # the first call and one more if nobody answers
KEY = "voiceapp_call_outcomes"
NOT_ANSWERED = ("busy", "no-answer", "failed", "canceled")
# A worker that died between claiming a call and Twilio taking it leaves it 'calling' with no SID.
LEASE = timedelta(minutes=10)


def register_call_outcome(app, source_type, handler):
    """handler(source_id, outcome) with outcome "answered", "not_answered" or "suppressed", called in the
    transaction that learns it (registering again replaces the handler)."""
    app.extensions.setdefault(KEY, {})[source_type] = handler


def place_call(*, young_person_id, body, language, purpose, source_type, source_id):
    """Queue a call in the caller's transaction; None when the young person has no number on record."""
    person = recipients.contact(young_person_id)
    if person is None or person.number_encrypted is None:
        return None
    now = utcnow()
    row = OutboundCall(young_person_id=young_person_id, to_encrypted=person.number_encrypted,
                       body_encrypted=crypto.encrypt(body), language=language or "en", purpose=purpose,
                       source_type=source_type, source_id=source_id, created_at=now,
                       send_after=policy.earliest_send(now, direct_reply=False, urgent=False))
    db.session.add(row)
    db.session.flush()
    enqueue(deliver_call, call_id=str(row.id))
    return row


def _claim(call_id):
    with transaction():
        claimed = db.session.execute(sa.update(OutboundCall).where(
            OutboundCall.id == call_id, OutboundCall.status == CallStatus.QUEUED,
            OutboundCall.send_after <= utcnow()).values(
            status=CallStatus.CALLING, attempts=OutboundCall.attempts + 1, send_after=utcnow())
            .execution_options(synchronize_session=False)).rowcount
    return claimed == 1


@job
def deliver_call(*, call_id):
    """Place one queued call once it is due, re-checking opt-out and quiet hours at the moment it goes."""
    call_id = uuid.UUID(str(call_id))
    if not _claim(call_id):
        return None
    row = db.session.get(OutboundCall, call_id, populate_existing=True)
    now = utcnow()
    person = recipients.contact(row.young_person_id)
    if person is None or person.sms_opted_out_at is not None or person.number_encrypted is None:
        with transaction():
            _finish(row, CallStatus.SUPPRESSED, "suppressed")
        return row
    earliest = policy.earliest_send(now, direct_reply=False, urgent=False)
    if earliest > now:
        with transaction():
            row.status, row.send_after, row.attempts = CallStatus.QUEUED, earliest, row.attempts - 1
        return row
    base = current_app.config["PUBLIC_URL"].rstrip("/") + f"/twilio/voice/answer/{row.id}"
    try:
        sid = caller_for(current_app).call(to=crypto.decrypt(person.number_encrypted), url=base,
                                           status_callback=base + "/status")
    except Exception as error:
        log.warning("call %s not placed (%s)", row.id, type(error).__name__)
        with transaction():
            _not_answered(row)
        return row
    with transaction():
        row.provider_sid = sid
    return row


def answer_for(call_id):
    """The call being made now (its words and language), for the TwiML Twilio asks for; else None."""
    row = db.session.get(OutboundCall, call_id)
    if row is None or row.status != CallStatus.CALLING:
        return None
    return row, crypto.decrypt(row.body_encrypted)


def record_call_status(*, call_id, status):
    """Twilio's status callback: answered ends it; no answer tries once more, then gives up. Repeats and
    late callbacks change nothing."""
    row = db.session.get(OutboundCall, call_id)
    if row is None or row.status != CallStatus.CALLING:
        return row
    with transaction():
        if status == "completed":
            _finish(row, CallStatus.ANSWERED, "answered")
        elif status in NOT_ANSWERED:
            _not_answered(row)
    return row


def _not_answered(row):
    if row.attempts >= ATTEMPTS:
        return _finish(row, CallStatus.NOT_ANSWERED, "not_answered")
    later = utcnow() + timedelta(minutes=current_app.config["CALL_RETRY_MINUTES"])
    row.status, row.provider_sid = CallStatus.QUEUED, None
    row.send_after = policy.earliest_send(later, direct_reply=False, urgent=False)
    enqueue(deliver_call, call_id=str(row.id))
    return None


def _finish(row, status, outcome):
    # The words are on the thread; the outbox keeps only that a call was made.
    row.status, row.ended_at, row.body_encrypted = status, utcnow(), crypto.encrypt("")
    handler = current_app.extensions.get(KEY, {}).get(row.source_type)
    if handler is not None:
        handler(row.source_id, outcome)


@periodic(60)
def dispatch_due_calls():
    """Place calls that are due (after quiet hours or the wait before a second try); recover dead claims."""
    with transaction():
        db.session.execute(sa.update(OutboundCall).where(
            OutboundCall.status == CallStatus.CALLING, OutboundCall.provider_sid.is_(None),
            OutboundCall.send_after <= utcnow() - LEASE).values(
            status=CallStatus.QUEUED, attempts=OutboundCall.attempts - 1)
            .execution_options(synchronize_session=False))
    due = db.session.scalars(sa.select(OutboundCall.id).where(
        OutboundCall.status == CallStatus.QUEUED, OutboundCall.send_after <= utcnow()).limit(200)).all()
    for call_id in due:
        deliver_call(call_id=call_id)
