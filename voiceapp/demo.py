"""Demo activity for trying voiceapp out: young people who checked the promise, sent Tell Us messages and
answered surveys across the current half-year (and some the half before), so the report has real figures.
Only `flask seed --demo` calls this, and never in production."""
import random
from datetime import timedelta

import sqlalchemy as sa

from voiceapp import languages
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.people.models import AgeBand, Cohort, VoiceGroup, YoungPerson
from voiceapp.promises import services as promises
from voiceapp.promises.models import PromiseCheck, PromiseRating, Rating
from voiceapp.reports import periods
from voiceapp.reports.services import mentions
from voiceapp.surveys.answers import applies
from voiceapp.surveys.models import Survey, SurveyAnswer, SurveyResponse
from voiceapp.tellus import clocks
from voiceapp.tellus.models import Kind, Message, Status

PEOPLE = {Cohort.CHILD_IN_CARE: 90, Cohort.CARE_LEAVER: 40}
AGES = {Cohort.CHILD_IN_CARE: [AgeBand.AGE_10_12, AgeBand.AGE_13_15, AgeBand.AGE_16_17],
        Cohort.CARE_LEAVER: [AgeBand.AGE_18_21, AgeBand.AGE_22_25]}
GROUPS = [g.value for g in VoiceGroup]
# Demo words only: written here, in the kinds of things young people tell the service.
SAYINGS = [
    (Kind.UNHAPPY, "I want to see my mum and my brother more often"),
    (Kind.UNHAPPY, "When I moved they put my things in bin bags"),
    (Kind.UNHAPPY, "Nobody has told me why I am in care"),
    (Kind.UNHAPPY, "I want a say in where I live next"),
    (Kind.UNHAPPY, "My social worker keeps changing and nobody listens"),
    (Kind.UNHAPPY, "I need help with money for my rent and bills"),
    (Kind.UNHAPPY, "Can I do staying put with my foster carer after 18"),
    (Kind.UNHAPPY, "I am worried about housing when I leave care"),
    (Kind.UNHAPPY, "I would like an advocate at my next review"),
    (Kind.UNHAPPY, "I want to join a football club near my home"),
    (Kind.UNHAPPY, "Waiting too long for CAMHS, I feel anxious"),
    (Kind.UNHAPPY, "I need help with my exams at school"),
    (Kind.PRAISE, "My foster carer helped me so much this year"),
    (Kind.PRAISE, "The leaving care team helped me find a flat"),
]
COMMENTS = ["I want to do more sport and clubs", "More help with school work please", "I never get to see my sister",
            "I would like to go on more trips", "Nobody listens at my review", "I worry about money",
            "My carer is really kind", "I feel anxious a lot"]
WEIGHTS = {Rating.KEPT: 5, Rating.PARTLY: 3, Rating.NOT_KEPT: 2, Rating.DONT_KNOW: 1}


def _moment(rng, period, now):
    """A random moment in the period, never in the future."""
    end = min(period.ends_before, now)
    span = max((end - period.starts_at).total_seconds(), 3600)
    return period.starts_at + timedelta(seconds=rng.uniform(0, span))


def _people(rng):
    made = []
    for cohort, n in PEOPLE.items():
        for _ in range(n):
            person = YoungPerson(cohort=cohort, age_band=rng.choice(AGES[cohort]),
                                 language=rng.choice(["en"] * 12 + list(languages.TRANSLATED)))
            person.set_voice_groups([g for g in GROUPS if rng.random() < 0.18])
            made.append(person)
    db.session.add_all(made)
    db.session.flush()
    return made


def _check(rng, person, when):
    promise_set = promises.current_set(person.cohort)
    check = PromiseCheck(young_person_id=person.id, promise_set_id=promise_set.id, submitted_at=when,
                         channel=rng.choice([Channel.WEB, Channel.WEB, Channel.SMS, Channel.VOICE]))
    ratings = list(WEIGHTS)
    check.ratings = [PromiseRating(promise_id=p.id, position=i,
                                   rating=rng.choices(ratings, weights=[WEIGHTS[r] for r in ratings])[0],
                                   comment=rng.choice(COMMENTS) if rng.random() < 0.08 else None)
                     for i, p in enumerate(promise_set.promises)]
    db.session.add(check)


def _message(rng, person, when, now):
    kind, body = rng.choice(SAYINGS)
    message = Message(young_person_id=person.id, kind=kind, body=body, channel=Channel.WEB, received_at=when,
                      wants_reply=False)
    clocks.start_clocks(message)
    if when + timedelta(days=3) < now:
        message.acknowledged_at = when + timedelta(hours=rng.randint(2, 30))
        message.responded_at = when + timedelta(days=rng.randint(1, 12))
        message.status = Status.RESPONDED
    db.session.add(message)


def _survey_answers(rng, person, survey, when):
    version = survey.published_version
    response = SurveyResponse(survey_id=survey.id, version_id=version.id, young_person_id=person.id,
                              channel=Channel.WEB, submitted_at=when)
    given = {}
    for question in version.questions:
        if not applies(question, given):
            continue
        answer = SurveyAnswer(question_id=question.id, answered_at=when)
        if question.kind.value == "scale":
            answer.value_int = rng.randint(question.scale_min, question.scale_max)
        elif question.kind.value == "yes_no":
            answer.value_int = int(rng.random() < 0.7)
        elif question.kind.value == "single_choice":
            answer.value_int = rng.randrange(len(question.options))
        else:
            continue
        given[question.position] = answer
        response.answers.append(answer)
    db.session.add(response)


def _surveys_for(person, surveys):
    return [s for s in surveys if s.published_version is not None and s.cohort in (None, person.cohort)
            and (not s.age_bands or person.age_band.value in s.age_bands)]


def add_demo_activity(now=None, seed=2026):
    """Fill the current half-year (and the one before) with demo activity; returns the young people added."""
    now, rng = now or utcnow(), random.Random(seed)
    current = periods.containing(now.date())
    with transaction():
        surveys = db.session.scalars(sa.select(Survey)).all()
        people = _people(rng)
        for person in people:
            for period, chance in ((current, 0.8), (current.previous(), 0.5)):
                if rng.random() < chance:
                    _check(rng, person, _moment(rng, period, now))
                if rng.random() < chance * 0.4:
                    _message(rng, person, _moment(rng, period, now), now)
            for survey in _surveys_for(person, surveys):
                if rng.random() < 0.5:
                    _survey_answers(rng, person, survey, _moment(rng, current, now))
    mentions.rebuild_mentions()
    return len(people)
