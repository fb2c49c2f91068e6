"""Every numbered question takes words too, free text is kept and offered, ages are read as said, and a
satisfaction reason reaches the message's owner: all through the real signed webhook."""
import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.channels.sms.options import parse_age, parse_option, parse_yes_no, read_rating
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.promises.models import PromiseCheck
from voiceapp.surveys.models import SurveyResponse
from voiceapp.tellus.models import Kind, Message, MessageReply, SatisfactionAnswer

PHONE = "+447911123456"
NEW = "+447911000333"


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def arabic_person(app):
    return YoungPersonFactory(phone="07911 123456", language="ar")


@pytest.fixture
def say(twilio):
    def send(body, phone=PHONE):
        return twiml_texts(twilio.sms(body, phone=phone))
    return send


def the_message():
    return db.session.scalar(sa.select(Message))


@pytest.mark.parametrize("word, expected", [
    ("check the promise", "1/9"), ("promise", "1/9"), ("tell us", "What is it about"),
    ("Survey", "no surveys"), ("الوعد", "1/9"), ("استبيان", "no surveys"),
])
def test_the_menu_takes_the_words_of_its_items(say, person, word, expected):
    say("hi")
    assert expected in " ".join(say(word))


@pytest.mark.parametrize("word, kind", [("unhappy", Kind.UNHAPPY), ("praise", Kind.PRAISE),
                                        ("Unhappy with support", Kind.UNHAPPY), ("غير راض", Kind.UNHAPPY)])
def test_the_kind_of_message_takes_its_words(say, person, word, kind):
    say("hi")
    say("2")
    say(word)
    if kind == Kind.PRAISE:
        say("Sam my PA")
    say("She helped me with college")
    say("no")
    assert the_message().kind == kind


@pytest.mark.parametrize("word, rating, reason", [
    ("yes", "kept", None), ("yeh", "kept", None), ("yse", "kept", None), ("kind of", "partly", None),
    ("dunno", "dont_know", None), ("نعم", "kept", None),
    ("no they never tell me anything", "not_kept", "they never tell me anything"),
    ("kinda, because they listen", "partly", "because they listen"),
])
def test_promise_ratings_take_words_and_keep_the_reason(say, person, word, rating, reason):
    say("hi")
    say("1")
    reply = say(word)
    while "saved" not in reply[0]:
        reply = say("0")
    check = db.session.scalar(sa.select(PromiseCheck))
    assert [(r.rating.value, r.comment) for r in check.ratings] == [(rating, reason)]


@pytest.mark.parametrize("word, information", [("yes", "yes"), ("nah", "no"), ("not sure", "not_sure"),
                                               ("لا", "no"), ("dunno", "not_sure")])
def test_the_promise_information_question_takes_words(say, person, word, information):
    say("hi")
    say("1")
    for _ in range(9):
        reply = say("yes")
    assert "explained it?" in reply[0]
    say(word)
    say("0")
    assert db.session.scalar(sa.select(PromiseCheck)).promise_information.value == information


def test_survey_options_are_taken_by_their_words(say, person):
    SurveyFactory()
    say("hi")
    say("3")
    say("4")
    question = say("2")[0]
    assert question.startswith("3/5")
    option = question.split(" 1 ")[1].split(",")[0]          # the first option's words, as the text shows them
    assert say(option.lower())[0].startswith("4/5"), option
    assert say("yeh")[0].startswith("5/5")
    say("More trips out")
    response = db.session.scalar(sa.select(SurveyResponse))
    assert len(response.answers) == 5
    assert [[c.option for c in a.choices] for a in response.answers if a.choices] == [[0]]
    assert 1 in [a.value_int for a in response.answers]           # "yeh" is yes


@pytest.mark.parametrize("said, band", [("15", "13-15"), ("fifteen", "13-15"), ("im 15", "13-15"),
                                        ("I'm 19 years old", "18-21"), ("twenty one", "18-21"), ("12", "10-12"),
                                        ("2", "13-15"), ("١٧", "16-17")])
