"""Staff use cases for survey definitions: create, revise as a new version, publish, close."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Invalid
from voiceapp.extensions import db
from voiceapp.promises import services as promises
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
    priority = promises.priority_by_number(spec["priority"]).id if spec.get("priority") else None
    return SurveyQuestion(position=index + 1, kind=kind, prompt=spec["prompt"], options=options,
                          translations=spec.get("translations") or {}, scale_min=low, scale_max=high,
                          required=spec.get("required", False), priority_id=priority,
                          show_if=spec.get("show_if"))


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
