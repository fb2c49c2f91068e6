"""Surveys: each question's answers by cohort, age band and voice group, counted in SQL from the typed answer
columns."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.reports.queries.sqltime import materialized, within
from voiceapp.surveys.models import (Survey, SurveyAnswer, SurveyAnswerChoice, SurveyQuestion, SurveyResponse,
                                     SurveyVersion)

BREAKDOWNS = ("age_band", "voice_group")


def _answers_in(period):
    """Answers from responses submitted in the period, with the answering young person, cohort and age band."""
    return materialized(
        sa.select(SurveyAnswer.id, SurveyAnswer.question_id, SurveyAnswer.value_int,
                  SurveyResponse.young_person_id.label("yp"),
                  sa.cast(YoungPerson.cohort, sa.String).label("cohort"),
                  sa.cast(YoungPerson.age_band, sa.String).label("age_band"))
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(YoungPerson, YoungPerson.id == SurveyResponse.young_person_id)
        .where(SurveyResponse.submitted_at.is_not(None), within(SurveyResponse.submitted_at, period))
        .cte("answers"))


def _counted(a, name, group, joins=()):
    """(kind, breakdown, question, group, value, answers) selects for one way of grouping the answers."""
    def select(kind, *columns):
        query = sa.select(sa.literal(kind), sa.literal(name), a.c.question_id, group, *columns).select_from(a)
        for target, on in joins:
            query = query.join(target, on)
        return query
    grouping = (a.c.question_id, group)
    return [
        select("values", a.c.value_int, sa.func.count()).where(a.c.value_int.is_not(None))
        .group_by(*grouping, a.c.value_int),
        select("choices", SurveyAnswerChoice.option, sa.func.count())
        .join(SurveyAnswerChoice, SurveyAnswerChoice.answer_id == a.c.id)
        .group_by(*grouping, SurveyAnswerChoice.option),
        select("answered", sa.literal(None, sa.Integer), sa.func.count()).group_by(*grouping),
    ]


def answer_counts(period):
    """Raw counts in one statement: {"values": {(question, cohort, value): n} for scale, single-choice and
    yes/no; "choices": {(question, cohort, option): n} for ticked options; "answered": {(question, cohort): n};
    and "by_group": the same three keyed (question, breakdown, group[, value]) for age band and voice group
    (a young person answers a question once in a response, so answers are young people)."""
    a = _answers_in(period)
    voice_group = [(YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == a.c.yp)]
    query = sa.union_all(*_counted(a, "cohort", a.c.cohort), *_counted(a, "age_band", a.c.age_band),
                         *_counted(a, "voice_group", sa.cast(YoungPersonVoiceGroup.group, sa.String), voice_group))
    counts = {"values": {}, "choices": {}, "answered": {}, "by_group": {"values": {}, "choices": {}, "answered": {}}}
    for kind, name, question_id, group, value, n in db.session.execute(query):
        key = (question_id, group) if kind == "answered" else (question_id, group, value)
        if name == "cohort":
            counts[kind][key] = n
        else:
            counts["by_group"][kind][(key[0], name, *key[1:])] = n
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
