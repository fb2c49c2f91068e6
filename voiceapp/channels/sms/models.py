"""InboundSms (stored before anything else happens) and SmsConversation (state keyed by phone number)."""
import enum

import sqlalchemy as sa

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db


class InboundStatus(str, enum.Enum):
    PENDING = "pending"        # stored, not yet handled
    PROCESSED = "processed"
    FAILED = "failed"          # handling raised; the sweep tries again


class InboundSms(db.Model):
    """Every text a young person sends, stored first, once per MessageSid, whatever happens next."""
    __tablename__ = "inbound_sms"
    id = id_column()
    message_sid = sa.Column(sa.String(64), nullable=False, unique=True)
    phone_hash = sa.Column(sa.String(64), nullable=False, index=True)
    phone_encrypted = sa.Column(sa.Text, nullable=False)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    body = sa.Column(sa.Text, nullable=False, default="")
    num_segments = sa.Column(sa.Integer, nullable=False, default=1)
    received_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    status = sa.Column(enum_type(InboundStatus), nullable=False, default=InboundStatus.PENDING, index=True)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    reply = sa.Column(sa.Text)                 # the TwiML we answered with, to answer a retry identically
    via_fallback = sa.Column(sa.Boolean, nullable=False, default=False)
    error_code = sa.Column(sa.String(16))
    from_spool = sa.Column(sa.Boolean, nullable=False, default=False)
    # Not stored: set by screening as a new text is stored (whether an alert holds it), so the conversation
    # step need not ask again; None on a row read back from the database.
    alerted = None


class SmsConversation(db.Model):
    """Where a number is in its conversation; any worker process can carry it on."""
    __tablename__ = "sms_conversations"
    id = id_column()
    phone_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    flow = sa.Column(sa.String(24), nullable=False, default="menu")
    state = sa.Column(sa.JSON, nullable=False, default=dict)
    language = sa.Column(sa.String(8))
    privacy_notice_sent = sa.Column(sa.Boolean, nullable=False, default=False)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
