"""A disclosure by text or call, at any hour: the crisis reply in the same response, an alert in the same commit."""
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.safeguarding.models import SafeguardingAlert

EASTER_MONDAY_3AM = datetime(2026, 4, 6, 2, 0, tzinfo=timezone.utc)   # 03:00 BST


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def duty(app):
    app.config["DUTY_CONTACTS"] = [{"name": "Duty social worker", "email": "duty@example.org",
                                    "phone": "+447911999999"}]


def alerts():
    return db.session.scalars(sa.select(SafeguardingAlert)).all()


def test_a_disclosure_by_text_at_3am_on_a_bank_holiday_gets_the_crisis_reply_and_one_alert(
        twilio, person, duty, clock, sent_sms, sent_email):
    clock.move_to(EASTER_MONDAY_3AM)
    twilio.sms("hi")
    texts = twiml_texts(twilio.sms("wanna end it"))
    assert "999" in texts[0] and "0800 1111" in texts[0]
    assert len(alerts()) == 1
    assert [m["to"] for m in sent_sms] == ["+447911999999"]       # the duty phone, despite quiet hours
    assert sent_email and "wanna" not in sent_email[0]["body"]


def test_a_disclosure_inside_a_tell_us_message_by_text_raises_one_alert_not_two(twilio, person, duty):
    for body in ("hi", "2", "2"):
        twilio.sms(body)
    texts = twiml_texts(twilio.sms("my carer hits me when she is drunk"))
    assert "999" in texts[0]
    twilio.sms("3")
    assert len(alerts()) == 1


@pytest.mark.parametrize("word", ["UNSAFE", "unsafe", "not safe"])
def test_unsafe_by_text_raises_an_alert_with_no_words_needed(twilio, person, duty, word):
    texts = twiml_texts(twilio.sms(word))
    assert "999" in texts[-1] and len(alerts()) == 1


def test_the_menu_s_i_do_not_feel_safe_choice_raises_the_same_alert(twilio, person, duty):
    twilio.sms("hi")
    texts = twiml_texts(twilio.sms("5"))
    assert "999" in texts[-1] and len(alerts()) == 1


def test_an_unknown_number_saying_unsafe_still_gets_help_and_an_alert(twilio, app, duty):
    texts = twiml_texts(twilio.sms("unsafe", phone="+447911000333"))
    assert "999" in texts[-1] and len(alerts()) == 1


def test_keypad_9_on_a_call_raises_the_alert_and_speaks_the_crisis_reply(twilio, person, duty):
    from xml.etree import ElementTree
    call = {"CallSid": "CA" + "9" * 32, "From": "+447911123456"}
    twilio.post("/twilio/voice", call)
    root = ElementTree.fromstring(twilio.post("/twilio/voice/menu", {**call, "Digits": "9"}).data)
    spoken = " ".join(s.text for s in root.iter("Say"))
    assert "999" in spoken and len(alerts()) == 1


def test_with_the_database_down_a_disclosure_still_gets_the_crisis_reply_and_its_alert_fires_first_on_replay(
        twilio, person, duty, app, monkeypatch, tmp_path):
    from voiceapp import spool
    from voiceapp.channels.sms import services, tasks
    app.config["SPOOL_DIR"] = str(tmp_path)

    def down(**kwargs):
        raise OperationalError("INSERT", {}, Exception("database unreachable"))
    monkeypatch.setattr(services, "store_inbound", down)
    twilio.sms("just saying hi", sid="SM" + "1" * 32)
    texts = twiml_texts(twilio.sms("i want to kill myself tonight", sid="SM" + "2" * 32))
    assert "999" in texts[0] and "0800 1111" in texts[0]
    assert spool.pending("sms")[0].name.startswith("0-")                 # the disclosure is replayed first
    monkeypatch.undo()
    tasks.replay_spool()
    assert len(alerts()) == 1 and spool.pending("sms") == []


def test_a_risky_voice_transcription_raises_an_alert(twilio, person, duty, monkeypatch):
    from voiceapp.channels.voice import tasks
    monkeypatch.setattr(tasks, "is_twilio_url", lambda url: False)     # no fetching in this test
    call = {"CallSid": "CA" + "8" * 32, "From": "+447911123456"}
    twilio.post("/twilio/voice", call)
    recording = {**call, "RecordingSid": "RE" + "8" * 32, "RecordingDuration": "9",
                 "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE8"}
    twilio.post("/twilio/voice/recorded", recording)
    twilio.post("/twilio/voice/transcription", {**recording, "TranscriptionText": "he touches me at night"})
    assert len(alerts()) == 1


def test_while_an_alert_is_open_survey_invitations_are_held_not_sent(twilio, person, duty, api_as, sent_sms, clock):
    from tests.factories import SurveyFactory
    from voiceapp.messaging.models import OutboundMessage, OutboundStatus
    from voiceapp.messaging.tasks import dispatch_due_sms
    twilio.sms("unsafe")
    sent_sms.clear()
    survey = SurveyFactory()
    result = api_as("voice_officer").post(f"/api/v1/surveys/{survey.id}/invitations").json
    assert result["paused"] == 1 and result["queued"] == 0
    clock.shift(600)
    dispatch_due_sms()
    assert sent_sms == []
    held = db.session.scalar(sa.select(OutboundMessage).where(OutboundMessage.purpose == "survey_invite"))
    assert held.status == OutboundStatus.HELD


def test_with_the_database_down_an_arabic_disclosure_is_answered_in_arabic(twilio, app, monkeypatch, tmp_path):
    from voiceapp import spool
    from voiceapp.channels.sms import services
    from voiceapp.safeguarding.replies import CRISIS
    app.config["SPOOL_DIR"] = str(tmp_path)

    def down(**kwargs):
        raise OperationalError("INSERT", {}, Exception("database unreachable"))
    monkeypatch.setattr(services, "store_inbound", down)
    texts = twiml_texts(twilio.sms("بدي موت", sid="SM" + "3" * 32))
    assert texts[0].startswith(CRISIS["ar"]["message"][:20]) and "0800 1111" in texts[0] and "999" in texts[0]
    assert texts[1] == "شكرا، وصلتنا رسالتك. سنرد قريبا."
    assert spool.pending("sms")[0].name.startswith("0-")


def test_with_the_database_down_an_ordinary_arabic_text_gets_the_arabic_holding_reply(twilio, app, monkeypatch,
                                                                                       tmp_path):
    from voiceapp.channels.sms import services
    app.config["SPOOL_DIR"] = str(tmp_path)
    monkeypatch.setattr(services, "store_inbound", lambda **kwargs: 1 / 0)
    assert twiml_texts(twilio.sms("مرحبا", sid="SM" + "4" * 32)) == ["شكرا، وصلتنا رسالتك. سنرد قريبا."]
