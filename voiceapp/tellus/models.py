"""Message, its replies (seen by the young person), staff notes (never seen), status events and themes."""
from flask_babel import lazy_gettext as _l
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship
from sqlalchemy.ext.orderinglist import ordering_list

from voiceapp.channel_enum import Channel
from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.errors import Conflict
from voiceapp.extensions import db


class Kind(str, enum.Enum):
    PROMISE_NOT_KEPT = "promise_not_kept"
    UNHAPPY = "unhappy"
    PRAISE = "praise"


class ReplyChannel(str, enum.Enum):
    SMS = "sms"
    WEB = "web"
    WORKER = "worker"
    CALL = "call"           # a call back to the number they rang from


class Outcome(str, enum.Enum):
    RESOLVED = "resolved"
    PARTLY_RESOLVED = "partly_resolved"
    NOT_UPHELD = "not_upheld"
    REFERRED_TO_COMPLAINTS = "referred_to_complaints"
    PRAISE_PASSED_ON = "praise_passed_on"


class EntryKind(str, enum.Enum):
    """What a thread entry is, so the young person's app can show a letter or a question differently."""
    REPLY = "reply"
    UPDATE = "update"
    LETTER = "letter"
    QUESTION = "satisfaction_question"


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
    # Time limits, fixed at receipt in working days (tellus/clocks.py); response_due_at follows the current clock.
    ack_due_at = sa.Column(UTCDateTime, nullable=False, index=True)
    response_due_at = sa.Column(UTCDateTime, nullable=False, index=True)
    extended_at = sa.Column(UTCDateTime)
    extension_reason = sa.Column(sa.String(500))
    outcome = sa.Column(enum_type(Outcome))
    reply_lock_staff_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    reply_lock_expires_at = sa.Column(UTCDateTime)
    complaint_stage = sa.Column(sa.Integer)
    advocacy_offered_at = sa.Column(UTCDateTime)
    satisfaction_asked_at = sa.Column(UTCDateTime)
    promise = relationship("Promise", lazy="joined")
    # Who sent it, for staff lists (the group of an anonymous sender); lists load it with their rows.
    young_person = relationship("YoungPerson", viewonly=True)
    # Entries written in one step (a closing letter, then the satisfaction question) share a timestamp, so
    # the thread keeps its own order: ordering_list numbers each entry as it is appended.
    replies = relationship("MessageReply", order_by="MessageReply.position", cascade="all, delete-orphan",
                           lazy="selectin", collection_class=ordering_list("position"))
    notes = relationship("MessageNote", order_by="MessageNote.created_at", cascade="all, delete-orphan")
    events = relationship("MessageEvent", order_by="MessageEvent.created_at", cascade="all, delete-orphan")
    themes = relationship("StrategicPriority", secondary=message_themes, lazy="selectin")
    complaint_stages = relationship("ComplaintStage", order_by="ComplaintStage.number",
                                    cascade="all, delete-orphan", lazy="selectin")

    @property
    def current_stage(self):
        return self.complaint_stages[-1] if self.complaint_stages else None

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
            # Reopened: it is owed a new answer, so the stamps and outcome describe the answer still to come.
            self.closed_at = self.responded_at = self.outcome = None
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
    kind = sa.Column(enum_type(EntryKind), nullable=False, default=EntryKind.REPLY)
    position = sa.Column(sa.Integer, nullable=False)      # 0, 1, 2... in the thread's order
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    read_at = sa.Column(UTCDateTime)
    # Where our words went besides the thread: sms, worker, team_inbox, or web (the thread only).
    delivered_to = sa.Column(sa.String(16))
    pass_on_by = sa.Column(UTCDateTime)                  # for worker and team_inbox: the day to pass it on by


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


class ComplaintStage(db.Model):
    """One stage of a formal complaint (Children Act 1989 representations procedure, SI 2006/1738)."""
    __tablename__ = "complaint_stages"
    __table_args__ = (sa.UniqueConstraint("message_id", "number"),)
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    number = sa.Column(sa.Integer, nullable=False)
    started_at = sa.Column(UTCDateTime, nullable=False)
    started_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    extended_at = sa.Column(UTCDateTime)
    extension_reason = sa.Column(sa.String(500))
    panel_held_at = sa.Column(UTCDateTime)
    panel_reported_at = sa.Column(UTCDateTime)
    responded_at = sa.Column(UTCDateTime)
    outcome = sa.Column(enum_type(Outcome))


class DeadlineNotice(db.Model):
    """A reminder or escalation sent for one deadline of one message; the unique key makes it once only."""
    __tablename__ = "message_deadline_notices"
    __table_args__ = (sa.UniqueConstraint("message_id", "deadline", "kind", "due_at"),)
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    deadline = sa.Column(sa.String(40), nullable=False)
    kind = sa.Column(sa.String(20), nullable=False)
    due_at = sa.Column(UTCDateTime, nullable=False)
    sent_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class Satisfaction(str, enum.Enum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class SatisfactionAnswer(db.Model):
    """Whether the young person was happy with the answer; their reasons live in the thread (reply_id)."""
    __tablename__ = "satisfaction_answers"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    answer = sa.Column(enum_type(Satisfaction), nullable=False)
    reply_id = sa.Column(sa.Uuid, sa.ForeignKey("message_replies.id", ondelete="SET NULL"))
    outcome = sa.Column(enum_type(Outcome))
    channel = sa.Column(enum_type(Channel), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class PraisePass(db.Model):
    """Praise passed on to the named person's manager, counted for the report."""
    __tablename__ = "praise_passed_on"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True)
    person_name = sa.Column(sa.String(200), nullable=False)
    manager_email = sa.Column(sa.String(254), nullable=False)
    passed_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    passed_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class ReplyTemplate(db.Model):
    """An approved reply in one language, for staff to insert and edit before sending."""
    __tablename__ = "reply_templates"
    id = id_column()
    language = sa.Column(sa.String(8), nullable=False, index=True)
    title = sa.Column(sa.String(120), nullable=False)
    body = sa.Column(sa.Text, nullable=False)
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    created_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    updated_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
