"""Delivering queued SMS; safe to run twice for the same row."""
import logging
import uuid
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import job
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import recipients
from voiceapp.messaging.email import mailer_for
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.messaging.senders import sender_for

log = logging.getLogger(__name__)


def _claim(model, outbound_id):
    """Move the row from queued to sending in one statement, so two workers cannot both send it."""
    with transaction():
        claimed = db.session.execute(sa.update(model).where(
            model.id == outbound_id, model.status == OutboundStatus.QUEUED)
            .values(status=OutboundStatus.SENDING, attempts=model.attempts + 1)).rowcount
    return claimed == 1


@job
def deliver_sms(*, outbound_id):
    """Send one queued SMS once it is due; retry what may succeed later, stop at what never will."""
    outbound_id = uuid.UUID(str(outbound_id))
    row = db.session.get(OutboundMessage, outbound_id)
    if row is None or row.status != OutboundStatus.QUEUED or row.send_after > utcnow():
        return
    if row.valid_until and row.valid_until < utcnow():
        with transaction():
            row.status = OutboundStatus.EXPIRED
        return
    if not _claim(OutboundMessage, outbound_id):
        return
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
        row.status = OutboundStatus.QUEUED
        row.send_after = utcnow() + timedelta(seconds=current_app.config["SMS_RETRY_BASE_SECONDS"] * 2 ** row.attempts)
        log.info("sms %s not sent (%s); retrying later", row.id, row.error_code)




STUCK_AFTER = timedelta(minutes=10)


def _recover_stuck():
    """A worker that died after claiming a text but before Twilio took it leaves it 'sending' with no SID:
    put it back in the queue (REL-02). Only the milliseconds between Twilio accepting and our commit could
    still double-send, and Twilio gives no idempotency key to close that gap."""
    with transaction():
        db.session.execute(sa.update(OutboundMessage).where(
            OutboundMessage.status == OutboundStatus.SENDING, OutboundMessage.provider_sid.is_(None),
            OutboundMessage.send_after < utcnow() - STUCK_AFTER).values(status=OutboundStatus.QUEUED))


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
    if not _claim(OutboundEmail, outbound_id):
        return
    row = db.session.get(OutboundEmail, outbound_id)
    try:
        mailer_for(current_app).send(to=row.to_address, subject=row.subject, body=row.body)
    except Exception as error:
        log.warning("email %s not sent (%s); left queued for retry", row.id, type(error).__name__)
        with transaction():
            row.status = OutboundStatus.QUEUED
        raise
    with transaction():
        row.status, row.sent_at = OutboundStatus.SENT, utcnow()
