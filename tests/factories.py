"""factory_boy factories for the domain's records, flushed into the test's savepoint session."""
from datetime import timedelta

import factory
from factory.alchemy import SQLAlchemyModelFactory

from voiceapp import crypto
from voiceapp.auth.models import Council, Role, StaffUser
from voiceapp.auth.passwords import hash_password
from voiceapp.channel_enum import Channel
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.people import phones
from voiceapp.people.models import AgeBand, Cohort, PhoneNumber, YoungPerson
from voiceapp.surveys.models import QuestionKind, Survey, SurveyQuestion, SurveyVersion
from voiceapp.tellus.models import Kind, Message, ReplyChannel

STAFF_PASSWORD = "correct horse battery staple"
_hash_cache = {}


def staff_password_hash():
    # argon2 is slow on purpose; hash the shared test password once per run.
    if "hash" not in _hash_cache:
        _hash_cache["hash"] = hash_password(STAFF_PASSWORD)
    return _hash_cache["hash"]


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class YoungPersonFactory(Base):
    class Meta:
        model = YoungPerson

    cohort = Cohort.CHILD_IN_CARE
    age_band = AgeBand.AGE_13_15
    language = "en"

    @factory.post_generation
    def phone(person, create, extracted, **kwargs):
        if extracted:
            e164 = phones.normalise(extracted)
            person.phone = PhoneNumber(lookup_hash=phones.lookup_hash(e164), number_encrypted=crypto.encrypt(e164),
                                       last_digits=e164[-3:])
            db.session.flush()


class StaffFactory(Base):
    class Meta:
        model = StaffUser

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Staff member {n}")
    role = Role.SENIOR_LEADER
    password_hash = factory.LazyFunction(staff_password_hash)
    council = factory.LazyAttribute(lambda o: Council.HAVE_A_VOICE if o.role == Role.COUNCIL_MEMBER else None)


class MessageFactory(Base):
    class Meta:
        model = Message

    young_person_id = factory.LazyFunction(lambda: YoungPersonFactory().id)
    kind = Kind.UNHAPPY
    body = "My social worker never rings me back"
    channel = Channel.WEB
    wants_reply = True
    reply_channel = ReplyChannel.WEB
    received_at = factory.LazyFunction(utcnow)
    # The time limits are fixed at receipt, as tellus.services.send_message fixes them.
    ack_due_at = factory.LazyAttribute(lambda m: _due(m.received_at, "ACK_WORKING_DAYS"))
    response_due_at = factory.LazyAttribute(lambda m: _due(m.received_at, "RESPONSE_WORKING_DAYS"))


def _due(received_at, setting):
    from flask import current_app
    from voiceapp.tellus.deadlines import deadline_at
    return deadline_at(received_at, current_app.config[setting])


class SurveyFactory(Base):
    class Meta:
        model = Survey

    title = "Your home"
    opens_at = factory.LazyFunction(lambda: utcnow() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: utcnow() + timedelta(days=30))

    @factory.post_generation
    def questions(survey, create, extracted, **kwargs):
        specs = extracted or [
            dict(kind=QuestionKind.SCALE, prompt="How safe do you feel?", scale_min=1, scale_max=5, required=True),
            dict(kind=QuestionKind.SINGLE_CHOICE, prompt="Where do you live?", options=["Foster home", "Children's home", "My own place"]),
            dict(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Who helps you?", options=["Carer", "Social worker", "Teacher", "Friends"]),
            dict(kind=QuestionKind.YES_NO, prompt="Do you know your plan?"),
            dict(kind=QuestionKind.FREE_TEXT, prompt="Anything else?"),
        ]
        version = SurveyVersion(number=1, published_at=None if kwargs.get("draft") else utcnow(),
                                questions=[SurveyQuestion(position=i, **spec) for i, spec in enumerate(specs, 1)])
        survey.versions = [version]
        db.session.flush()
