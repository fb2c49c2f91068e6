"""Whole conversations by text, through the real signed webhook (the channel only translates)."""
import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck
from voiceapp.surveys.models import SurveyResponse
from voiceapp.tellus.models import Message

PHONE = "+447911123456"


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def say(twilio):
    def send(body, phone=PHONE):
        return twiml_texts(twilio.sms(body, phone=phone))
    return send


def test_the_first_text_gets_the_privacy_line_and_the_menu(say, person):
    texts = say("hello")
    assert "private" in texts[0]
    assert texts[-1].startswith("Reply 1 Check the promise")


def test_checking_the_promise_by_text_makes_the_same_record_as_the_web(say, person):
    say("hi")
    first = say("1")
    assert first[0].startswith("1/9 We promise to help and support you")
    answers = ["yes", "kinda", "nope", "dunno", "0", "👍", "2", "3", "y"]
    for answer in answers:
        reply = say(answer)
    assert "explained it?" in reply[0]
    assert "Anything to add" in say("1")[0]
    assert "saved" in say("More say in my plans")[0]
    check = db.session.scalar(sa.select(PromiseCheck))
    assert check.channel.value == "sms" and check.comment == "More say in my plans"
    assert check.promise_information.value == "yes"
    assert [r.rating.value for r in check.ratings] == [
        "kept", "partly", "not_kept", "dont_know", "kept", "partly", "not_kept", "kept"]


def test_an_answer_not_understood_gets_a_hint_then_the_promise_is_skipped(say, person):
    say("hi")
    say("1")
    assert "Sorry" in say("banana")[0]
    assert say("banana again")[0].startswith("2/9")


def test_yes_is_always_an_answer_never_an_opt_in(say, person):
    say("hi")
    say("1")
    say("YES")
    assert person.sms_opted_out_at is None


def test_telling_us_a_promise_was_not_kept_by_text(say, person):
    say("hi")
    assert "What is it about" in say("2")[0]
    assert "Which promise" in say("1")[0]
    assert "Tell us what happened" in say("6")[0]
    assert "Do you want a reply" in say("Nobody asked me before I moved school")[0]
    confirmation = say("1")[0]
    assert "read this by" in confirmation and "answer you by" in confirmation and "Ref" in confirmation
    message = db.session.scalar(sa.select(Message))
    assert message.channel.value == "sms" and message.reply_channel.value == "sms"
    assert message.promise.position == 6


def test_parts_of_a_long_text_arriving_together_are_joined(say, person, clock):
    say("hi")
    say("2")
    say("2")
    first_part = ("My placement has been really hard since the summer and I keep asking for help with it but "
                  "nobody listens to me at all and it is getting worse every week and")
    assert len(first_part) >= 153
    say(first_part)
    clock.shift(3)
    assert say("nobody has called me back for weeks") == []
    clock.shift(60)
    say("3")
    message = db.session.scalar(sa.select(Message))
    assert message.body == first_part + " nobody has called me back for weeks"
    assert message.wants_reply is False


def test_praise_by_text_names_who_worked_hard(say, person):
    say("hi")
    say("2")
    assert "Who do you want to praise" in say("3")[0]
    say("Sam my PA")
    say("She helped me get my flat")
    say("3")
    message = db.session.scalar(sa.select(Message))
    assert message.kind.value == "praise" and message.praise_for == "Sam my PA"


def test_each_survey_question_type_by_text_and_resumable(say, person, clock):
    SurveyFactory()
    say("hi")
    assert say("3")[0].startswith("1/5 How safe do you feel?")
    assert say("4")[0].startswith("2/5")
    say("menu")
    clock.shift(60)
    assert say("3")[0].startswith("2/5"), "carries on where it stopped"
    assert say("2")[0].startswith("3/5")
    assert say("1 3")[0].startswith("4/5")
    assert say("no")[0].startswith("5/5")
    assert "Thank you for answering" in say("More trips out")[0]
    response = db.session.scalar(sa.select(SurveyResponse))
    assert response.submitted_at is not None and response.channel.value == "sms"
    assert len(response.answers) == 5


def test_a_survey_answer_out_of_range_is_asked_again(say, person):
    SurveyFactory()
    say("hi")
    say("3")
    assert say("9")[0] == "Sorry, I did not get that."


def test_no_open_survey_says_so_without_a_dead_end(say, person):
    say("hi")
    assert "no surveys" in say("3")[0] and "MENU" in say("3")[0]


@pytest.mark.parametrize("word", ["STOP", "stop", " Stop. ", "UNSUBSCRIBE", "cancel", "End", "QUIT!", "revoke",
                                  "optout", "STOPALL"])
def test_any_opt_out_word_at_any_point_stops_every_outbound_message(say, person, word, sent_sms):
    say("hi")
    say("1")
    assert say(word) == []
    assert person.sms_opted_out_at is not None
    from voiceapp.database import transaction
    from voiceapp.messaging import services
    with transaction():
        for purpose in ("survey_invite", "reply", "reminder", "you_said_we_did"):
            services.send_sms(young_person_id=person.id, body="hello", purpose=purpose)
    assert sent_sms == []


