"""With the database down nobody is left without an answer: the phone line and 'I don't feel safe' still give
the crisis words and are kept for the safety team; staff hear that the service is unavailable (503).

The outage is real: a second app whose database is a port where nothing listens."""
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from tests.conftest import SignedTwilio, base_config
from tests.factories import STAFF_PASSWORD, YoungPersonFactory
from voiceapp import create_app
from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.safeguarding import offline
from voiceapp.safeguarding.models import SafeguardingAlert, Trigger

NOWHERE = "postgresql://postgres@127.0.0.1:9/voiceapp_nowhere"
CALL = {"CallSid": "CA" + "7" * 32, "From": "+447911123456", "To": "+447700000001"}


@pytest.fixture
def spool_dir(app, tmp_path):
    app.config["SPOOL_DIR"] = str(tmp_path)
    return str(tmp_path)


@pytest.fixture
def down(spool_dir):
    """The same service with its database unreachable, sharing the working app's spool directory."""
    outage = create_app({**base_config(NOWHERE), "SPOOL_DIR": spool_dir})
    client = outage.test_client()
    client.environ_base["wsgi.url_scheme"] = "https"
    return outage, client


def said(response):
    assert response.status_code == 200 and response.mimetype.endswith("/xml")
    return " ".join(s.text or "" for s in ElementTree.fromstring(response.data).iter("Say"))


def unsafe_alerts():
    return db.session.scalars(sa.select(SafeguardingAlert).where(
        SafeguardingAlert.trigger == Trigger.UNSAFE_CHOICE)).all()


def test_a_call_is_answered_and_offers_keypad_9(down):
    outage, client = down
    words = said(SignedTwilio(client, outage).post("/twilio/voice", CALL))
    assert "press 9" in words and "call again later" in words


def test_keypad_9_gives_the_crisis_words_and_reaches_the_safety_team_when_the_database_is_back(down, app):
    person = YoungPersonFactory(phone="07911 123456")
    outage, client = down
    words = said(SignedTwilio(client, outage).post("/twilio/voice/menu", {**CALL, "Digits": "9"}))
    assert "999" in words and "0800 1111" in words
    assert unsafe_alerts() == []
    offline.replay_unsafe_choices()
    offline.replay_unsafe_choices()
    [alert] = unsafe_alerts()
    assert alert.young_person_id == person.id and alert.channel == Channel.VOICE


@pytest.mark.parametrize("path", ["/twilio/voice/promise?i=0", "/twilio/voice/recorded"])
def test_the_rest_of_a_call_ends_politely(down, path):
    outage, client = down
    assert "call again later" in said(SignedTwilio(client, outage).post(path, {**CALL, "Digits": "1"}))


def test_i_dont_feel_safe_on_the_web_gives_the_crisis_words_and_is_raised_on_replay(down, yp, young_person):
    outage, client = down
    kept = client.post("/api/v1/unsafe", headers={"Authorization": f"Bearer {yp.token}",
                                                  "Accept-Language": "ar"})
    assert kept.status_code == 202 and kept.json["kept"] is True and kept.json["alert_id"] is None
    assert "999" in kept.json["support"]["message"] and "0800 1111" in kept.json["support"]["message"]
    assert "Childline" in kept.json["support"]["message"] and "إذا" in kept.json["support"]["message"]
    offline.replay_unsafe_choices()
    [alert] = unsafe_alerts()
    assert alert.young_person_id == young_person.id and alert.channel == Channel.WEB


def test_a_made_up_token_kept_during_the_outage_raises_nothing(down):
    outage, client = down
    assert client.post("/api/v1/unsafe", headers={"Authorization": "Bearer made-up"}).status_code == 202
    offline.replay_unsafe_choices()
    assert unsafe_alerts() == []


def test_staff_sign_in_says_the_service_is_unavailable(down):
    outage, client = down
    refused = client.post("/api/v1/auth/staff/sign-in", json={"email": "a@leeds.example", "password": STAFF_PASSWORD})
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    assert refused.json["status"] == 503 and "try again" in refused.json["message"]


def test_the_staff_sign_in_page_says_the_service_is_unavailable(down):
    outage, client = down
    page = client.get("/staff/sign-in", base_url="https://voice.example.org")
    token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    refused = client.post("/staff/sign-in", base_url="https://voice.example.org",
                          data={"email": "a@leeds.example", "password": STAFF_PASSWORD, "csrf_token": token})
    assert refused.status_code == 503 and "try again" in refused.get_data(as_text=True)


def test_a_signed_in_api_call_says_the_service_is_unavailable(down):
    outage, client = down
    refused = client.get("/api/v1/messages", headers={"Authorization": "Bearer some-staff-token"})
    assert refused.status_code == 503 and refused.is_json