def test_a_new_number_gives_an_age_as_a_number_or_words(say, app, said, band):
    say("hi", phone=NEW)
    assert "How old" in say("care leaver", phone=NEW)[0]
    texts = say(said, phone=NEW)
    assert any(text.startswith("Welcome") for text in texts)
    joined = db.session.scalar(sa.select(YoungPerson))
    assert joined.cohort.value == "care_leaver" and joined.age_band.value == band and joined.language == "en"


def test_an_age_outside_the_bands_is_asked_again(say, app):
    say("hi", phone=NEW)
    say("1", phone=NEW)
    assert say("40", phone=NEW)[0].startswith("Sorry")


def test_free_text_at_the_menu_is_kept_and_sent_only_when_they_say_yes(say, person):
    say("hi")
    assert "Tell Us We Care" in say("i want to complain about my placement")[0]
    assert "Is it about" in say("yes")[0]
    say("unhappy")
    assert "read this by" in say("3")[0]
    message = the_message()
    assert message.body == "i want to complain about my placement" and message.kind == Kind.UNHAPPY


def test_free_text_at_the_menu_is_not_sent_when_they_say_no(say, person):
    say("hi")
    say("my foster carer is really kind to me")
    texts = say("no")
    assert "not sent" in texts[0] and texts[-1].startswith("Reply 1")
    assert the_message() is None


def test_a_new_number_s_first_text_is_kept_through_joining_and_offered(say, app):
    say("i want to complain about my placement", phone=NEW)
    assert any("kept your message" in text for text in say("english", phone=NEW))
    say("in care", phone=NEW)
    texts = say("14", phone=NEW)
    assert any(text.startswith("Welcome") for text in texts) and "Tell Us We Care" in texts[-1]
    say("yes", phone=NEW)
    say("2", phone=NEW)
    say("1", phone=NEW)
    assert the_message().body == "i want to complain about my placement"


def _closed_message(say, api_as):
    say("hi")
    for text in ("2", "2", "Nobody rings me back", "1"):
        say(text)
    message = the_message()
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message.id}/replies", json={"body": "I will ring you today"})
    leader.post(f"/api/v1/messages/{message.id}/status", json={"status": "closed", "outcome": "resolved"})
    return message


def test_a_satisfaction_reason_is_stored_and_its_owner_told(say, person, api_as, sent_email):
    message = _closed_message(say, api_as)
    before = len(sent_email)
    assert say("yes, because they rang me the same day") == ["Thank you for telling us."]
    answer = db.session.scalar(sa.select(SatisfactionAnswer))
    assert answer.answer.value == "yes"
    assert db.session.get(MessageReply, answer.reply_id).body == "because they rang me the same day"
    told = sent_email[before:]
    assert told and all("They said why" in email["subject"] for email in told)
    assert all("rang me" not in email["body"] for email in told)     # their words stay in the service


def test_an_arabic_reader_answers_in_arabic_words(say, arabic_person):
    say("hi")
    say("2")
    say("غير راض")
    say("لا أحد يتصل بي")
    say("لا")
    assert the_message().kind == Kind.UNHAPPY and the_message().wants_reply is False


@pytest.mark.parametrize("body, value", [("yse", True), ("yes pls", True), ("nope", False), ("noo", False),
                                         ("banana", None), ("ye", True)])
def test_yes_and_no_forgive_a_slip_of_the_keyboard(body, value):
    assert parse_yes_no(body, "en") is value


@pytest.mark.parametrize("body, age", [("15", 15), ("fifteen", 15), ("im 15", 15), ("i am 15 years old", 15),
                                       ("twenty five", 25), ("15yrs", 15), ("9", None), ("15 or 16", None),
                                       ("my birthday", None), ("", None)])
def test_ages_are_read_as_said(body, age):
    assert parse_age(body) == age


def test_an_option_named_inside_a_short_reply_is_read_but_a_negation_is_not():
    options = (("in care",), ("care leaver",))
    assert parse_option("im a care leaver", options) == 2
    assert parse_option("i am not a care leaver", options) is None
    assert parse_option("in care or care leaver", options) is None


def test_a_rating_keeps_the_words_after_it_as_the_reason():
    assert read_rating("no they never tell me anything", "en").reason == "they never tell me anything"
    assert read_rating("no idea", "en").value == "dont_know"
    assert read_rating("my worker is nice", "en") is None
