"""'Call me back': a senior leader writes the answer, and the service rings the young person in allowed hours
(through the real twilio client, here against a local fake of Twilio's API), reads it to them in their language
where there is a voice, offers it again on a keypress, tries once more if nobody answers, and records the outcome
on the thread. Staff never see the number."""
import itertools
import json
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa
from werkzeug import Response

from tests.factories import StaffFactory, YoungPersonFactory
from tests.staff_pages.test_pages import Browser
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db
from voiceapp.messaging import calls
from voiceapp.tellus.models import Message, MessageNote, MessageReply

SID = "AC" + "0" * 32
PHONE = "+447911123456"
OUR_NUMBER = "+447700000001"
PUBLIC = "https://voice.example.org"
CALL = {"CallSid": "CA" + "8" * 32, "From": PHONE, "To": OUR_NUMBER}
RECORDING = {**CALL, "RecordingSid": "RE" + "8" * 32, "RecordingDuration": "20",
             "RecordingUrl": "https://recordings.invalid/RE8"}
ANSWER = "We have asked your PA to ring you on Friday"


@pytest.fixture
def placed(app, httpserver):
    """Calls placed through the real twilio client, at a local fake of Twilio's REST API: their form fields."""
    sids = (f"CA{n:032d}" for n in itertools.count(1))

    def create(request):
        return Response(json.dumps({"sid": next(sids), "status": "queued"}), status=201,
                        content_type="application/json")
    httpserver.expect_request(f"/2010-04-01/Accounts/{SID}/Calls.json", method="POST").respond_with_handler(create)
    app.config.update(SMS_BACKEND="twilio", TWILIO_API_BASE=httpserver.url_for("").rstrip("/"),
                      TWILIO_MESSAGING_SERVICE_SID="MG" + "2" * 32, TWILIO_CALLER_ID=OUR_NUMBER)
    app.extensions.pop("voiceapp_sms", None)
    app.extensions.pop("voiceapp_calls", None)
    return lambda: [request.form for request, _ in httpserver.log if request.path.endswith("/Calls.json")]


def twiml(response):
    assert response.status_code == 200, response.data
    return ElementTree.fromstring(response.data)


def said(root):
    return " ".join(s.text or "" for s in root.iter("Say"))


def ask_for_a_call_back(twilio):
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"}))
    twiml(twilio.post("/twilio/voice/kind", {**CALL, "Digits": "2"}))
    assert twiml(twilio.post("/twilio/voice/reply", {**CALL, "Digits": "2"})).find("Record") is not None
    twiml(twilio.post("/twilio/voice/recorded", RECORDING))
    return db.session.scalar(sa.select(Message))


def answer(api_as, message, body=ANSWER):
    response = api_as("senior_leader").post(f"/api/v1/messages/{message.id}/replies", json={"body": body})
    assert response.status_code == 201, response.json
    return db.session.scalar(sa.select(MessageReply).where(MessageReply.author_staff_id.is_not(None)))


def path_of(url):
    assert url.startswith(PUBLIC)
    return url[len(PUBLIC):]


def picked_up(twilio, call):
    """Twilio asks the call's Url for its TwiML once the young person answers."""
    return twiml(twilio.post(path_of(call["Url"]), {"CallSid": call.get("Sid", "CA1"), "From": OUR_NUMBER,
                                                    "To": PHONE, "Direction": "outbound-api"}))


def ended(twilio, call, status):
    response = twilio.post(path_of(call["StatusCallback"]), {"CallSid": "CA1", "CallStatus": status, "To": PHONE})
    assert response.status_code == 204


def thread_entry(reply):
    return db.session.get(MessageReply, reply.id, populate_existing=True)


