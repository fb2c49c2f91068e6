"""Staff use cases for survey definitions: create, revise as a new version (or one question at a time:
add, change, move, remove), publish, close."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import StrategicPriority
from voiceapp.surveys.models import QuestionKind, Survey, SurveyQuestion, SurveyVersion

CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}


def _questions(specs):
    if not specs:
        raise Invalid(_l("A survey needs questions"), field="questions", reason="must not be empty")
    questions = [_question(i, spec) for i, spec in enumerate(specs)]
    for question in questions:
        _check_skip(question, questions)
    return questions


def _check_skip(question, questions):
    """A skip rule names an earlier question that has answers to test (not free text)."""
    rule = question.show_if
    if not rule:
        return
    earlier = next((q for q in questions if q.position == rule["question"]), None)
    if earlier is None or earlier.position >= question.position or earlier.kind == QuestionKind.FREE_TEXT:
        raise Invalid(_l("A question can only depend on an earlier question with answers to choose"),
                      field=f"questions.{question.position - 1}.show_if.question",
                      reason="must be the position of an earlier question that is not free text")


def _question(index, spec):
    kind = QuestionKind(spec["kind"])
    options = list(spec.get("options") or [])
    field = f"questions.{index}"
    if kind in CHOICE_KINDS and len(options) < 2:
        raise Invalid(_l("Choices need options"), field=f"{field}.options", reason="give at least 2 options")
    if kind not in CHOICE_KINDS and options:
        raise Invalid(_l("Only choice questions have options"), field=f"{field}.options",
                      reason=f"not allowed for {kind.value}")
    low, high = (spec.get("scale_min", 1), spec.get("scale_max", 5)) if kind == QuestionKind.SCALE else (None, None)
    if kind == QuestionKind.SCALE and not low < high:
        raise Invalid(_l("Scale ends are the wrong way round"), field=f"{field}.scale_max",
                      reason="must be greater than scale_min")
    _check_translations(field, spec.get("translations") or {}, options)
    priority = promises.priority_by_number(spec["priority"]).id if spec.get("priority") else None
    return SurveyQuestion(position=index + 1, kind=kind, prompt=spec["prompt"], options=options,
                          translations=spec.get("translations") or {}, scale_min=low, scale_max=high,
                          required=spec.get("required", False), priority_id=priority,
                          show_if=spec.get("show_if"))


def _check_translations(field, translations, options):
    """A translation gives every option, in order, or none (a young person's answer is the option's number)."""
    for code, words in translations.items():
        if words.get("options") and len(words["options"]) != len(options):
            raise Invalid(_l("Give every option in each language, in the same order"),
                          field=f"{field}.translations.{code}.options", reason=f"give {len(options)} options")


def _check_window(opens_at, closes_at):
    if closes_at <= opens_at:
        raise Invalid(_l("A survey must close after it opens"), field="closes_at", reason="must be after opens_at")


def create_survey(*, actor, title, questions, opens_at, closes_at, description="", cohort=None, age_bands=(),
                  voice_groups=(), translations=None, key=None):
    """Create a survey with its first (draft) version, for a cohort, age bands and voice groups (any of them)."""
    _check_window(opens_at, closes_at)
    with transaction():
        survey = Survey(title=title, description=description, cohort=cohort, opens_at=opens_at,
                        closes_at=closes_at, age_bands=[getattr(b, "value", b) for b in age_bands],
                        voice_groups=[getattr(g, "value", g) for g in voice_groups],
                        translations=translations or {}, key=key)
        survey.versions = [SurveyVersion(number=1, questions=_questions(questions))]
        db.session.add(survey)
        db.session.flush()
        audit.record(actor=actor, action="survey.create", object_type="survey", object_id=survey.id)
    return survey


def get_survey(survey_id):
    return get_or_404(Survey, survey_id, _l("No such survey"))


def list_surveys():
    return db.session.scalars(sa.select(Survey).order_by(Survey.opens_at.desc())).all()


def revise_questions(*, actor, survey_id, questions):
    """Change the questions: a draft is edited in place, a published version is kept and a new one started."""
    survey = get_survey(survey_id)
    latest = survey.versions[-1]
    rows = _questions(questions)
    with transaction():
        if latest.published_at is None:
            latest.questions = rows
        else:
            survey.versions.append(SurveyVersion(number=latest.number + 1, questions=rows))
        audit.record(actor=actor, action="survey.revise", object_type="survey", object_id=survey.id)
    return survey


def publish_survey(*, actor, survey_id):
    """Publish the latest version: new responses use it, earlier ones keep the version they answered."""
    survey = get_survey(survey_id)
    with transaction():
        survey.versions[-1].published_at = survey.versions[-1].published_at or utcnow()
        audit.record(actor=actor, action="survey.publish", object_type="survey", object_id=survey.id)
    return survey


def update_window(*, actor, survey_id, opens_at=None, closes_at=None):
    """Move a survey's open and close dates (closing early is setting closes_at to now)."""
    survey = get_survey(survey_id)
    opens_at, closes_at = opens_at or survey.opens_at, closes_at or survey.closes_at
    _check_window(opens_at, closes_at)
    with transaction():
        survey.opens_at, survey.closes_at = opens_at, closes_at
        audit.record(actor=actor, action="survey.window", object_type="survey", object_id=survey.id)
    return survey


