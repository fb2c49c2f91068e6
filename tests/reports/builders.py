"""Small helpers that put hand-worked report data straight into the test's savepoint session."""
from datetime import datetime, timezone

import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.promises.models import Promise, PromiseCheck, PromiseRating, PromiseSet, StrategicPriority
from voiceapp.surveys.models import SurveyAnswer, SurveyAnswerChoice, SurveyResponse
from voiceapp.tellus.deadlines import deadline_at
from voiceapp.tellus.models import Kind, Message


def at(text):
    """A UTC moment from "2026-05-01 10:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def person(cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15, groups=(), **fields):
    young = YoungPersonFactory(cohort=cohort, age_band=age_band, **fields)
    if groups:
        young.set_voice_groups(groups)
        db.session.flush()
    return young


def current_promises(cohort=Cohort.CHILD_IN_CARE):
    promise_set = db.session.scalar(sa.select(PromiseSet).where(PromiseSet.cohort == cohort,
                                                                PromiseSet.is_current.is_(True)))
    return list(promise_set.promises)


def theme(number):
    return db.session.scalar(sa.select(StrategicPriority).where(StrategicPriority.number == number))


def check(young, when, ratings, channel=Channel.WEB):
    """ratings: [(promise, "kept", comment or None), ...]"""
    promise_set_id = db.session.get(Promise, ratings[0][0].id).promise_set_id
    row = PromiseCheck(young_person_id=young.id, promise_set_id=promise_set_id, channel=channel,
                       submitted_at=at(when))
    row.ratings = [PromiseRating(promise_id=p.id, rating=r, position=i, comment=c)
                   for i, (p, r, c) in enumerate(ratings)]
    db.session.add(row)
    db.session.flush()
    return row


def rate_many(promise, ratings, when="2026-05-01 10:00", cohort=Cohort.CHILD_IN_CARE):
    """One new young person per rating: {"kept": 12, "partly": 4} rates `promise` that many times."""
    for rating, n in ratings.items():
        for _ in range(n):
            check(person(cohort=cohort), when, [(promise, rating, None)])


def message(young, received, kind=Kind.UNHAPPY, body="Nobody rings me back", acknowledged=None,
            responded=None, themes=(), channel=Channel.WEB, **fields):
    row = Message(young_person_id=young.id, kind=kind, body=body, channel=channel, received_at=at(received),
                  acknowledged_at=at(acknowledged) if acknowledged else None,
                  responded_at=at(responded) if responded else None, **fields)
    row.themes = [theme(n) for n in themes]
    if "ack_due_at" in Message.__table__.c:
        # The escalation work fixes these at receipt: 1 and 10 working days.
        row.ack_due_at = fields.get("ack_due_at") or deadline_at(row.received_at, 1)
        row.response_due_at = fields.get("response_due_at") or deadline_at(row.received_at, 10)
    db.session.add(row)
    db.session.flush()
    return row


def respond(young, survey, answers, submitted="2026-06-01 10:00", channel=Channel.WEB):
    """answers: {question position: int, str or list of ints}"""
    version = survey.versions[0]
    response = SurveyResponse(survey_id=survey.id, version_id=version.id, young_person_id=young.id,
                              channel=channel, submitted_at=at(submitted) if submitted else None)
    by_position = {q.position: q for q in version.questions}
    for position, value in answers.items():
        answer = SurveyAnswer(question_id=by_position[position].id, answered_at=at(submitted or "2026-06-01 10:00"))
        if isinstance(value, list):
            answer.choices = [SurveyAnswerChoice(option=o) for o in value]
        elif isinstance(value, str):
            answer.value_text = value
        else:
            answer.value_int = int(value)
        response.answers.append(answer)
    db.session.add(response)
    db.session.flush()
    return response
