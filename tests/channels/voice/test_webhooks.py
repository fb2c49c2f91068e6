"""The phone line: keypad promise ratings, a recorded message, and 'I don't feel safe' (TW-01, SEC-15)."""
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck
from voiceapp.tellus.models import Message

CALL = {"CallSid": "CA" + "1" * 32, "From": "+447911123456", "To": "+447700000001"}


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def twiml(response):
    assert response.status_code == 200, response.data
    return ElementTree.fromstring(response.data)


def said(root):
    return " ".join(s.text or "" for s in root.iter("Say"))


def test_an_unsigned_call_is_refused(client, person):
    assert client.post("/twilio/voice", data=CALL).status_code == 403


def test_a_known_caller_hears_the_keypad_menu(twilio, person):
    root = twiml(twilio.post("/twilio/voice", CALL))
    assert "Press 1" in said(root) and root.find("Gather") is not None


def test_rating_every_promise_by_keypad_saves_a_voice_promise_check(twilio, person):
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"}))
    for index, digit in enumerate(["1", "2", "3", "0", "1", "1", "2", "3", "1"]):
        root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**CALL, "Digits": digit}))
    assert "explained it" in said(root)
    root = twiml(twilio.post("/twilio/voice/promise-information", {**CALL, "Digits": "2"}))
    assert "saved" in said(root)
    check = db.session.scalar(sa.select(PromiseCheck))
    assert check.channel.value == "voice" and len(check.ratings) == 8
    assert check.promise_information.value == "no"


def test_once_the_question_is_answered_this_half_year_a_call_saves_straight_after_the_last_promise(twilio, person):
    for sid in ("CA" + "1" * 32, "CA" + "2" * 32):
        call = {**CALL, "CallSid": sid}
        twilio.post("/twilio/voice", call)
        twiml(twilio.post("/twilio/voice/menu", {**call, "Digits": "1"}))
        for index in range(9):
            root = twiml(twilio.post(f"/twilio/voice/promise?i={index}", {**call, "Digits": "1"}))
        if "explained it" in said(root):
            twiml(twilio.post("/twilio/voice/promise-information", {**call, "Digits": "1"}))
    assert "saved" in said(root)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PromiseCheck)) == 2


def test_a_care_leaver_hears_that_their_promise_is_a_draft(twilio, app):
    from voiceapp.people.models import AgeBand, Cohort
    YoungPersonFactory(phone="07911 123456", cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21)
    twilio.post("/twilio/voice", CALL)
    assert "draft" in said(twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "1"})))


class FakeAudio:
    content = b"ID3 audio"

    def raise_for_status(self):
        return None


def test_a_recorded_message_becomes_a_tell_us_message_with_its_transcription(twilio, person, monkeypatch):
    from types import SimpleNamespace

    from voiceapp.channels.voice import tasks
    from voiceapp.channels.voice.models import VoiceRecording
    fetched, deleted = [], []
    monkeypatch.setattr(tasks.requests, "get", lambda url, **kwargs: fetched.append(url) or FakeAudio())
    monkeypatch.setattr(tasks, "_client", lambda: SimpleNamespace(
        recordings=lambda sid: SimpleNamespace(delete=lambda: deleted.append(sid))))
    twilio.post("/twilio/voice", CALL)
    root = twiml(twilio.post("/twilio/voice/menu", {**CALL, "Digits": "2"}))
    assert "What is your message about" in said(root)
    twiml(twilio.post("/twilio/voice/kind", {**CALL, "Digits": "2"}))
    root = twiml(twilio.post("/twilio/voice/reply", {**CALL, "Digits": "3"}))
    assert root.find("Record") is not None
    recording = {**CALL, "RecordingSid": "RE" + "1" * 32, "RecordingDuration": "42",
                 "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"}
    twiml(twilio.post("/twilio/voice/recorded", recording))
    message = db.session.scalar(sa.select(Message))
    assert message.channel.value == "voice" and "42 seconds" in message.body
    stored = db.session.scalar(sa.select(VoiceRecording))
    assert fetched == [recording["RecordingUrl"] + ".mp3"] and deleted == [recording["RecordingSid"]]
    assert stored.deleted_at_twilio and open(stored.stored_path, "rb").read() == b"ID3 audio"
    twilio.post("/twilio/voice/transcription", {**recording, "TranscriptionText": "I want to move back home"})
    assert db.session.get(Message, message.id).body == "I want to move back home"


def test_a_recording_url_that_is_not_twilio_s_is_never_fetched(app, person, caplog):
    from voiceapp.channels.voice.tasks import is_twilio_url
    assert is_twilio_url("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")
    for url in ("http://169.254.169.254/latest/meta-data", "http://api.twilio.com/x",
                "https://api.twilio.com.evil.test/x", "https://api.twilio.com:8443/x"):
        assert not is_twilio_url(url)


def test_a_caller_in_a_language_without_a_voice_hears_english_with_an_apology(twilio, app):
    YoungPersonFactory(phone="07911 123456", language="ps")
    root = twiml(twilio.post("/twilio/voice", CALL))
    assert said(root).startswith("Sorry, we cannot speak your language")


def test_an_arabic_speaker_hears_arabic(twilio, app):
    YoungPersonFactory(phone="07911 123456", language="ar")
    root = twiml(twilio.post("/twilio/voice", CALL))
    assert root.find("Say").get("language") == "arb"


def test_a_signed_webhook_with_a_foreign_recording_url_fetches_nothing_and_logs_a_security_event(
        twilio, person, monkeypatch):
    from voiceapp.audit.models import AuditEvent
    from voiceapp.channels.voice import tasks
    fetched = []
    monkeypatch.setattr(tasks.requests, "get", lambda url, **kwargs: fetched.append(url))
    twilio.post("/twilio/voice", CALL)
    twiml(twilio.post("/twilio/voice/recorded", {**CALL, "RecordingSid": "RE" + "2" * 32, "RecordingDuration": "5",
                                                  "RecordingUrl": "http://169.254.169.254/latest/meta-data"}))
    assert fetched == []
    assert db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "security.recording_url_refused"))


@pytest.mark.parametrize("code, name", [("fa", "Farsi/Dari"), ("ps", "Pashto"), ("ti", "Tigrinya"),
                                        ("ckb", "Kurdish Sorani"), ("sq", "Albanian"), ("am", "Amharic")])
def test_a_caller_without_a_voice_is_offered_texting_in_their_own_language(twilio, app, code, name):
    YoungPersonFactory(phone="07911 123456", language=code)
    root = twiml(twilio.post("/twilio/voice", CALL))
    assert f"we will answer you in {name}" in said(root)
    assert {s.get("language") for s in root.iter("Say")} == {"en-GB"}


def test_a_vietnamese_speaker_hears_vietnamese(twilio, app):
    YoungPersonFactory(phone="07911 123456", language="vi")
    root = twiml(twilio.post("/twilio/voice", CALL))
    assert root.find("Say").get("voice") == "Google.vi-VN-Standard-A"
    assert "Sorry, we cannot speak" not in said(root)
