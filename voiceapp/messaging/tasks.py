"""Delivering queued SMS; safe to run twice for the same row."""
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import job
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import policy, recipients, wanted
from voiceapp.messaging.email import mailer_for
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.messaging.senders import sender_for

log = logging.getLogger(__name__)


def _claim_email(outbound_id):
    """Move the row from queued to sending in one statement, so two workers cannot both send it."""
    with transaction():
        claimed = db.session.execute(sa.update(OutboundEmail).where(
            OutboundEmail.id == outbound_id, OutboundEmail.status == OutboundStatus.QUEUED)
            .values(status=OutboundStatus.SENDING, attempts=OutboundEmail.attempts + 1)).rowcount
    return claimed == 1


# How long a worker may hold a text it claimed before the sweep may give it to another worker. Far longer
# than a send takes (the Twilio client times out well before), so only a dead worker's claim ever expires.
LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class Claim:
    """A worker's lease on one outbox row: it may send the row only while the row still carries this lease."""
    outbound_id: uuid.UUID
    claimed_at: datetime

    def held(self, now):
        return now < self.claimed_at + LEASE


def claim_sms(outbound_id):
    """Lease a queued text that is due, in one statement, so two workers cannot both hold it."""
    now = utcnow()
    with transaction():
        claimed = db.session.execute(sa.update(OutboundMessage).where(
            OutboundMessage.id == outbound_id, OutboundMessage.status == OutboundStatus.QUEUED,
            OutboundMessage.send_after <= now)
            .values(status=OutboundStatus.SENDING, claimed_at=now, attempts=OutboundMessage.attempts + 1)).rowcount
    return Claim(outbound_id, now) if claimed == 1 else None


@job
def deliver_sms(*, outbound_id):
    """Send one queued SMS once it is due; retry what may succeed later, stop at what never will."""
    claim = claim_sms(uuid.UUID(str(outbound_id)))
    if claim is not None:
        send_claimed(claim)


def send_claimed(claim):
    """The one authority on whether a text leaves now, whatever queued it: the lease is still ours, the young
    person has not opted out, it is not quiet hours (unless a direct reply or urgent), the sender's pace
    allows it and it has not expired. Otherwise it is suppressed, expired or put back for later."""
    row = db.session.get(OutboundMessage, claim.outbound_id, populate_existing=True)
    now = utcnow()
    if row is None or not _still_ours(row, claim, now):
        return None
    verdict = policy.verdict(now, direct_reply=row.direct_reply, urgent=row.urgent, valid_until=row.valid_until,
                             opted_out=_opted_out(row.young_person_id) or not _wanted(row), pace=_pace_until(row, now))
    if verdict.status == OutboundStatus.QUEUED:
        # Not now: back in the queue for its moment, and the postponement is no failed attempt.
        return _settle(claim, status=verdict.status, send_after=verdict.send_after,
                       attempts=OutboundMessage.attempts - 1)
    if verdict.status is not None:
        return _settle(claim, status=verdict.status)
    try:
        result = sender_for(current_app).send(to=crypto.decrypt(row.to_encrypted),
                                              body=crypto.decrypt(row.body_encrypted),
                                              status_callback=_status_callback_url())
    except Exception as error:
        return _failed(row, error)
    with transaction():
        row.status, row.provider_sid, row.sent_at = OutboundStatus.SENT, result.sid, utcnow()
        if row.purpose == "otp":
            # A sign-in code has no use once sent: keep no copy of it.
            row.body_encrypted = crypto.encrypt("")
    return row


def _still_ours(row, claim, now):
    return row.status == OutboundStatus.SENDING and row.claimed_at == claim.claimed_at and claim.held(now)


def _settle(claim, **values):
    """Change a claimed row only if the claim is still the row's: a stale worker changes nothing."""
    with transaction():
        db.session.execute(sa.update(OutboundMessage).where(
            OutboundMessage.id == claim.outbound_id, OutboundMessage.status == OutboundStatus.SENDING,
            OutboundMessage.claimed_at == claim.claimed_at).values(claimed_at=None, **values)
            .execution_options(synchronize_session=False))
    return None


def _opted_out(young_person_id):
    """Read at the moment of sending, not when the text was queued (STOP may have come in between; TW-09)."""
    person = recipients.contact(young_person_id)
    return person is not None and person.sms_opted_out_at is not None


def _wanted(row):
    """A text to someone who is not a young person: whether its purpose's check still wants it sent now."""
    return row.young_person_id is not None or wanted.still_wanted(row.purpose, "sms", crypto.decrypt(row.to_encrypted))


