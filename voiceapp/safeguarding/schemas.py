"""Bodies for safeguarding: the alert as staff see it, what they send, and the young person's receipt."""
from datetime import timedelta

from flask import current_app
from marshmallow import fields

from voiceapp.channel_enum import Channel
from voiceapp.safeguarding import alerts, replies, unheard
from voiceapp.safeguarding.models import AlertStatus, EventKind, Trigger
from voiceapp.schemas import PageArgs, StrictSchema, text, when


def _staff(user):
    return {"id": str(user.id), "name": user.display_name} if user else None


def _acknowledge_by(alert):
    return alert.created_at + timedelta(minutes=current_app.config["ALERT_ESCALATE_MINUTES"])


class AlertFilterSchema(PageArgs):
    status = fields.Enum(AlertStatus, by_value=True)


class AlertSchema(StrictSchema):
    """An alert: who (pseudonymous id), how it came in and where it has got to; never the words themselves."""
    id = fields.UUID()
    young_person_id = fields.UUID(allow_none=True)
    source_type = fields.String()
    source_id = fields.UUID(allow_none=True)
    channel = fields.Enum(Channel, by_value=True)
    language = fields.String()
    categories = fields.List(fields.String())
    what = fields.Function(replies.what_was_raised)
    trigger = fields.Enum(Trigger, by_value=True)
    status = fields.Enum(AlertStatus, by_value=True)
    created_at = when()
    acknowledge_by = fields.Function(lambda a: _acknowledge_by(a).isoformat())
    acknowledged_at = when(allow_none=True)
    acknowledged_by = fields.Function(lambda a: _staff(a.acknowledged_by))
    action_taken = fields.String(allow_none=True)
    closed_at = when(allow_none=True)
    closed_by = fields.Function(lambda a: _staff(a.closed_by))
    notify_count = fields.Integer()
    last_notified_at = when(allow_none=True)
    escalated_at = when(allow_none=True)


class AlertEventSchema(StrictSchema):
    kind = fields.Enum(EventKind, by_value=True)
    actor_staff_id = fields.UUID(allow_none=True)
    actor_name = fields.Function(lambda event: event.actor.display_name if event.actor else None,
                                 metadata={"description": "the member of staff who did it, if one did"})
    recipients = fields.List(fields.String())
    note = fields.String(allow_none=True)
    source_type = fields.String(allow_none=True)
    source_id = fields.UUID(allow_none=True)
    created_at = when()


class AlertDetailSchema(AlertSchema):
    """One alert for the person acting on it: the words, read through the pointer, and the history."""
    words = fields.Function(alerts.source_text)
    has_recording = fields.Function(lambda a: unheard.recording_path(a) is not None,
                                    metadata={"description": "a recording of the young person is stored to listen to"})
    events = fields.List(fields.Nested(AlertEventSchema))


class AlertActionSchema(StrictSchema):
    action_taken = text(5000, required=True)


class SupportSchema(StrictSchema):
    alert = fields.Boolean()
    message = fields.String()


class UnsafeKeptSchema(StrictSchema):
    """The answer when the choice could not be recorded at once (the database was down)."""
    alert_id = fields.UUID(allow_none=True, dump_default=None)
    kept = fields.Boolean(dump_default=True)
    support = fields.Nested(SupportSchema)


class UnsafeReceiptSchema(StrictSchema):
    """What a young person gets back at once after choosing "I don't feel safe"."""
    alert_id = fields.UUID(attribute="id")
    support = fields.Function(lambda a: {"alert": True,
                                         "message": replies.crisis_reply(a.language, unsafe=True)})
