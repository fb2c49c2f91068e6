"""Surveys: each question's answers by cohort, counted in SQL from the typed answer columns."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.reports.queries.sqltime import materialized, within
from voiceapp.surveys.models import (Survey, SurveyAnswer, SurveyAnswerChoice, SurveyQuestion, SurveyResponse,
                                     SurveyVersion)


def _answers_in(period):
    """Answers from responses submitted in the period, with the answering young person's cohort."""
    return materialized(
        sa.select(SurveyAnswer.id, SurveyAnswer.question_id, SurveyAnswer.value_int,
                  sa.cast(YoungPerson.cohort, sa.String).label("cohort"))
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(YoungPerson, YoungPerson.id == SurveyResponse.young_person_id)
        .where(SurveyResponse.submitted_at.is_not(None), within(SurveyResponse.submitted_at, period))
        .cte("answers"))


def answer_counts(period):
    """Raw counts in one statement: {"values": {(question, cohort, value): n} for scale, single-choice and
    yes/no; "choices": {(question, cohort, option): n} for ticked options; "answered": {(question, cohort): n}}."""
    a = _answers_in(period)
    grouping = (a.c.question_id, a.c.cohort)
    query = sa.union_all(
        sa.select(sa.literal("values"), *grouping, a.c.value_int, sa.func.count())
        .where(a.c.value_int.is_not(None)).group_by(*grouping, a.c.value_int),
        sa.select(sa.literal("choices"), *grouping, SurveyAnswerChoice.option, sa.func.count())
        .join(SurveyAnswerChoice, SurveyAnswerChoice.answer_id == a.c.id)
        .group_by(*grouping, SurveyAnswerChoice.option),
        sa.select(sa.literal("answered"), *grouping, sa.literal(None, sa.Integer), sa.func.count())
        .group_by(*grouping))
    counts = {"values": {}, "choices": {}, "answered": {}}
    for kind, question_id, cohort, value, n in db.session.execute(query):
        counts[kind][(question_id, cohort) if kind == "answered" else (question_id, cohort, value)] = n
    return counts


def questions(question_ids):
    """The questions answered, with their survey, in survey then question order."""
    query = (sa.select(SurveyQuestion, Survey.title, Survey.id.label("survey_id"))
             .join(SurveyVersion, SurveyVersion.id == SurveyQuestion.version_id)
             .join(Survey, Survey.id == SurveyVersion.survey_id)
             .where(SurveyQuestion.id.in_(list(question_ids)))
             .order_by(Survey.opens_at, Survey.title, SurveyVersion.number, SurveyQuestion.position))
    return [dict(id=q.id, survey=title, survey_id=survey_id, kind=q.kind.value, prompt=q.prompt,
                 options=list(q.options or []), scale_min=q.scale_min, scale_max=q.scale_max)
            for q, title, survey_id in db.session.execute(query)]

