"""SafeguardingAlert (a pointer to what was said, never a copy of it) and its event log."""
import enum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import relationship

from voiceapp.channel_enum import Channel
from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db


class Trigger(str, enum.Enum):
    SCREENING = "screening"
    UNSAFE_CHOICE = "unsafe_choice"
    # A voice message nobody could turn into words (transcription failed, empty, late, or in a language
    # Twilio does not transcribe): a person must listen to it, on the same clock as any alert.
    UNHEARD_RECORDING = "unheard_recording"


class AlertStatus(str, enum.Enum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class EventKind(str, enum.Enum):
    RAISED = "raised"
    RENOTIFIED = "renotified"
    ESCALATED = "escalated"
    ACKNOWLEDGED = "acknowledged"
    ACTION_RECORDED = "action_recorded"
    CLOSED = "closed"
    ALSO_STORED = "also_stored"      # the same words were stored again, in the record the event points to
    EARLIER_PART = "earlier_part"    # an earlier text that, read with this one, raised the alert
    CONTACTED = "contacted"          # a member of staff texted the young person from the alert (the text as note)
    NUMBER_SHOWN = "number_shown"    # a member of staff was shown the young person's number to call them


class SafeguardingAlert(db.Model):
    __tablename__ = "safeguarding_alerts"
    id = id_column()
    # Empty when someone the service does not know yet (a new phone number) discloses.
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    source_type = sa.Column(sa.String(32), nullable=False)
    source_id = sa.Column(sa.Uuid)
    channel = sa.Column(enum_type(Channel), nullable=False)
    language = sa.Column(sa.String(8), nullable=False, default="en")
    categories = sa.Column(sa.JSON, nullable=False, default=list)
    trigger = sa.Column(enum_type(Trigger), nullable=False)
    status = sa.Column(enum_type(AlertStatus), nullable=False, default=AlertStatus.OPEN, index=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    acknowledged_at = sa.Column(UTCDateTime)
    acknowledged_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    action_taken = sa.Column(sa.Text)
    closed_at = sa.Column(UTCDateTime)
    closed_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    notify_count = sa.Column(sa.Integer, nullable=False, default=0)
    last_notified_at = sa.Column(UTCDateTime)
    escalated_at = sa.Column(UTCDateTime)
    acknowledged_by = relationship("StaffUser", foreign_keys=[acknowledged_by_id], lazy="joined")
    closed_by = relationship("StaffUser", foreign_keys=[closed_by_id], lazy="joined")
    events = relationship("AlertEvent", order_by="AlertEvent.created_at", cascade="all, delete-orphan",
                          lazy="selectin")
    # One alert per piece of text: a retried webhook or a re-saved answer never raises a second.
    __table_args__ = (sa.UniqueConstraint("source_type", "source_id"),)

    def acknowledge(self, *, staff_id, when):
        """A named member of staff takes the alert on; this stops the alert clock."""
        if self.status != AlertStatus.OPEN:
            raise Conflict(_l("Someone has already taken this alert on"), field="status",
                           reason=f"the alert is {self.status.value}")
        self.status, self.acknowledged_at, self.acknowledged_by_id = AlertStatus.ACKNOWLEDGED, when, staff_id
        self.events.append(AlertEvent(kind=EventKind.ACKNOWLEDGED, actor_staff_id=staff_id, created_at=when))

    def record_action(self, *, staff_id, action_taken, when):
        """What was done is written down by whoever did it, after the alert was taken on."""
        if self.status != AlertStatus.ACKNOWLEDGED:
            raise Conflict(_l("Take the alert on before recording what was done"), field="status",
                           reason=f"the alert is {self.status.value}")
        self.action_taken = action_taken
        self.events.append(AlertEvent(kind=EventKind.ACTION_RECORDED, actor_staff_id=staff_id, note=action_taken,
                                      created_at=when))

    def close(self, *, staff_id, when):
        """Only a person closes an alert, after taking it on and recording the action (UK GDPR Art 22)."""
        if staff_id is None:
            raise Conflict(_l("Only staff can close an alert"), field="status",
                           reason="closing needs a staff member")
        if self.status != AlertStatus.ACKNOWLEDGED:
            raise Conflict(_l("Take the alert on before closing it"), field="status",
                           reason=f"the alert is {self.status.value}")
        if not (self.action_taken or "").strip():
            raise Invalid(_l("Record what was done before closing the alert"), field="action_taken",
                          reason="required before closing")
        self.status, self.closed_at, self.closed_by_id = AlertStatus.CLOSED, when, staff_id
        self.events.append(AlertEvent(kind=EventKind.CLOSED, actor_staff_id=staff_id, created_at=when))

    def record_contact(self, *, kind, staff_id, when, note=None):
        """A member of staff reached for the young person (texted them, or was shown their number to call)."""
        self.events.append(AlertEvent(kind=kind, actor_staff_id=staff_id, note=note, created_at=when))


class AlertEvent(db.Model):
    """The alert's history: each notice sent (to whom, by name), acknowledgement, action, closing, and any
    other record holding the same words."""
    __tablename__ = "safeguarding_alert_events"
    id = id_column()
    alert_id = sa.Column(sa.Uuid, sa.ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    kind = sa.Column(enum_type(EventKind), nullable=False)
    actor_staff_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"))
    recipients = sa.Column(sa.JSON, nullable=False, default=list)
    note = sa.Column(sa.Text)
    source_type = sa.Column(sa.String(32))
    source_id = sa.Column(sa.Uuid, index=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    actor = relationship("StaffUser", lazy="joined")
    actor = relationship("StaffUser", lazy="joined")
