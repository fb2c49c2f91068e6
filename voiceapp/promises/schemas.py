"""Bodies for promises, promise sets and promise checks."""
from flask_babel import get_locale
from marshmallow import fields, validate

from voiceapp import languages
from voiceapp.i18n import localised
from voiceapp.people.models import Cohort
from voiceapp.promises.models import Rating
from voiceapp.read_models import Found
from voiceapp.schemas import StrictSchema, text, when


def _in_locale(attribute):
    return lambda obj: localised(getattr(obj, attribute), obj.translations, get_locale())


class PrioritySchema(StrictSchema):
    number = fields.Integer()
    slug = fields.String()
    title = fields.Function(_in_locale("title"))
    short_title = fields.String()


class PromiseSchema(StrictSchema):
    id = fields.UUID()
    position = fields.Integer()
    text = fields.Function(_in_locale("text"))
    priority = fields.Function(lambda p: p.priority.number)


class PromiseSetSchema(StrictSchema):
    id = fields.UUID()
    slug = fields.String()
    cohort = fields.Enum(Cohort, by_value=True)
    version = fields.Integer()
    title = fields.String()
    source = fields.String()
    is_draft = fields.Boolean()
    is_current = fields.Boolean()
    promises = fields.List(fields.Nested(PromiseSchema))


class NewPromiseSchema(StrictSchema):
    text = text(300, required=True)
    priority = fields.Integer(required=True, validate=validate.Range(min=1, max=6))
    translations = fields.Dict(keys=fields.String(validate=validate.OneOf(languages.TRANSLATED)),
                               values=fields.String(validate=validate.Length(max=300)))


class PromiseSetCreateSchema(StrictSchema):
    slug = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9-]{3,60}$"))
    cohort = fields.Enum(Cohort, by_value=True, required=True)
    title = text(200, required=True)
    source = fields.String(load_default="", validate=validate.Length(max=300))
    is_draft = fields.Boolean(load_default=False)
    make_current = fields.Boolean(load_default=False)
    promises = fields.List(fields.Nested(NewPromiseSchema), required=True,
                           validate=validate.Length(min=1, max=30))


class RatingInSchema(StrictSchema):
    promise_id = fields.UUID(required=True)
    rating = fields.Enum(Rating, by_value=True, required=True)
    comment = fields.String(validate=validate.Length(max=1000), allow_none=True)


class PromiseCheckInSchema(StrictSchema):
    answers = fields.List(fields.Nested(RatingInSchema), required=True, validate=validate.Length(min=1, max=30))
    comment = fields.String(validate=validate.Length(max=2000), allow_none=True)
    promise_information = fields.String(validate=validate.OneOf(["yes", "no", "not_sure"]), allow_none=True)


class PromiseInformationOptionSchema(StrictSchema):
    value = fields.String()
    label = fields.String()


class PromiseInformationSchema(StrictSchema):
    """The promise-information question when it is due this half-year (`due` false: nothing to ask)."""
    due = fields.Boolean()
    question = fields.String(allow_none=True)
    options = fields.List(fields.Nested(PromiseInformationOptionSchema))


class RatingSchema(StrictSchema):
    promise_id = fields.UUID()
    promise = fields.Function(lambda r: localised(r.promise.text, r.promise.translations, get_locale()))
    rating = fields.Enum(Rating, by_value=True)
    comment = fields.String(allow_none=True)


class PromiseCheckSchema(StrictSchema):
    id = fields.UUID()
    promise_set_id = fields.UUID()
    channel = fields.Function(lambda c: c.channel.value)
    submitted_at = when()
    comment = fields.String(allow_none=True)
    promise_information = fields.Function(lambda c: c.promise_information and c.promise_information.value)
    ratings = fields.List(fields.Nested(RatingSchema))
    # The crisis reply, when a comment raised a safeguarding alert (SAFE-01).
    support = Found(allow_none=True, metadata={"description": "crisis support, when a comment raised an alert"})
