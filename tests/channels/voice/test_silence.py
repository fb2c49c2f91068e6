"""A caller who says nothing is asked again twice, then told where help is, and the call ends; whatever
they already answered in the call is kept."""
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck
from voiceapp.tellus.models import Message

CALL = {"CallSid": "CA" + "5" * 32, "From": "+447911123456", "To": "+447700000001"}


def twiml(response):
    assert response.status_code == 200, response.data
    return ElementTree.fromstring(response.data)


def said(root):
    return " ".join(s.text or "" for s in root.iter("Say"))


def silence(twilio, root):
    """What Twilio does when a <Gather> times out: it carries on to the <Redirect> after it, with no Digits."""
    assert root.find("Gather") is not None and root.find("Hangup") is None
    return twiml(twilio.post(root.find("Redirect").text, CALL))


def ends_with_help(root):
    assert root[-1].tag == "Hangup" and root.find("Gather") is None
    words = said(root)
    assert "999" in words and "0800 1111" in words
    return words


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def test_silence_at_the_menu_asks_twice_more_then_says_where_help_is_and_ends_the_call(twilio, person):
    root = twiml(twilio.post("/twilio/voice", CALL))
    for _ in range(2):
        root = silence(twilio, root)
        assert "Press 1" in said(root)
    words = ends_with_help(silence(twilio, root))
    assert "send a text to this number" in words


@pytest.mark.parametrize("question, before", [
    ("/twilio/voice/kind", []),
    ("/twilio/voice/which", [("/twilio/voice/kind", "1")]),
    ("/twilio/voice/reply", [("/twilio/voice/kind", "2")]),
])
def test_silence_at_a_message_question_repeats_it_twice_then_ends_the_call(twilio, person, question, before):
    twilio.post("/twilio/voice", CALL)
    root = twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"}))
    for path, digit in before:
        root = twiml(twilio.post(path, {**CALL, "Digits": digit}))
    assert root.find("Redirect").text.startswith(question)
    asked = said(root)
    for _ in range(2):
        root = silence(twilio, root)
        assert said(root) == asked
    ends_with_help(silence(twilio, root))
    assert db.session.scalar(sa.select(Message)) is None        # nothing was recorded, nothing is made up


def test_ratings_given_before_the_caller_goes_quiet_are_saved(twilio, person):
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))
    for index, digit in enumerate(["1", "3", "2"]):
        root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**CALL, "Digits": digit}))
    assert "Promise 4" in said(root)
    for _ in range(2):
        root = silence(twilio, root)
        assert "Promise 4" in said(root)
    ends_with_help(silence(twilio, root))
    check = db.session.scalar(sa.select(PromiseCheck))
    assert [r.rating.value for r in sorted(check.ratings, key=lambda r: r.position)] == ["kept", "not_kept", "partly"]


def test_silence_at_the_last_question_of_the_check_still_saves_every_rating(twilio, person):
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))
    for index in range(9):
        root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**CALL, "Digits": "1"}))
    assert "explained it" in said(root)
    for _ in range(2):
        root = silence(twilio, root)
        assert "explained it" in said(root)
    ends_with_help(silence(twilio, root))
    check = db.session.scalar(sa.select(PromiseCheck))
    assert len(check.ratings) == 9 and check.promise_information is None


def test_an_answer_after_one_silence_carries_on_as_usual(twilio, person):
    twilio.post("/twilio/voice", CALL)
    root = twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"}))
    root = silence(twilio, root)
    root = twiml(twilio.post("/twilio/voice/kind", {**CALL, "Digits": "2"}))
    assert "Do you want an answer?" in said(root) and root.find("Hangup") is None


@pytest.mark.parametrize("code, voice", [("ar", "arb"), ("vi", "vi-VN")])
def test_the_goodbye_is_said_in_the_caller_s_language_where_there_is_a_voice(twilio, app, code, voice):
    YoungPersonFactory(phone="07911 123456", language=code)
    root = twiml(twilio.post("/twilio/voice", CALL))
    for _ in range(3):
        root = silence(twilio, root)
    words = ends_with_help(root)
    assert {s.get("language") for s in root.iter("Say")} == {voice}
    assert "We have not heard you" not in words


def test_a_caller_without_a_voice_hears_the_goodbye_in_english(twilio, app):
    YoungPersonFactory(phone="07911 123456", language="ps")
    root = twiml(twilio.post("/twilio/voice", CALL))
    for _ in range(3):
        root = silence(twilio, root)
    assert "We have not heard you" in ends_with_help(root)
