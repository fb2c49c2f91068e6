"""Texts written the way young people text are read, kept and answered: through the real signed webhook."""
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.messaging.segments import measure
from voiceapp.people.models import YoungPerson
from voiceapp.safeguarding.models import SafeguardingAlert
from voiceapp.tellus.models import Kind, Message, ReplyChannel

PHONE = "+447911123456"
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def arabic_person(app):
    return YoungPersonFactory(phone="07911 123457", language="ar")


@pytest.fixture
def say(twilio):
    def send(body, phone=PHONE):
        return twiml_texts(twilio.sms(body, phone=phone))
    return send


def the_message():
    return db.session.scalar(sa.select(Message))


def start_tell_us(say):
    say("hi")
    say("2")


@pytest.mark.parametrize("word", ["HELP", "help", "help me", "Help!!", "مساعدة", "ساعدني"])
def test_help_is_answered_with_the_help_text_and_raises_no_alert(say, person, word):
    texts = say(word)
    assert len(texts) == 1 and "999" in texts[0] and "Childline" in texts[0]
    assert db.session.scalars(sa.select(SafeguardingAlert)).all() == []


def test_help_inside_a_whole_message_of_danger_is_still_screened(say, person):
    texts = say("help me now hes outside my door")
    assert "999" in texts[0]
    assert len(db.session.scalars(sa.select(SafeguardingAlert)).all()) == 1


def test_a_sender_twilio_delivered_whose_number_the_tables_do_not_hold_valid_can_join(say, app):
    new_range = "+441000123456"             # possible, but not valid in the number tables yet
    say("hiya", phone=new_range)               # a hello in English: no language question
    say("1", phone=new_range)
    texts = say("2", phone=new_range)
    assert any("Welcome" in text for text in texts)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(YoungPerson)) == 1


def test_a_number_typed_by_a_person_is_still_checked_strictly(app):
    from voiceapp.errors import Invalid
    from voiceapp.people import phones
    with pytest.raises(Invalid):
        phones.normalise("+441000123456")


def test_the_confirmation_gives_the_date_it_will_be_read_and_the_later_date_it_will_be_answered(
        say, person, clock):
    clock.move_to(TUESDAY)
    start_tell_us(say)
    say("2")
    say("my social worker never calls me back")
    confirmation = say("1")[0]
    message = the_message()
    assert f"read this by {message.ack_due_at:%a} {message.ack_due_at.day} {message.ack_due_at:%b}" in confirmation
    assert (f"answer you by {message.response_due_at:%a} {message.response_due_at.day} "
            f"{message.response_due_at:%b}") in confirmation
    assert message.ack_due_at < message.response_due_at


@pytest.mark.parametrize("answer, wants_reply, channel", [
    ("yes", True, ReplyChannel.SMS), ("Yes by text", True, ReplyChannel.SMS), ("txt me", True, ReplyChannel.SMS),
    ("yeah", True, ReplyChannel.SMS), ("through my worker", True, ReplyChannel.WORKER),
    ("worker", True, ReplyChannel.WORKER), ("no", False, None), ("nah", False, None), ("no thanks", False, None),
])
def test_words_answer_do_you_want_a_reply(say, person, answer, wants_reply, channel):
    start_tell_us(say)
    say("2")
    say("nobody tells me whats happening with contact")
    assert "Thank you" in say(answer)[0]
    message = the_message()
    assert message.wants_reply is wants_reply and message.reply_channel == channel


@pytest.mark.parametrize("answer, wants_reply", [("نعم", True), ("لا", False), ("نعم برسالة", True)])
def test_arabic_words_answer_do_you_want_a_reply(say, arabic_person, answer, wants_reply):
    phone = "+447911123457"
    say("مرحبا", phone=phone)
    say("2", phone=phone)
    say("2", phone=phone)
    say("ما حدا بيرد علي", phone=phone)
    say(answer, phone=phone)
    assert the_message().wants_reply is wants_reply


def test_a_second_text_minutes_later_is_more_of_the_message_until_the_reply_question_is_answered(
        say, person, clock):
    start_tell_us(say)
    say("2")
    say("my placement is rubbish and")
    clock.shift(240)                                   # four minutes to type the next bit
    more = say("nobody listens when i say it")
    assert more[0] == "Added to your message." and "Do you want a reply" in more[1]
    clock.shift(180)
    say("and my worker left")
    say("1")
    assert the_message().body == "my placement is rubbish and nobody listens when i say it and my worker left"


def test_a_message_typed_at_what_is_it_about_is_kept_and_the_kind_asked_after(say, person):
    start_tell_us(say)
    texts = say("my social worker never calls me back")
    assert "Got your message" in texts[0]
    assert "Do you want a reply" in say("2")[0]
    say("1")
    message = the_message()
    assert message.body == "my social worker never calls me back" and message.kind == Kind.UNHAPPY


def test_a_message_typed_first_about_a_broken_promise_still_asks_which_promise(say, person):
    start_tell_us(say)
    say("they said id see my brother every week and i dont")
    assert "Which promise" in say("1")[0]
    assert "Do you want a reply" in say("6")[0]
    say("3")
    assert the_message().promise.position == 6


def test_l_sends_every_promise_in_one_text(say, person):
    start_tell_us(say)
    say("1")
    texts = say("L")
    assert len(texts) == 1
    assert texts[0].startswith("1 ") and "\n9 " in texts[0]
    assert measure(texts[0]).segments <= 9 * 160 // 153


def test_menu_in_the_middle_of_a_message_still_sends_what_they_wrote(say, person):
    start_tell_us(say)
    say("2")
    say("my carer shouts at me all the time")
    texts = say("MENU")
    assert "answer you by" in texts[0] and texts[-1].startswith("Reply 1 Check the promise")
    message = the_message()
    assert message.body == "my carer shouts at me all the time"
    assert message.wants_reply is True and message.reply_channel == ReplyChannel.SMS


def test_a_message_left_at_do_you_want_a_reply_reaches_senior_leaders_after_the_quiet_time(
        app, say, person, clock, sent_sms):
    from voiceapp.channels.sms import tasks
    start_tell_us(say)
    say("2")
    say("i asked for a new worker 3 times and nothing")
    tasks.send_unfinished_messages()
    assert the_message() is None                       # still theirs to finish
    clock.shift(app.config["SMS_STATE_TTL_SECONDS"] + 60)
    tasks.send_unfinished_messages()
    tasks.send_unfinished_messages()
    message = the_message()
    assert message.body == "i asked for a new worker 3 times and nothing" and message.kind == Kind.UNHAPPY
    assert message.reply_channel == ReplyChannel.SMS
    assert [t for t in sent_sms if "answer you by" in t["body"]] != []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 1


def test_a_message_typed_before_choosing_what_it_is_about_is_not_lost_either(app, say, person, clock):
    from voiceapp.channels.sms import tasks
    start_tell_us(say)
    say("nobody came to my review meeting")
    clock.shift(app.config["SMS_STATE_TTL_SECONDS"] + 60)
    tasks.send_unfinished_messages()
    assert the_message().body == "nobody came to my review meeting"
