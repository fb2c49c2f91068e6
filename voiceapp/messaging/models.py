"""OutboundMessage: the outbox row every send starts as, so nothing is lost if the provider is down."""
import enum

import sqlalchemy as sa

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db


class OutboundStatus(str, enum.Enum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    SUPPRESSED = "suppressed"     # opted out: never sent
    EXPIRED = "expired"
    HELD = "held"                 # a bulk text paused while the young person has something open


class OutboundMessage(db.Model):
    __tablename__ = "outbound_messages"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    to_encrypted = sa.Column(sa.Text, nullable=False)
    body_encrypted = sa.Column(sa.Text, nullable=False)
    purpose = sa.Column(sa.String(32), nullable=False)
    status = sa.Column(enum_type(OutboundStatus), nullable=False,
                       default=OutboundStatus.QUEUED, index=True)
    direct_reply = sa.Column(sa.Boolean, nullable=False, default=False)
    urgent = sa.Column(sa.Boolean, nullable=False, default=False)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    provider_sid = sa.Column(sa.String(64), unique=True)
    error_code = sa.Column(sa.String(16))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    sent_at = sa.Column(UTCDateTime, index=True)      # the pace over the last minute is counted from it
    claimed_at = sa.Column(UTCDateTime)                # a worker's lease while 'sending' (messaging/tasks.py)
    send_after = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)   # quiet hours, pacing, backoff
    valid_until = sa.Column(UTCDateTime)       # time-bound texts expire rather than arrive late
    segments = sa.Column(sa.Integer, nullable=False, default=1)


class OutboundEmail(db.Model):
    """Staff notifications by email, queued like SMS so an SMTP outage loses nothing."""
    __tablename__ = "outbound_emails"
    id = id_column()
    to_address = sa.Column(sa.String(254), nullable=False)
    subject = sa.Column(sa.String(200), nullable=False)
    body = sa.Column(sa.Text, nullable=False)
    purpose = sa.Column(sa.String(32), nullable=False)
    status = sa.Column(enum_type(OutboundStatus), nullable=False, default=OutboundStatus.QUEUED, index=True)
    urgent = sa.Column(sa.Boolean, nullable=False, default=False)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    sent_at = sa.Column(UTCDateTime)
