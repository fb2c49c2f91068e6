"""Bodies for survey definitions (staff) and answering them (young people)."""
from flask_babel import get_locale
from marshmallow import ValidationError, fields, validate

from voiceapp import languages
from voiceapp.people.models import AgeBand, Cohort, VoiceGroup
from voiceapp.schemas import StrictSchema, text, when
from voiceapp.read_models import Found
from voiceapp.surveys.answers import value_of
from voiceapp.surveys.services import questions_to_ask
from voiceapp.surveys.models import QuestionKind


class AnswerValue(fields.Field):
    """An answer is a number, true/false, text or a list of option numbers, depending on the question."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, (bool, int, str)) or (isinstance(value, list) and len(value) <= 50):
            return value
        raise ValidationError("must be a number, true/false, text or a list of option numbers")


def _localised(question, key):
    translated = (question.translations or {}).get(str(get_locale()), {})
    return translated.get(key) or getattr(question, key)


class ShowIfSchema(StrictSchema):
    """Skip logic: ask this question only when question `question` (its position) was answered with one of
    `answers` (a scale value, an option number from 0, 1 yes / 0 no, or any ticked option)."""
    question = fields.Integer(required=True, validate=validate.Range(min=1, max=50))
    answers = fields.List(fields.Integer(), required=True, validate=validate.Length(min=1, max=20))


class QuestionInSchema(StrictSchema):
    kind = fields.Enum(QuestionKind, by_value=True, required=True)
    prompt = text(500, required=True)
    options = fields.List(fields.String(validate=validate.Length(min=1, max=200)), load_default=list,
                          validate=validate.Length(max=20))
    scale_min = fields.Integer(validate=validate.Range(min=0, max=10))
    scale_max = fields.Integer(validate=validate.Range(min=1, max=10))
    required = fields.Boolean(load_default=False)
    priority = fields.Integer(validate=validate.Range(min=1, max=6))
    translations = fields.Dict(keys=fields.String(validate=validate.OneOf(languages.TRANSLATED)), values=fields.Dict())
    show_if = fields.Nested(ShowIfSchema, allow_none=True)


class QuestionSchema(StrictSchema):
    """A question as shown, in the reader's language where a translation exists."""
    id = fields.UUID()
    position = fields.Integer()
    kind = fields.Enum(QuestionKind, by_value=True)
    prompt = fields.Function(lambda q: _localised(q, "prompt"))
    options = fields.Function(lambda q: _localised(q, "options"))
    scale_min = fields.Integer(allow_none=True)
    scale_max = fields.Integer(allow_none=True)
    required = fields.Boolean()
    show_if = fields.Dict(allow_none=True)


class SurveyCreateSchema(StrictSchema):
    title = text(200, required=True)
    description = fields.String(load_default="", validate=validate.Length(max=2000))
    cohort = fields.Enum(Cohort, by_value=True, allow_none=True)
    age_bands = fields.List(fields.Enum(AgeBand, by_value=True), load_default=list)
    voice_groups = fields.List(fields.Enum(VoiceGroup, by_value=True), load_default=list)
    opens_at = when(required=True)
    closes_at = when(required=True)
    questions = fields.List(fields.Nested(QuestionInSchema), required=True, validate=validate.Length(min=1, max=50))
    translations = fields.Dict(keys=fields.String(validate=validate.OneOf(languages.TRANSLATED)), load_default=dict)


class SurveyDetailsSchema(StrictSchema):
    """A survey's details to change (only those given change): as SurveyCreateSchema, without the questions."""
    title = text(200)
    description = fields.String(validate=validate.Length(max=2000))
    cohort = fields.Enum(Cohort, by_value=True, allow_none=True)
    age_bands = fields.List(fields.Enum(AgeBand, by_value=True))
    voice_groups = fields.List(fields.Enum(VoiceGroup, by_value=True))
    opens_at = when()
    closes_at = when()
    translations = fields.Dict(keys=fields.String(validate=validate.OneOf(languages.TRANSLATED)))


class SurveyWindowSchema(StrictSchema):
    opens_at = when()
    closes_at = when()


class QuestionsSchema(StrictSchema):
    questions = fields.List(fields.Nested(QuestionInSchema), required=True, validate=validate.Length(min=1, max=50))


class VersionSchema(StrictSchema):
    number = fields.Integer()
    published_at = when(allow_none=True)
    questions = fields.List(fields.Nested(QuestionSchema))


class SurveySchema(StrictSchema):
    id = fields.UUID()
    title = fields.String()
    description = fields.String()
    cohort = fields.Enum(Cohort, by_value=True, allow_none=True)
    age_bands = fields.List(fields.String())
    voice_groups = fields.List(fields.String())
    reminded_at = when(allow_none=True)
    opens_at = when()
    closes_at = when()
    versions = fields.List(fields.Nested(VersionSchema))


class OpenSurveySchema(StrictSchema):
    """A survey as a young person sees it: the published questions in their language."""
    id = fields.UUID()
    title = fields.Function(lambda s: (s.translations or {}).get(str(get_locale()), {}).get("title") or s.title)
    description = fields.String()
    closes_at = when()
    questions = fields.Function(lambda s: QuestionSchema(many=True).dump(s.published_version.questions))


class AnswerInSchema(StrictSchema):
    question_id = fields.UUID(required=True)
    value = AnswerValue(required=True)


class AnswersInSchema(StrictSchema):
    answers = fields.List(fields.Nested(AnswerInSchema), load_default=list, validate=validate.Length(max=50))
    submit = fields.Boolean(load_default=False)


def _answers(response):
    questions = {q.id: q for q in response.version.questions}
    return [{"question_id": str(a.question_id), "value": value_of(a, questions[a.question_id])}
            for a in sorted(response.answers, key=lambda a: questions[a.question_id].position)]


class ResponseSchema(StrictSchema):
    id = fields.UUID()
    survey_id = fields.UUID()
    started_at = when()
    updated_at = when()
    submitted_at = when(allow_none=True)
    answers = fields.Function(_answers)
    questions_to_ask = fields.Function(lambda r: [str(q.id) for q in questions_to_ask(r.version, r.answers)],
                                       metadata={"description": "the questions asked given the answers so far "
                                                                "(skip logic): every channel asks only these"})
    # The crisis reply, when a free-text answer raised a safeguarding alert (SAFE-01).
    support = Found(allow_none=True, metadata={"description": "crisis support, when an answer raised an alert"})


class InvitationResultSchema(StrictSchema):
    queued = fields.Integer()
    opted_out = fields.Integer()
    paused = fields.Integer()
    no_phone = fields.Integer()


class QuestionMoveSchema(StrictSchema):
    """Where a question goes: its new position, from 1."""
    to = fields.Integer(required=True, validate=validate.Range(min=1, max=50))
