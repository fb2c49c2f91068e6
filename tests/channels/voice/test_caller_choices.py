"""A caller chooses what their message is about and whether and how we answer; the keypad ratings take
"don't know"; and a second go at the promise check in one call never fails as "rated twice"."""
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck
from voiceapp.tellus.models import Kind, Message, ReplyChannel

CALL = {"CallSid": "CA" + "7" * 32, "From": "+447911123456", "To": "+447700000001"}
# Not Twilio's API host, so the fetching job refuses it and nothing leaves the machine.
RECORDING = {**CALL, "RecordingSid": "RE" + "7" * 32, "RecordingDuration": "20",
             "RecordingUrl": "https://recordings.invalid/RE7"}


def twiml(response):
    assert response.status_code == 200, response.data
    return ElementTree.fromstring(response.data)


def said(root):
    return " ".join(s.text or "" for s in root.iter("Say"))


def leave_message(twilio, *digits):
    twilio.post("/twilio/voice", CALL)
    root = twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"}))
    steps = ["/twilio/voice/kind"] + (["/twilio/voice/which"] if digits[0] == "1" else []) + ["/twilio/voice/reply"]
    for path, digit in zip(steps, digits):
        root = twiml(twilio.post(path, {**CALL, "Digits": digit}))
    assert root.find("Record") is not None
    twiml(twilio.post("/twilio/voice/recorded", RECORDING))
    return db.session.scalar(sa.select(Message))


@pytest.mark.parametrize("digits, kind, wants_reply, channel", [
    (("2", "1"), Kind.UNHAPPY, True, ReplyChannel.SMS),
    (("3", "2"), Kind.PRAISE, True, ReplyChannel.CALL),
    (("1", "4", "3"), Kind.PROMISE_NOT_KEPT, False, None),
])
def test_a_caller_chooses_the_kind_and_how_we_answer(twilio, app, digits, kind, wants_reply, channel):
    YoungPersonFactory(phone="07911 123456")
    message = leave_message(twilio, *digits)
    assert (message.kind, message.wants_reply, message.reply_channel) == (kind, wants_reply, channel)
    if kind == Kind.PROMISE_NOT_KEPT:
        assert message.promise.position == 4


def test_a_text_is_offered_only_to_a_caller_on_a_mobile(twilio, app):
    YoungPersonFactory(phone="0113 496 0000")           # a Leeds landline
    landline = {**CALL, "From": "+441134960000"}
    twilio.post("/twilio/voice", landline)
    twilio.post("/twilio/voice/menu", {**landline, "Digits": "2"})
    root = twiml(twilio.post("/twilio/voice/kind", {**landline, "Digits": "2"}))
    assert "call back" in said(root) and "text" not in said(root)
    root = twiml(twilio.post("/twilio/voice/reply", {**landline, "Digits": "1"}))
    assert "Sorry" in said(root) and root.find("Record") is None


def test_a_call_back_is_shown_to_staff_as_a_call_we_place_without_the_number(twilio, app, api_as):
    YoungPersonFactory(phone="07911 123456")
    message = leave_message(twilio, "2", "2")
    view = api_as("senior_leader").get(f"/api/v1/messages/{message.id}").json
    assert "call back" in view["reply_route"] and "+447911123456" not in view["reply_route"]


def test_a_text_answer_reaches_the_caller_s_phone(twilio, app, api_as, sent_sms, clock):
    YoungPersonFactory(phone="07911 123456")
    message = leave_message(twilio, "2", "1")
    api_as("senior_leader").post(f"/api/v1/messages/{message.id}/replies", json={"body": "We will ring your PA"})
    assert any(sms["body"] == "We will ring your PA" and sms["to"] == "+447911123456" for sms in sent_sms)


def test_a_key_that_means_nothing_asks_the_kind_again(twilio, app):
    YoungPersonFactory(phone="07911 123456")
    twilio.post("/twilio/voice", CALL)
    twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"})
    root = twiml(twilio.post("/twilio/voice/kind", {**CALL, "Digits": "7"}))
    assert "Sorry" in said(root) and "What is your message about" in said(root)


def test_four_on_the_keypad_is_don_t_know(twilio, app):
    YoungPersonFactory(phone="07911 123456")
    twilio.post("/twilio/voice", CALL)
    root = twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))
    assert "4 if you do not know" in said(root)
    for index in range(9):
        root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**CALL, "Digits": "4" if index == 0 else "0"}))
    if "explained it" in said(root):
        twiml(twilio.post("/twilio/voice/promise-information", {**CALL, "Digits": "0"}))
    check = db.session.scalar(sa.select(PromiseCheck))
    assert [r.rating.value for r in check.ratings] == ["dont_know"]


def test_pressing_one_twice_in_a_call_starts_again_and_saves_one_rating_per_promise(twilio, app):
    YoungPersonFactory(phone="07911 123456")
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))
    twiml(twilio.post("/twilio/voice/promise?i=0", {**CALL, "Digits": "1"}))
    twiml(twilio.post("/twilio/voice/promise?i=0", {**CALL, "Digits": "3"}))       # a retried webhook
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))               # 1 again: start again
    for index in range(9):
        root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**CALL, "Digits": "2"}))
    if "explained it" in said(root):
        root = twiml(twilio.post("/twilio/voice/promise-information", {**CALL, "Digits": "1"}))
    assert "saved" in said(root)
    check = db.session.scalar(sa.select(PromiseCheck))
    assert len(check.ratings) == 9 and {r.rating.value for r in check.ratings} == {"partly"}
