"""Bodies for Tell Us, We Care: what a young person sends and sees, and what staff see and do."""
from marshmallow import fields, validate

from voiceapp.people.models import AgeBand, Cohort
from voiceapp.schemas import PageArgs, StrictSchema, text, when
from voiceapp.tellus.models import Kind, ReplyChannel, Status

BODY_MAX = 5000


class MessageInSchema(StrictSchema):
    kind = fields.Enum(Kind, by_value=True, required=True)
    body = text(BODY_MAX, required=True)
    promise_id = fields.UUID(allow_none=True)
    praise_for = fields.String(validate=validate.Length(max=200), allow_none=True)
    wants_reply = fields.Boolean(load_default=True)
    reply_channel = fields.Enum(ReplyChannel, by_value=True, allow_none=True)
    anonymous = fields.Boolean(load_default=False)


class ReplyInSchema(StrictSchema):
    body = text(BODY_MAX, required=True)


class ThreadEntrySchema(StrictSchema):
    id = fields.UUID()
    author = fields.Function(lambda r: "staff" if r.author_staff_id else "you")
    body = fields.String()
    created_at = when()


class MyMessageSchema(StrictSchema):
    """A young person's view of their message: the thread, never staff notes or who is assigned."""
    id = fields.UUID()
    kind = fields.Enum(Kind, by_value=True)
    promise_id = fields.UUID(allow_none=True)
    praise_for = fields.String(allow_none=True)
    body = fields.String()
    wants_reply = fields.Boolean()
    reply_channel = fields.Enum(ReplyChannel, by_value=True, allow_none=True)
    anonymous = fields.Boolean()
    channel = fields.Function(lambda m: m.channel.value)
    status = fields.Enum(Status, by_value=True)
    received_at = when()
    acknowledged_at = when(allow_none=True)
    responded_at = when(allow_none=True)
    closed_at = when(allow_none=True)
    replies = fields.List(fields.Nested(ThreadEntrySchema))


class NoteSchema(StrictSchema):
    id = fields.UUID()
    author_staff_id = fields.UUID()
    body = fields.String()
    created_at = when()


class EventSchema(StrictSchema):
    from_status = fields.Enum(Status, by_value=True, allow_none=True)
    to_status = fields.Enum(Status, by_value=True)
    actor_staff_id = fields.UUID(allow_none=True)
    created_at = when()


def _sender(message):
    """Anonymous messages show staff the group, never the person."""
    from voiceapp.extensions import db
    from voiceapp.people.models import YoungPerson
    person = db.session.get(YoungPerson, message.young_person_id)
    sender = {"cohort": person.cohort.value, "age_band": person.age_band.value, "language": person.language}
    if not message.anonymous:
        sender["young_person_id"] = str(person.id)
    return sender


class StaffMessageSummarySchema(MyMessageSchema):
    replies = None
    sender = fields.Function(_sender)
    assigned_to_id = fields.UUID(allow_none=True)
    themes = fields.Function(lambda m: sorted(t.number for t in m.themes))

    class Meta(StrictSchema.Meta):
        exclude = ("replies",)


class StaffMessageSchema(StaffMessageSummarySchema):
    thread = fields.Function(lambda m: ThreadEntrySchema(many=True).dump(m.replies))
    notes = fields.List(fields.Nested(NoteSchema))
    events = fields.List(fields.Nested(EventSchema))


class MessagePageSchema(StrictSchema):
    total = fields.Integer()
    items = fields.List(fields.Nested(StaffMessageSummarySchema))


class MessageFilterSchema(PageArgs):
    status = fields.Enum(Status, by_value=True)
    kind = fields.Enum(Kind, by_value=True)
    cohort = fields.Enum(Cohort, by_value=True)
    age_band = fields.Enum(AgeBand, by_value=True)
    theme = fields.Integer(validate=validate.Range(min=1, max=6))
    assigned_to = fields.UUID()


class StatusChangeSchema(StrictSchema):
    status = fields.Enum(Status, by_value=True, required=True)


class AssignSchema(StrictSchema):
    staff_id = fields.UUID(required=True)


class ThemesSchema(StrictSchema):
    themes = fields.List(fields.Integer(validate=validate.Range(min=1, max=6)), required=True)
