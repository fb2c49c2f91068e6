"""Bodies for staff casework on a message: deadlines, the reply lock, complaints, praise, approved replies."""
from marshmallow import fields, validate

from voiceapp import languages

from voiceapp.database import utcnow
from voiceapp.read_models import found
from voiceapp.schemas import StrictSchema, text, when
from voiceapp.tellus import clocks, deadlines
from voiceapp.tellus.models import Outcome, Satisfaction

LANGUAGE = fields.String(validate=validate.OneOf(languages.CODES))
REASON_MAX = 500


class DeadlineSchema(StrictSchema):
    """The deadline that matters now; timeliness is on_time, due_soon or overdue (measured from receipt)."""
    name = fields.String()
    due_at = when()
    timeliness = fields.String(validate=validate.OneOf(["on_time", "due_soon", "overdue"]))


def deadline_of(message):
    return DeadlineSchema().dump(clocks.deadline_view(message, utcnow()))


class LockSchema(StrictSchema):
    staff_id = fields.UUID()
    name = fields.String()
    expires_at = when()


def lock_of(message):
    holder = found(message, "lock_holder")
    if holder is None:
        return None
    return LockSchema().dump({"staff_id": holder.id, "name": holder.display_name,
                              "expires_at": message.reply_lock_expires_at})


class StageSchema(StrictSchema):
    number = fields.Integer()
    started_at = when()
    extended_at = when(allow_none=True)
    extension_reason = fields.String(allow_none=True)
    panel_held_at = when(allow_none=True)
    panel_reported_at = when(allow_none=True)
    responded_at = when(allow_none=True)
    outcome = fields.Enum(Outcome, by_value=True, allow_none=True)
    deadlines = fields.Function(lambda stage: {name: due.isoformat() for name, due in
                                               clocks.stage_deadlines(stage).items()})


class ComplaintSchema(StrictSchema):
    stage = fields.Integer(attribute="complaint_stage")
    advocacy_offered_at = when(allow_none=True)
    stages = fields.List(fields.Nested(StageSchema), attribute="complaint_stages")


def complaint_of(message):
    return None if message.complaint_stage is None else ComplaintSchema().dump(message)


class StaffReplyInSchema(StrictSchema):
    body = text(5000, required=True)
    template_id = fields.UUID(allow_none=True, metadata={"description": "the approved reply it started from"})


class ExtensionInSchema(StrictSchema):
    reason = fields.String(required=True, validate=validate.Length(max=REASON_MAX))


class AdvocacyInSchema(StrictSchema):
    offered_at = when(allow_none=True, metadata={"description": "default: now"})


class EscalateInSchema(StrictSchema):
    requested_at = when(allow_none=True, metadata={"description": "when the young person asked; "
                                                                                  "default: now"})


class StageStepInSchema(StrictSchema):
    step = fields.String(required=True, validate=validate.OneOf(list(deadlines.RECORDED_STEPS)))
    at = when(allow_none=True)


class LetterArgsSchema(StrictSchema):
    outcome = fields.Enum(Outcome, by_value=True, required=True)
    language = LANGUAGE


class LetterSchema(StrictSchema):
    language = fields.String()
    text = fields.String()


class PraiseInSchema(StrictSchema):
    manager_email = fields.Email(required=True, validate=validate.Length(max=254))
    person_name = fields.String(validate=validate.Length(min=1, max=200),
                                metadata={"description": "default: who the young person named"})
    note = fields.String(validate=validate.Length(max=2000), metadata={
        "description": "staff wording for the manager; the young person's own words are never emailed"})


class SatisfactionInSchema(StrictSchema):
    answer = fields.Enum(Satisfaction, by_value=True, required=True)
    why = fields.String(validate=validate.Length(max=2000), allow_none=True)


class SatisfactionAnswerSchema(StrictSchema):
    answer = fields.Enum(Satisfaction, by_value=True)
    outcome = fields.Enum(Outcome, by_value=True, allow_none=True)
    reply_id = fields.UUID(allow_none=True)
    created_at = when()


class TemplateInSchema(StrictSchema):
    language = fields.String(required=True, validate=validate.OneOf(languages.CODES))
    title = text(120, required=True)
    body = text(5000, required=True)


class TemplateUpdateSchema(StrictSchema):
    language = LANGUAGE
    title = text(120)
    body = text(5000)
    active = fields.Boolean()


class TemplateSchema(StrictSchema):
    id = fields.UUID()
    language = fields.String()
    title = fields.String()
    body = fields.String()
    active = fields.Boolean()
    updated_at = when()


class TemplateFilterSchema(StrictSchema):
    language = LANGUAGE
    include_retired = fields.Boolean(load_default=False)
