"""A voice message nobody could turn into words reaches a person within the alert clock, never a queue."""
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import current_app

from tests.factories import StaffFactory, YoungPersonFactory
from tests.safeguarding.test_alerts import DUTY
from tests.staff_pages.test_pages import Browser
from voiceapp.audit.models import AuditEvent
from voiceapp.channels.voice import tasks
from voiceapp.channels.voice.models import VoiceRecording
from voiceapp.extensions import db
from voiceapp.jobs.registry import registry_of
from voiceapp.safeguarding import tasks as alert_tasks
from voiceapp.safeguarding.models import EventKind, SafeguardingAlert, Trigger

CALL = {"CallSid": "CA" + "2" * 32, "From": "+447911123456", "To": "+447700000001"}
RECORDING = {**CALL, "RecordingSid": "RE" + "2" * 32, "RecordingDuration": "31",
             "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE2"}


@pytest.fixture
def config_overrides():
    return DUTY


@pytest.fixture
def no_fetching(app, monkeypatch):
    """Fetching the audio from Twilio is not what is under test here."""
    monkeypatch.setitem(registry_of(app).jobs, tasks.fetch_recording.job_name, lambda **kwargs: None)


def leave_a_voice_message(twilio, language="en"):
    YoungPersonFactory(phone="07911 123456", language=language)
    twilio.post("/twilio/voice", CALL)
    twilio.post("/twilio/voice/recorded", RECORDING)


def listen_tasks():
    return db.session.scalars(sa.select(SafeguardingAlert).where(
        SafeguardingAlert.trigger == Trigger.UNHEARD_RECORDING)).all()


def test_a_voice_message_in_a_language_twilio_does_not_transcribe_goes_to_a_person_at_once(
        twilio, no_fetching, sent_email, sent_sms):
    leave_a_voice_message(twilio, language="ar")
    [task] = listen_tasks()
    assert task.source_type == "voice_recording" and task.channel.value == "voice" and task.language == "ar"
    assert {m["to"] for m in sent_email} == {c["email"] for c in DUTY["DUTY_CONTACTS"]}
    assert all("listen to the recording" in m["subject"] for m in sent_email)
    assert {m["to"] for m in sent_sms} >= {c["phone"] for c in DUTY["DUTY_CONTACTS"]}


@pytest.mark.parametrize("transcription", [
    {"TranscriptionStatus": "failed", "TranscriptionText": ""},
    {"TranscriptionStatus": "completed", "TranscriptionText": ""},
    {"TranscriptionStatus": "completed", "TranscriptionText": "   "},
])
def test_a_failed_or_empty_transcription_asks_a_person_to_listen(twilio, no_fetching, transcription):
    leave_a_voice_message(twilio)
    assert listen_tasks() == []
    assert twilio.post("/twilio/voice/transcription", {**RECORDING, **transcription}).status_code == 204
    [task] = listen_tasks()
    assert task.source_id == db.session.scalar(sa.select(VoiceRecording.id))


def test_a_transcription_that_never_comes_is_sent_to_a_person_after_the_wait(twilio, no_fetching, clock, app):
    leave_a_voice_message(twilio)
    clock.shift(timedelta(minutes=app.config["VOICE_TRANSCRIPTION_WAIT_MINUTES"] - 1))
    tasks.ask_someone_to_listen_to_unheard_recordings()
    assert listen_tasks() == []
    clock.shift(timedelta(minutes=2))
    tasks.ask_someone_to_listen_to_unheard_recordings()
    tasks.ask_someone_to_listen_to_unheard_recordings()    # a second scheduler changes nothing
    assert len(listen_tasks()) == 1
    assert registry_of(current_app).periodic[tasks.ask_someone_to_listen_to_unheard_recordings.job_name] == 60


def test_a_transcription_with_words_raises_no_listen_task(twilio, no_fetching, clock):
    leave_a_voice_message(twilio)
    twilio.post("/twilio/voice/transcription", {**RECORDING, "TranscriptionStatus": "completed",
                                                "TranscriptionText": "I want to move back home"})
    clock.shift(timedelta(hours=1))
    tasks.ask_someone_to_listen_to_unheard_recordings()
    assert listen_tasks() == []


def test_a_listen_task_is_re_notified_and_escalated_like_any_alert(twilio, no_fetching, clock, app):
    leave_a_voice_message(twilio, language="ar")
    clock.shift(timedelta(minutes=app.config["ALERT_ESCALATE_MINUTES"] + 1))
    alert_tasks.renotify_unacknowledged_alerts()
    alert_tasks.escalate_unacknowledged_alerts()
    kinds = [event.kind for event in listen_tasks()[0].events]
    assert EventKind.RENOTIFIED in kinds and EventKind.ESCALATED in kinds


def test_the_duty_team_can_listen_to_the_recording_on_the_alert_page_and_each_listen_is_audited(
        twilio, no_fetching, app, tmp_path):
    leave_a_voice_message(twilio, language="ar")
    recording = db.session.scalar(sa.select(VoiceRecording))
    (tmp_path / "voice.mp3").write_bytes(b"ID3 audio")
    recording.stored_path = str(tmp_path / "voice.mp3")
    db.session.commit()
    [task] = listen_tasks()
    browser = Browser(app)
    browser.sign_in(StaffFactory(role="senior_leader"))
    page = browser.get(f"/staff/alerts/{task.id}").get_data(as_text=True)
    assert "Listen to their voice message" in page and "<audio" in page
    audio = browser.get(f"/staff/alerts/{task.id}/recording")
    assert audio.status_code == 200 and audio.data == b"ID3 audio" and audio.mimetype == "audio/mpeg"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "safeguarding_alert.listen")) == 1