def test_texts_from_an_opted_out_number_are_still_recorded(say, person):
    from voiceapp.channels.sms.models import InboundSms
    say("STOP")
    assert say("hi") == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(InboundSms)) == 2


def test_start_opts_back_in_even_in_the_middle_of_a_flow(say, person):
    say("hi")
    say("1")
    say("stop")
    say("yes")
    assert person.sms_opted_out_at is not None
    say("START")
    assert person.sms_opted_out_at is None


def test_help_gives_999_childline_and_the_service_in_one_segment(say, person):
    from voiceapp.messaging.segments import segments
    reply = say("help")[-1]
    assert "999" in reply and "0800 1111" in reply and segments(reply) == 1


def test_menu_restarts_from_anywhere(say, person):
    say("hi")
    say("2")
    assert say("MENU")[0].startswith("Reply 1 Check the promise")


def test_a_language_word_switches_to_arabic(say, person):
    say("hi")
    texts = say("ARABIC")
    assert person.language == "ar"
    assert any("١" in t or "1" in t for t in texts)
    assert texts[0] != "OK, we will text you in English."


def test_a_quiet_conversation_expires_and_starts_fresh(say, person, clock):
    say("hi")
    say("1")
    clock.shift(25 * 3600)
    assert say("2")[0].startswith("What is it about")


def test_a_new_number_joins_with_a_short_flow(say, app):
    first = say("hello", phone="+447911000111")       # a hello in English: joining goes on in English
    assert "private" in first[0] and "in care" in first[-1]
    say("1", phone="+447911000111")
    texts = say("2", phone="+447911000111")
    assert any(t.startswith("Welcome") for t in texts)
    from voiceapp.people import services as people
    joined = people.find_by_phone("+447911000111")
    assert joined.cohort.value == "child_in_care" and joined.age_band.value == "13-15"


def test_a_new_number_can_join_with_a_worker_s_invitation_code(say, app, api_as):
    app.config["SMS_JOIN_MODE"] = "invitation"
    invited = YoungPersonFactory()
    code = api_as("voice_officer").post(f"/api/v1/young-people/{invited.id}/invitations").json["code"]
    assert "code" in say("hi", phone="+447911000222")[-1]
    assert "did not work" in say("WRONG-CODE", phone="+447911000222")[0]
    texts = say(code.lower(), phone="+447911000222")
    assert any(t.startswith("Welcome") for t in texts)
    assert invited.phone is not None


@pytest.mark.parametrize("reply, answer, reopened", [("yes", "yes", False), ("kinda", "partly", False),
                                                     ("nah", "no", True)])
def test_a_texted_answer_to_are_you_happy_is_recorded_and_no_reopens(say, person, api_as, reply, answer, reopened):
    from voiceapp.tellus.models import Status
    say("hi")
    for text in ("2", "2", "Nobody rings me back", "1"):
        say(text)
    message = db.session.scalar(sa.select(Message))
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message.id}/replies", json={"body": "I will ring you today"})
    assert leader.post(f"/api/v1/messages/{message.id}/status",
                       json={"status": "closed", "outcome": "resolved"}).status_code == 200
    assert say(reply) == ["Thank you for telling us."]
    assert (db.session.get(Message, message.id).status != Status.CLOSED) is reopened


def test_a_menu_digit_stays_a_menu_choice_while_are_you_happy_waits(say, person, api_as):
    from voiceapp.tellus.models import SatisfactionAnswer, Status
    say("hi")
    for text in ("2", "2", "Nobody rings me back", "1"):
        say(text)
    message = db.session.scalar(sa.select(Message))
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message.id}/status", json={"status": "closed", "outcome": "resolved"})
    assert say("3") != ["Thank you for telling us."]          # 3 is Surveys on the menu, not "no"
    assert db.session.scalar(sa.select(SatisfactionAnswer)) is None
    assert db.session.get(Message, message.id).status == Status.CLOSED


def test_the_privacy_link_in_the_first_text_opens_a_plain_notice_in_the_reader_s_language(client):
    page = client.get("/privacy", headers={"Accept-Language": "ar"})
    assert page.status_code == 200 and b'dir="rtl"' in page.data and "999".encode() in page.data
    english = client.get("/privacy").get_data(as_text=True)
    assert "safety team" in english and "0800 1111" in english


def test_a_new_promise_version_made_current_is_asked_at_once_though_the_last_one_was_read_before(
        say, person, api_as):
    say("hi")
    assert say("1")[0].startswith("1/9 We promise")      # the current version, now held by this process
    say("menu")
    response = api_as("voice_officer").post("/api/v1/promise-sets", json={
        "slug": "children-in-care-2027", "cohort": "child_in_care", "title": "Our promise (2027)",
        "make_current": True, "promises": [{"text": "keep your things safe when you move", "priority": 2}]})
    assert response.status_code == 201
    assert say("1")[0].startswith("1/1 We promise to keep your things safe when you move")
    assert "explained it?" in say("yes")[0]      # one promise in this version: its check is already done
