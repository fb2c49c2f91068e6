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


class CallStatus(str, enum.Enum):
    QUEUED = "queued"             # waiting for its moment (allowed hours, or the retry)
    CALLING = "calling"           # Twilio has it; its status callback says how it ended
    ANSWERED = "answered"
    NOT_ANSWERED = "not_answered"  # no answer (or busy, or failed) on every attempt
    SUPPRESSED = "suppressed"     # the young person opted out before it was placed


class OutboundCall(db.Model):
    """A call that reads a written answer to a young person (a call back), queued like SMS: placed only in
    allowed hours, tried again once if nobody answers, and its outcome handed to whoever queued it."""
    __tablename__ = "outbound_calls"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    to_encrypted = sa.Column(sa.Text, nullable=False)
    body_encrypted = sa.Column(sa.Text, nullable=False)
    language = sa.Column(sa.String(8), nullable=False, default="en")
    purpose = sa.Column(sa.String(32), nullable=False)
    # What the call answers (e.g. "message_reply" and its id): the outcome goes back to it.
    source_type = sa.Column(sa.String(32), nullable=False)
    source_id = sa.Column(sa.Uuid, nullable=False)
    status = sa.Column(enum_type(CallStatus), nullable=False, default=CallStatus.QUEUED, index=True)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    provider_sid = sa.Column(sa.String(64), unique=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    send_after = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    ended_at = sa.Column(UTCDateTime)