def run_due_calls():
    calls.dispatch_due_calls()


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def test_the_answer_is_read_to_them_on_a_call_we_place_and_can_be_heard_again(twilio, person, api_as, placed,
                                                                              clock):
    message = ask_for_a_call_back(twilio)
    reply = answer(api_as, message)
    [call] = placed()
    assert call["To"] == PHONE and call["From"] == OUR_NUMBER
    root = picked_up(twilio, call)
    assert "calling with our answer" in said(root) and ANSWER in said(root)
    assert "Press 1 to hear it again" in said(root.find("Gather"))
    again = twiml(twilio.post(path_of(PUBLIC + root.find("Gather").get("action")), {**CALL, "Digits": "1"}))
    assert ANSWER in said(again) and "calling with our answer" not in said(again)
    done = twiml(twilio.post(path_of(PUBLIC + root.find("Gather").get("action")), {**CALL, "Digits": "5"}))
    assert ANSWER not in said(done) and done[-1].tag == "Hangup"
    ended(twilio, call, "completed")
    assert thread_entry(reply).delivered_to == "call_answered"
    note = db.session.scalar(sa.select(MessageNote).where(MessageNote.message_id == message.id))
    assert "answered" in note.body
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"message.call_back", "message.call_back_answered"} <= actions


def test_a_call_nobody_answers_is_tried_once_more_then_recorded_as_missed(twilio, person, api_as, placed, clock):
    reply = answer(api_as, ask_for_a_call_back(twilio))
    [first] = placed()
    ended(twilio, first, "no-answer")
    run_due_calls()
    assert len(placed()) == 1                       # not at once: it waits before ringing again
    clock.shift(timedelta(minutes=31))
    run_due_calls()
    first, second = placed()
    assert second["To"] == PHONE
    ended(twilio, second, "busy")
    assert thread_entry(reply).delivered_to == "call_missed"
    clock.shift(timedelta(hours=2))
    run_due_calls()
    assert len(placed()) == 2                       # twice, and no more
    ended(twilio, second, "no-answer")              # a repeated callback changes nothing
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MessageNote)) == 1


def test_an_answer_written_in_quiet_hours_is_called_through_in_the_morning(twilio, person, api_as, placed, clock):
    message = ask_for_a_call_back(twilio)
    clock.move_to(datetime(2026, 11, 24, 22, 30, tzinfo=timezone.utc))     # 22:30 in London (GMT)
    answer(api_as, message)
    run_due_calls()
    assert placed() == []
    clock.move_to(datetime(2026, 11, 25, 7, 59, tzinfo=timezone.utc))
    run_due_calls()
    assert placed() == []
    clock.move_to(datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc))
    run_due_calls()
    assert [call["To"] for call in placed()] == [PHONE]


def test_no_call_goes_to_someone_who_texted_stop_after_asking(twilio, person, api_as, placed, clock):
    message = ask_for_a_call_back(twilio)
    twilio.sms("STOP", phone=PHONE)
    reply = answer(api_as, message)
    run_due_calls()
    assert placed() == []
    assert thread_entry(reply).delivered_to == "call_stopped"


@pytest.mark.parametrize("language, voice", [("ar", "arb"), ("vi", "vi-VN"), ("ps", "en-GB")])
def test_the_call_speaks_their_language_where_there_is_a_voice_else_english(twilio, app, api_as, placed, clock,
                                                                            language, voice):
    YoungPersonFactory(phone="07911 123456", language=language)
    answer(api_as, ask_for_a_call_back(twilio))
    root = picked_up(twilio, placed()[0])
    assert {s.get("language") for s in root.iter("Say")} == {voice}
    assert ANSWER in said(root)


def test_staff_see_only_the_last_digits_of_the_number(twilio, person, api_as, app, placed):
    message = ask_for_a_call_back(twilio)
    route = api_as("senior_leader").get(f"/api/v1/messages/{message.id}").json["reply_route"]
    assert "we call their phone" in route and "ending 456" in route and "7911" not in route
    browser = Browser(app)
    assert browser.sign_in(StaffFactory(role="senior_leader")).status_code == 302
    page = browser.get(f"/staff/messages/{message.id}").get_data(as_text=True)
    assert "ending 456" in page
    assert "7911" not in page and "123456" not in page


def test_a_status_callback_that_is_not_signed_by_twilio_is_refused(twilio, person, api_as, placed, client):
    reply = answer(api_as, ask_for_a_call_back(twilio))
    [call] = placed()
    assert client.post(path_of(call["StatusCallback"]), data={"CallStatus": "completed"}).status_code == 403
    assert thread_entry(reply).delivered_to == "call"
