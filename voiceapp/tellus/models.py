"""Message, its replies (seen by the young person), staff notes (never seen), status events and themes."""
from flask_babel import lazy_gettext as _l
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.promises.models import Channel


class Kind(str, enum.Enum):
    PROMISE_NOT_KEPT = "promise_not_kept"
    UNHAPPY = "unhappy"
    PRAISE = "praise"


class ReplyChannel(str, enum.Enum):
    SMS = "sms"
    WEB = "web"
    WORKER = "worker"


class Status(str, enum.Enum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    RESPONDED = "responded"
    CLOSED = "closed"


# Which status may follow which. Reopening a closed message takes it back to acknowledged.
TRANSITIONS = {
    Status.RECEIVED: {Status.ACKNOWLEDGED, Status.RESPONDED, Status.CLOSED},
    Status.ACKNOWLEDGED: {Status.RESPONDED, Status.CLOSED},
    Status.RESPONDED: {Status.ACKNOWLEDGED, Status.CLOSED},
    Status.CLOSED: {Status.ACKNOWLEDGED},
}
STAMPS = {Status.ACKNOWLEDGED: "acknowledged_at", Status.RESPONDED: "responded_at", Status.CLOSED: "closed_at"}

message_themes = sa.Table(
    "message_themes", db.metadata,
    sa.Column("message_id", sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("priority_id", sa.Uuid, sa.ForeignKey("strategic_priorities.id"), primary_key=True),
)


class Message(db.Model):
    __tablename__ = "messages"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    kind = sa.Column(enum_type(Kind), nullable=False)
    promise_id = sa.Column(sa.Uuid, sa.ForeignKey("promises.id"))
    praise_for = sa.Column(sa.String(200))
    body = sa.Column(sa.Text, nullable=False)
    wants_reply = sa.Column(sa.Boolean, nullable=False, default=True)
    reply_channel = sa.Column(enum_type(ReplyChannel))
    anonymous = sa.Column(sa.Boolean, nullable=False, default=False)
    channel = sa.Column(enum_type(Channel), nullable=False)
    status = sa.Column(enum_type(Status), nullable=False, default=Status.RECEIVED,
                       index=True)
    received_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    acknowledged_at = sa.Column(UTCDateTime)
    responded_at = sa.Column(UTCDateTime)
    closed_at = sa.Column(UTCDateTime)
    assigned_to_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), index=True)
    promise = relationship("Promise", lazy="joined")
    replies = relationship("MessageReply", order_by="MessageReply.created_at", cascade="all, delete-orphan",
                           lazy="selectin")
    notes = relationship("MessageNote", order_by="MessageNote.created_at", cascade="all, delete-orphan")
    events = relationship("MessageEvent", order_by="MessageEvent.created_at", cascade="all, delete-orphan")
    themes = relationship("StrategicPriority", secondary=message_themes, lazy="selectin")

    def move_to(self, status, *, actor_staff_id=None, when):
        """Change status if the step is allowed, stamping its time and keeping the history."""
        if status == self.status:
            return False
        if status == Status.CLOSED and actor_staff_id is None:
            # Only a person closes a message; nothing automatic ever does (UK GDPR Art 22, PRIV-11).
            raise Conflict(_l("Only staff can close a message"), field="status", reason="closing needs a staff member")
        if status not in TRANSITIONS[self.status]:
            raise Conflict(f"A {self.status.value} message cannot become {status.value}",
                           field="status", reason=f"cannot go from {self.status.value} to {status.value}")
        self.events.append(MessageEvent(from_status=self.status, to_status=status,
                                        actor_staff_id=actor_staff_id, created_at=when))
        if status in STAMPS and getattr(self, STAMPS[status]) is None:
            setattr(self, STAMPS[status], when)
        if status == Status.ACKNOWLEDGED and self.status == Status.CLOSED:
            self.closed_at = None
        self.status = status
        return True


class MessageReply(db.Model):
    """Part of the thread the young person sees; author_staff_id is empty when the young person wrote it."""
    __tablename__ = "message_replies"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    author_staff_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    body = sa.Column(sa.Text, nullable=False)
    channel = sa.Column(enum_type(Channel), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    read_at = sa.Column(UTCDateTime)


class MessageNote(db.Model):
    """Internal staff notes, never shown to the young person."""
    __tablename__ = "message_notes"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    author_staff_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    body = sa.Column(sa.Text, nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class MessageEvent(db.Model):
    __tablename__ = "message_events"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    from_status = sa.Column(enum_type(Status))
    to_status = sa.Column(enum_type(Status), nullable=False)
    actor_staff_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
