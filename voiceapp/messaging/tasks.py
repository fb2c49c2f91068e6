"""Delivering queued SMS; safe to run twice for the same row."""
import logging
import uuid

import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import job
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
    outbound_id = uuid.UUID(str(outbound_id))
    if not _claim(OutboundMessage, outbound_id):
        return
    row = db.session.get(OutboundMessage, outbound_id)
    try:
        result = sender_for(current_app).send(to=crypto.decrypt(row.to_encrypted),
                                              body=crypto.decrypt(row.body_encrypted))
    except Exception as error:
        log.warning("sms %s not sent (%s); left queued for retry", row.id, type(error).__name__)
        with transaction():
            row.status = OutboundStatus.QUEUED
        raise
    with transaction():
        row.status, row.provider_sid, row.sent_at = OutboundStatus.SENT, result.sid, utcnow()
        if row.purpose == "otp":
            # A sign-in code has no use once sent: keep no copy of it.
            row.body_encrypted = crypto.encrypt("")


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
