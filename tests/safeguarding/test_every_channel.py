"""SAFE-05: every free-text column a young person writes, on every channel, passes through screening.

The list of columns comes from the data inventory (sensitivity `special`, stored as free text), so a new
column a young person can write into fails here until a writer below proves its words are screened.
"""
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from tests.conftest import twiml_texts
from tests.factories import SurveyFactory, YoungPersonFactory
from tests.safeguarding.test_alerts import DUTY, RISK
from voiceapp.extensions import db
from voiceapp.jobs.registry import registry_of
from voiceapp.safeguarding import alerts, subscribers

INVENTORY = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "data-inventory.yml").read_text())
PHONE = "+447911123456"
# Special free text that is not a young person writing to us, and why it needs no screening of its own.
NOT_A_YOUNG_PERSON_WRITING = {
    "message_notes.body": "staff notes",
    "safeguarding_alerts.action_taken": "staff record what they did",
    "safeguarding_alert_events.note": "staff record what they did",
    "report_quotes.text": "a redacted copy of words already screened where they were first stored",
    "inbound_sms.reply": "the reply voiceapp sent back, not the young person's words",
}


@pytest.fixture
def config_overrides():
    return DUTY


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone=PHONE)


@pytest.fixture
def me(api_as, person):
    return api_as(young_person=person)


@pytest.fixture
def screened(monkeypatch):
    """Every text the screener was given."""
    seen, real = [], subscribers.screen

    def spy(text, language):
        seen.append(text)
        return real(text, language)
    monkeypatch.setattr(subscribers, "screen", spy)
    return seen


def first_promise(me):
    return me.get("/api/v1/me/promises").json["promises"][0]["id"]


def row_id(model, column, value):
    return db.session.scalar(sa.select(model.id).where(getattr(model, column) == value))


def message_body(request, me):
    return "message", me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": RISK}).json["id"]


def reply_body(request, me):
    message_id = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "No news yet"}).json["id"]
    return "message_reply", me.post(f"/api/v1/me/messages/{message_id}/replies", json={"body": RISK}).json["id"]


def rating_comment(request, me):
    from voiceapp.promises.models import PromiseRating
    me.post("/api/v1/me/promise-checks", json={"answers": [
        {"promise_id": first_promise(me), "rating": "not_kept", "comment": RISK}]})
    return "promise_rating", row_id(PromiseRating, "comment", RISK)


def check_comment(request, me):
    check = me.post("/api/v1/me/promise-checks", json={"comment": RISK, "answers": [
        {"promise_id": first_promise(me), "rating": "kept"}]}).json
    return "promise_check", check["id"]


def survey_answer(request, me):
    from voiceapp.surveys.models import SurveyAnswer
    survey = SurveyFactory()
    question = me.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][4]["id"]
    me.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": question, "value": RISK}]})
    return "survey_answer", row_id(SurveyAnswer, "value_text", RISK)


def inbound_sms(request, me):
    from voiceapp.channels.sms.models import InboundSms
    texts = twiml_texts(request.getfixturevalue("twilio").sms(RISK, phone=PHONE))
    assert "999" in texts[0] and "0800 1111" in texts[0]
    return "inbound_sms", row_id(InboundSms, "body", RISK)


def voice_transcription(request, me):
    from voiceapp.channels.voice import tasks
    from voiceapp.channels.voice.models import VoiceRecording
    # Fetching the audio from Twilio is not what is under test here.
    jobs = registry_of(request.getfixturevalue("app")).jobs
    request.getfixturevalue("monkeypatch").setitem(jobs, tasks.fetch_recording.job_name, lambda **kw: None)
    twilio = request.getfixturevalue("twilio")
    call = {"CallSid": "CA" + "1" * 32, "From": PHONE, "To": "+447700000001"}
    recording = {**call, "RecordingSid": "RE" + "1" * 32, "RecordingDuration": "20",
                 "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"}
    twilio.post("/twilio/voice", call)
    twilio.post("/twilio/voice/recorded", recording)
    twilio.post("/twilio/voice/transcription", {**recording, "TranscriptionText": RISK})
    return "voice_transcription", row_id(VoiceRecording, "transcription", RISK)


WRITERS = {
    "messages.body": message_body,
    "message_replies.body": reply_body,
    "promise_ratings.comment": rating_comment,
    "promise_checks.comment": check_comment,
    "survey_answers.value_text": survey_answer,
    "inbound_sms.body": inbound_sms,
    "voice_recordings.transcription": voice_transcription,
}


def special_free_text(app):
    for table, entry in INVENTORY["tables"].items():
        for column, facts in entry["columns"].items():
            if facts["sensitivity"] == "special" and isinstance(db.metadata.tables[table].c[column].type, sa.Text):
                yield f"{table}.{column}"


def test_every_special_free_text_column_in_the_inventory_is_proven_screened_or_not_a_young_person_s(app):
    unproven = sorted(set(special_free_text(app)) - set(NOT_A_YOUNG_PERSON_WRITING) - set(WRITERS))
    assert unproven == [], "add a writer to WRITERS that stores risky words in each of these"


def test_the_inventory_lists_the_young_people_s_free_text_columns_proven_here(app):
    assert {"messages.body", "message_replies.body", "promise_ratings.comment",
            "survey_answers.value_text"} <= set(special_free_text(app))


@pytest.mark.parametrize("column", sorted(WRITERS))
def test_words_written_into_each_column_are_screened_and_raise_an_alert(request, me, screened, column):
    source_type, source_id = WRITERS[column](request, me)
    assert RISK in screened
    assert source_id is not None
    alert = alerts.alert_for_source(source_type, uuid.UUID(str(source_id)))
    assert alert is not None and alert.categories == ["suicide_self_harm"]
