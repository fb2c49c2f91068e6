"""Delivery status callbacks from Twilio: idempotent and never moving backwards (TW-13)."""
import logging

import sqlalchemy as sa

from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import recipients
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

log = logging.getLogger(__name__)
# How far along a message is; a late 'sent' after 'delivered' must not undo it.
RANK = {"queued": 0, "accepted": 0, "scheduled": 0, "sending": 1, "sent": 2, "delivered": 3, "read": 3,
        "undelivered": 3, "failed": 3, "canceled": 3}
TO_STATUS = {"sent": OutboundStatus.SENT, "delivered": OutboundStatus.DELIVERED, "read": OutboundStatus.DELIVERED,
             "undelivered": OutboundStatus.UNDELIVERED, "failed": OutboundStatus.FAILED,
             "canceled": OutboundStatus.FAILED}
OUR_RANK = {OutboundStatus.QUEUED: 0, OutboundStatus.SENDING: 1, OutboundStatus.SENT: 2,
            OutboundStatus.DELIVERED: 3, OutboundStatus.UNDELIVERED: 3, OutboundStatus.FAILED: 3}


def record_status(*, provider_sid, status, error_code=None):
    """Apply a callback if it moves the message forward; unknown SIDs are acknowledged and logged."""
    row = db.session.scalar(sa.select(OutboundMessage).where(OutboundMessage.provider_sid == provider_sid))
    if row is None:
        log.info("status callback for a message we did not send (%s)", status)
        return None
    new = TO_STATUS.get(status)
    if new is None or RANK[status] <= OUR_RANK.get(row.status, 3):
        return row
    with transaction():
        row.status = new
        row.error_code = error_code or row.error_code
        if error_code == "21610":
            recipients.mark_opted_out(row.young_person_id)
    return row