PACE_WINDOW = timedelta(seconds=60)


def _pace_until(row, now):
    """Paced texts share the sender's throughput: over the last minute, no more segments than it carries in a
    minute. Returns when this one may go if sending it now would exceed that, else None."""
    if row.direct_reply or row.urgent:
        return None
    allowance = PACE_WINDOW.total_seconds() / policy.seconds_per_segment()
    used = db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(OutboundMessage.segments), 0)).where(
        OutboundMessage.sent_at > now - PACE_WINDOW, OutboundMessage.direct_reply.is_(False),
        OutboundMessage.urgent.is_(False)))
    if used + row.segments <= allowance:
        return None
    return now + timedelta(seconds=row.segments * policy.seconds_per_segment())


def _status_callback_url():
    return current_app.config["PUBLIC_URL"].rstrip("/") + "/twilio/status"


def _failed(row, error):
    """21610 (opted out at Twilio) and other 4xx are final; 429, 5xx and network errors are retried."""
    code, status = str(getattr(error, "code", "") or ""), getattr(error, "status", None)
    final = code == "21610" or (status is not None and 400 <= status < 500 and status != 429)
    with transaction():
        row.error_code = code or type(error).__name__[:16]
        if code == "21610":
            recipients.mark_opted_out(row.young_person_id)
        if final or row.attempts >= current_app.config["SMS_MAX_ATTEMPTS"]:
            row.status = OutboundStatus.FAILED      # the dead letters the voice team can see
            log.warning("sms %s failed for good (%s)", row.id, row.error_code)
            return
        row.status, row.claimed_at = OutboundStatus.QUEUED, None
        row.send_after = utcnow() + timedelta(seconds=current_app.config["SMS_RETRY_BASE_SECONDS"] * 2 ** row.attempts)
        log.info("sms %s not sent (%s); retrying later", row.id, row.error_code)





def _recover_stuck():
    """A worker that died after claiming a text but before Twilio took it leaves it 'sending' with no SID:
    once its lease has expired, put it back in the queue (REL-02). Judged by when it was claimed, never by
    when it was due: after a backlog a text due long ago may have been claimed a second ago. Only the
    milliseconds between Twilio accepting and our commit could still double-send, and Twilio gives no
    idempotency key to close that gap."""
    expired = utcnow() - LEASE
    with transaction():
        db.session.execute(sa.update(OutboundMessage).where(
            OutboundMessage.status == OutboundStatus.SENDING, OutboundMessage.provider_sid.is_(None),
            sa.or_(OutboundMessage.claimed_at <= expired,
                   # rows claimed before leases existed
                   sa.and_(OutboundMessage.claimed_at.is_(None), OutboundMessage.send_after < expired)))
            .values(status=OutboundStatus.QUEUED, claimed_at=None).execution_options(synchronize_session=False))


@periodic(30)
def dispatch_due_sms():
    """Send what is due (after quiet hours, pacing or backoff); also recovers jobs a dead broker dropped."""
    _recover_stuck()
    due = db.session.scalars(sa.select(OutboundMessage.id).where(
        OutboundMessage.status == OutboundStatus.QUEUED, OutboundMessage.send_after <= utcnow())
        .order_by(OutboundMessage.urgent.desc(), OutboundMessage.send_after).limit(500)).all()
    for outbound_id in due:
        deliver_sms(outbound_id=outbound_id)


@periodic(60)
def dispatch_due_email():
    cutoff = utcnow() - timedelta(seconds=30)
    due = db.session.scalars(sa.select(OutboundEmail.id).where(
        OutboundEmail.status == OutboundStatus.QUEUED, OutboundEmail.created_at <= cutoff).limit(200)).all()
    for outbound_id in due:
        try:
            deliver_email(outbound_id=outbound_id)
        except Exception:
            log.warning("email %s still not sent", outbound_id)


@job
def deliver_email(*, outbound_id):
    outbound_id = uuid.UUID(str(outbound_id))
    if not _claim_email(outbound_id):
        return
    row = db.session.get(OutboundEmail, outbound_id)
    if not wanted.still_wanted(row.purpose, "email", row.to_address):
        with transaction():
            row.status = OutboundStatus.SUPPRESSED      # they changed their mind after it was queued
        return
    try:
        mailer_for(current_app).send(to=row.to_address, subject=row.subject, body=row.body)
    except Exception as error:
        log.warning("email %s not sent (%s); left queued for retry", row.id, type(error).__name__)
        with transaction():
            row.status = OutboundStatus.QUEUED
        raise
    with transaction():
        row.status, row.sent_at = OutboundStatus.SENT, utcnow()
