"""Bodies for the report API: report requests, keyword rules, actions, quotes and council views."""
from marshmallow import fields, validate

from voiceapp import languages
from voiceapp.auth.models import Council
from voiceapp.reports.models import ActionStatus, MeetingKind, NoticeChoice, QuoteSource, QuoteStatus
from voiceapp.schemas import StrictSchema, day, text, when

THEME = dict(validate=validate.Range(min=1, max=6))
# Letters (any script), digits, spaces, apostrophes and hyphens: nothing a database could read as a pattern.
KEYWORD = validate.Regexp(r"^[^\W_](?:[\w' -]*[^\W_])?$", error="letters, digits, spaces, ' and - only")


class ReportArgs(StrictSchema):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "html", "pdf"]))
    audience = fields.String(load_default=None, validate=validate.OneOf(["board", "young_people"]))


LANGUAGE = dict(validate=validate.Regexp(r"^[a-z]{2,3}$", error="a language code such as en or ar"))


class RuleInSchema(StrictSchema):
    priority = fields.Integer(required=True, **THEME)
    keyword = fields.String(required=True, validate=[validate.Length(min=2, max=60), KEYWORD])
    language = fields.String(load_default="en", **LANGUAGE)
    is_active = fields.Boolean(load_default=True)


class RuleChangeSchema(StrictSchema):
    priority = fields.Integer(**THEME)
    keyword = fields.String(validate=[validate.Length(min=2, max=60), KEYWORD])
    language = fields.String(**LANGUAGE)
    is_active = fields.Boolean()


class RuleSchema(StrictSchema):
    id = fields.UUID()
    priority = fields.Function(lambda r: r.priority.number)
    keyword = fields.String()
    language = fields.String()
    is_active = fields.Boolean()


def what_translations(**extra):
    """What was done in each registered language other than English, each up to 500 characters."""
    return fields.Dict(keys=fields.String(validate=validate.OneOf(languages.TRANSLATED)),
                       values=fields.String(validate=validate.Length(max=500)), **extra)


class ActionInSchema(StrictSchema):
    what = text(500, required=True)
    what_translations = what_translations(load_default=dict)
    who = text(120, required=True)
    priority = fields.Integer(**THEME)
    message_id = fields.UUID(allow_none=True)
    promise_id = fields.UUID(allow_none=True)
    due_on = day(allow_none=True)
    done_on = day(allow_none=True)
    status = fields.Enum(ActionStatus, by_value=True, load_default=ActionStatus.PLANNED)


class ActionChangeSchema(StrictSchema):
    what = text(500)
    what_translations = what_translations()
    who = text(120)
    priority = fields.Integer(**THEME)
    due_on = day(allow_none=True)
    done_on = day(allow_none=True)
    status = fields.Enum(ActionStatus, by_value=True)


class ActionFilterSchema(StrictSchema):
    theme = fields.Integer(**THEME)
    status = fields.Enum(ActionStatus, by_value=True)


class ActionSchema(StrictSchema):
    id = fields.UUID()
    what = fields.String()
    what_translations = fields.Dict(keys=fields.String(), values=fields.String())
    who = fields.String()
    priority = fields.Function(lambda a: a.priority.number)
    message_id = fields.UUID(allow_none=True)
    promise_id = fields.UUID(allow_none=True)
    due_on = day(allow_none=True)
    done_on = day(allow_none=True)
    status = fields.Enum(ActionStatus, by_value=True)
    told_young_people_at = when(allow_none=True)
    created_at = when()


class QuoteInSchema(StrictSchema):
    source_type = fields.Enum(QuoteSource, by_value=True, required=True)
    source_id = fields.UUID(required=True)


class QuoteEditSchema(StrictSchema):
    text = text(2000, required=True)


class QuoteFilterSchema(StrictSchema):
    status = fields.Enum(QuoteStatus, by_value=True)


class QuoteSchema(StrictSchema):
    """Staff's view of a quote: the redacted words and where they came from, never who said them."""
    id = fields.UUID()
    source_type = fields.Enum(QuoteSource, by_value=True)
    source_id = fields.UUID()
    priority = fields.Function(lambda q: q.priority.number if q.priority else None)
    text = fields.String()
    said_at = when()
    status = fields.Enum(QuoteStatus, by_value=True)
    decided_at = when(allow_none=True)


