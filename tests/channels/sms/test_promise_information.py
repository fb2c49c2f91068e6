"""By text, the promise-information question comes once a half-year, and a draft promise says it is a draft."""
import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.promises.models import PromiseCheck

PHONE = "+447911123456"


@pytest.fixture
def say(twilio):
    return lambda body: twiml_texts(twilio.sms(body, phone=PHONE))


def check_by_text(say, answers=9):
    say("1")
    for _ in range(answers - 1):
        say("yes")
    return say("yes")


def test_the_question_is_asked_after_the_last_promise_and_saved_with_the_check(say, app):
    YoungPersonFactory(phone="07911 123456")
    say("hi")
    assert "social worker given you the promise" in check_by_text(say)[0]
    say("3")
    say("0")
    assert db.session.scalar(sa.select(PromiseCheck.promise_information)).value == "not_sure"


def test_once_answered_it_is_not_asked_again_in_the_half_year(say, app):
    YoungPersonFactory(phone="07911 123456")
    say("hi")
    check_by_text(say)
    say("1")
    say("0")
    assert "Anything to add" in check_by_text(say)[0]


def test_skipping_it_saves_the_check_without_an_answer(say, app):
    YoungPersonFactory(phone="07911 123456")
    say("hi")
    check_by_text(say)
    say("0")
    say("0")
    check = db.session.scalar(sa.select(PromiseCheck))
    assert check is not None and check.promise_information is None


def test_a_care_leaver_is_told_their_promise_is_a_draft_before_rating_it(say, app):
    YoungPersonFactory(phone="07911 123456", cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21)
    say("hi")
    texts = say("1")
    assert "DRAFT" in texts[0] and texts[1].startswith("1/")
