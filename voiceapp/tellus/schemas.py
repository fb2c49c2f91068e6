"""Bodies for Tell Us, We Care: what a young person sends and sees, and what staff see and do."""
from marshmallow import fields, validate

from voiceapp.people.models import AgeBand, Cohort
from voiceapp.read_models import Found, FoundList
from voiceapp.schemas import PageArgs, StrictSchema, text, when
from voiceapp.tellus import casework_schemas as casework
from voiceapp.tellus import notifications, satisfaction, wording
from voiceapp.tellus.models import EntryKind, Kind, Outcome, ReplyChannel, Satisfaction, Status

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
    kind = fields.Enum(EntryKind, by_value=True)
    body = fields.String()
    created_at = when()
    delivered_to = fields.String(allow_none=True, metadata={"description": "sms, worker, team_inbox or web"})
    pass_on_by = when(allow_none=True)
    # The crisis reply, when the young person's words here raised a safeguarding alert (SAFE-01).
    support = Found(allow_none=True, metadata={"description": "crisis support, when this raised an alert"})


class YourSatisfactionSchema(StrictSchema):
    """What the young person told us about our answer, and when."""
    answer = fields.Enum(Satisfaction, by_value=True)
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
    ack_due_at = when()
    response_due_at = when()
    next_step = fields.Function(wording.next_step, metadata={"description": "what happens next, and by when"})
    asks_satisfaction = fields.Function(satisfaction.awaits_answer,
                                        metadata={"description": "we are asking if you are happy with our answer"})
    satisfaction = FoundList(fields.Nested(YourSatisfactionSchema), attribute="satisfaction_answers",
                             metadata={"description": "what you told us"})
    replies = FoundList(fields.Nested(ThreadEntrySchema), attribute="thread")
    support = Found(allow_none=True, metadata={"description": "crisis support, when this raised an alert"})


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
    person = message.young_person
    sender = {"cohort": person.cohort.value, "age_band": person.age_band.value, "language": person.language}
    if not message.anonymous:
        sender["young_person_id"] = str(person.id)
    return sender


class StaffMessageSummarySchema(MyMessageSchema):
    replies = None
    sender = fields.Function(_sender)
    assigned_to_id = fields.UUID(allow_none=True)
    themes = fields.Function(lambda m: sorted(t.number for t in m.themes))
    deadline = fields.Function(casework.deadline_of, metadata={"description": "the deadline that matters now"})
    outcome = fields.Enum(Outcome, by_value=True, allow_none=True)
    complaint_stage = fields.Integer(allow_none=True)

    class Meta(StrictSchema.Meta):
        # The crisis reply is for the young person; a per-row look-up would also slow the triage list.
        exclude = ("replies", "support", "next_step", "asks_satisfaction", "satisfaction")


class StaffMessageSchema(StaffMessageSummarySchema):
    thread = FoundList(fields.Nested(ThreadEntrySchema))
    notes = fields.List(fields.Nested(NoteSchema))
    events = fields.List(fields.Nested(EventSchema))
    reply_lock = fields.Function(casework.lock_of, metadata={"description": "who is replying now, if anyone"})
    reply_route = fields.Function(notifications.reply_route, metadata={"description": "where a reply will go"})
    extended_at = when(allow_none=True)
    extension_reason = fields.String(allow_none=True)
    advocacy_offered_at = when(allow_none=True)
    complaint = fields.Function(casework.complaint_of)
    satisfaction_answers = FoundList(fields.Nested(casework.SatisfactionAnswerSchema))


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
    unassigned = fields.Boolean()
    overdue = fields.Boolean(metadata={"description": "a running deadline has passed"})
    complaint = fields.Boolean(metadata={"description": "formal complaints only (or none)"})
    waiting = fields.Boolean(metadata={"description": "only messages not yet closed (false: only closed ones)"})
    sort = fields.String(load_default="urgency", validate=validate.OneOf(["urgency", "oldest", "newest"]))


class StatusChangeSchema(StrictSchema):
    status = fields.Enum(Status, by_value=True, required=True)
    outcome = fields.Enum(Outcome, by_value=True, metadata={"description": "required to close"})


class AssignSchema(StrictSchema):
    staff_id = fields.UUID(required=True)


class ThemesSchema(StrictSchema):
    themes = fields.List(fields.Integer(validate=validate.Range(min=1, max=6)), required=True)