def close_survey(*, actor, survey_id):
    """Close a survey now: nobody can start or send it after this (one not open yet never opens)."""
    survey, now = get_survey(survey_id), utcnow()
    with transaction():
        survey.opens_at, survey.closes_at = min(survey.opens_at, now), min(survey.closes_at, now)
        audit.record(actor=actor, action="survey.close", object_type="survey", object_id=survey.id)
    return survey


def _spec(question):
    spec = {"kind": question.kind.value, "prompt": question.prompt, "options": list(question.options or []),
            "required": question.required, "translations": dict(question.translations or {}),
            "show_if": dict(question.show_if) if question.show_if else None}
    if question.kind == QuestionKind.SCALE:
        spec.update(scale_min=question.scale_min, scale_max=question.scale_max)
    if question.priority_id:
        spec["priority"] = db.session.get(StrategicPriority, question.priority_id).number
    return spec


def question_specs(survey):
    """The latest version's questions in the form create_survey and revise_questions take."""
    return [_spec(question) for question in survey.versions[-1].questions]


def _revise_one(actor, survey_id, change):
    specs = question_specs(get_survey(survey_id))
    return revise_questions(actor=actor, survey_id=survey_id, questions=change(specs))


def _check_position(specs, position):
    if not 1 <= position <= len(specs):
        raise NotFound(_l("No such question"), field="position", reason=f"the survey has {len(specs)} questions")


def _renumbered(specs, order):
    """The specs in a new order (old positions), each skip rule still naming the same question."""
    new_position = {old: new for new, old in enumerate(order, start=1)}
    moved = [dict(specs[old - 1]) for old in order]
    for spec in moved:
        if spec.get("show_if"):
            spec["show_if"] = {**spec["show_if"], "question": new_position[spec["show_if"]["question"]]}
    return moved


def add_question(*, actor, survey_id, question):
    """Add a question at the end (to a published survey, as a new draft version)."""
    return _revise_one(actor, survey_id, lambda specs: [*specs, question])


def change_question(*, actor, survey_id, position, question):
    """Change one question, keeping the others as they are."""
    def change(specs):
        _check_position(specs, position)
        return [question if at == position else spec for at, spec in enumerate(specs, start=1)]
    return _revise_one(actor, survey_id, change)


def move_question(*, actor, survey_id, position, to):
    """Move a question to another place; skip rules keep pointing at the same questions."""
    def change(specs):
        _check_position(specs, position)
        _check_position(specs, to)
        order = [at for at in range(1, len(specs) + 1) if at != position]
        order.insert(to - 1, position)
        return _renumbered(specs, order)
    return _revise_one(actor, survey_id, change)


def remove_question(*, actor, survey_id, position):
    """Remove a question; one that a later question's skip rule depends on stays until that rule changes."""
    def change(specs):
        _check_position(specs, position)
        needing = [at for at, spec in enumerate(specs, start=1)
                   if (spec.get("show_if") or {}).get("question") == position]
        if needing:
            raise Invalid(_l("Another question is asked only after an answer to this one: change or remove that "
                             "question first"), field=f"questions.{needing[0] - 1}.show_if.question",
                          reason=f"question {needing[0]} depends on question {position}")
        return _renumbered(specs, [at for at in range(1, len(specs) + 1) if at != position])
    return _revise_one(actor, survey_id, change)