class CouncilPriorityInSchema(StrictSchema):
    priority = fields.Integer(required=True, **THEME)


class CouncilCommentInSchema(StrictSchema):
    body = text(2000, required=True)
    priority = fields.Integer(allow_none=True, **THEME)


class CouncilCommentSchema(StrictSchema):
    id = fields.UUID()
    council = fields.Function(lambda c: c.council.value)
    period = fields.String()
    priority = fields.Function(lambda c: c.priority.number if c.priority else None)
    body = fields.String()
    created_at = when()


class CouncilPrioritySchema(StrictSchema):
    council = fields.Function(lambda c: c.council.value)
    period = fields.String()
    priority = fields.Function(lambda c: c.priority.number)


class LinkedActionSchema(StrictSchema):
    id = fields.UUID()
    what = fields.String()
    who = fields.String()
    status = fields.Enum(ActionStatus, by_value=True)
    done_on = day()


class CouncilPriorityWithActionsSchema(CouncilPrioritySchema):
    id = fields.UUID()
    theme_title = fields.Function(lambda c: c.priority.short_title)
    actions = fields.List(fields.Nested(LinkedActionSchema))
    has_action = fields.Function(lambda c: bool(c.actions))


class CouncilPriorityArgs(StrictSchema):
    council = fields.Enum(Council, by_value=True, load_default=None)


class LinkActionSchema(StrictSchema):
    action_id = fields.UUID(required=True)


class MeetingQuestionInSchema(StrictSchema):
    question = text(2000, required=True)
    answer = text(4000, allow_none=True)


class MeetingAnswerInSchema(StrictSchema):
    answer = text(4000, required=True)


class MeetingInSchema(StrictSchema):
    kind = fields.Enum(MeetingKind, by_value=True, required=True)
    council = fields.Enum(Council, by_value=True, allow_none=True, load_default=None)
    held_on = day(required=True)
    title = text(200, required=True)
    questions = fields.List(fields.Nested(MeetingQuestionInSchema), load_default=list, validate=validate.Length(max=50))


class MeetingArgs(StrictSchema):
    council = fields.Enum(Council, by_value=True, load_default=None)
    first = day(load_default=None)
    last = day(load_default=None)


class MeetingQuestionSchema(StrictSchema):
    id = fields.UUID()
    question = fields.String()
    answer = fields.String(allow_none=True)
    answered_at = when(allow_none=True)


class MeetingSchema(StrictSchema):
    id = fields.UUID()
    kind = fields.Enum(MeetingKind, by_value=True)
    council = fields.Enum(Council, by_value=True, allow_none=True)
    held_on = day()
    title = fields.String()
    questions = fields.List(fields.Nested(MeetingQuestionSchema))


class ContactInSchema(StrictSchema):
    choice = fields.Enum(NoticeChoice, by_value=True, required=True)
    language = fields.String(load_default="en", **LANGUAGE)
    phone = fields.String(validate=validate.Length(min=5, max=30), allow_none=True, load_default=None)


class ContactSchema(StrictSchema):
    choice = fields.Enum(NoticeChoice, by_value=True)
    language = fields.String()
    has_phone = fields.Function(lambda c: c.phone_encrypted is not None)


class ReadyInSchema(StrictSchema):
    council = fields.Enum(Council, by_value=True, allow_none=True, load_default=None)


class NoticeSchema(StrictSchema):
    period = fields.String()
    staff_user_id = fields.UUID()
    member_name = fields.String(attribute="member.display_name")
    channel = fields.Enum(NoticeChoice, by_value=True)
    outcome = fields.String(metadata={"description": "at queueing: queued | not_wanted | opted_out | no_number"})
    state = fields.String(metadata={"description": "now, from the outbox: queued | sent | delivered | not_sent"})
    reason = fields.String(allow_none=True, metadata={"description": "why not sent (not_wanted, opted_out, "
                           "no_number, changed_choice, changed_mind, no_longer_member, expired, failed, undelivered)"})
    created_at = when()


class CouncilReviewSchema(StrictSchema):
    council = fields.Enum(Council, by_value=True)
    period = fields.String()
    reviewed_at = when()
