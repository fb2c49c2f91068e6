"""A disclosure on the web raises one alert, with the words, at any hour, and the crisis reply comes back at once."""
import uuid
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tests.factories import MessageFactory, SurveyFactory, YoungPersonFactory
from voiceapp import crypto
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.safeguarding import alerts, replies
from voiceapp.safeguarding.models import SafeguardingAlert
from voiceapp.promises.models import PromiseRating
from voiceapp.surveys.models import SurveyAnswer
from voiceapp.tellus.models import Message, Status

DUTY = {
    "DUTY_CONTACTS": [{"name": "Duty manager A", "email": "duty.a@leeds.example", "phone": "+447700900001"},
                      {"name": "Duty manager B", "email": "duty.b@leeds.example", "phone": "+447700900002"}],
    "HEAD_OF_SERVICE": {"name": "Head of service", "email": "head@leeds.example", "phone": "+447700900009"},
    "EMERGENCY_DUTY_TEAM_PHONE": "0113 000 0600",
}
# 03:00 in Leeds on Easter Monday: a bank holiday, inside quiet hours, with nobody in the office.
EASTER_MONDAY_3AM = datetime(2026, 4, 6, 2, 0, tzinfo=timezone.utc)
RISK = "wanna end it"
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
           "¿abcdefghijklmnopqrstuvwxyzäöñüà")


@pytest.fixture
def config_overrides():
    return DUTY


@pytest.fixture
def at_3am(clock):
    clock.move_to(EASTER_MONDAY_3AM)
    return clock


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def me(api_as, person):
    return api_as(young_person=person)


@pytest.fixture
def commits(app):
    """The rows each commit wrote, as (table, id) pairs, to show what was stored together."""
    session, done, pending = db.session(), [], []

    def flushed(session, context):
        pending.extend((type(row).__tablename__, getattr(row, "id", None)) for row in session.new)

    def committed(session):
        done.append(set(pending))
        pending.clear()

    def rolled_back(session, transaction):
        pending.clear()
    hooks = [("after_flush", flushed), ("after_commit", committed), ("after_soft_rollback", rolled_back)]
    for name, hook in hooks:
        event.listen(session, name, hook)
    yield done
    for name, hook in hooks:
        event.remove(session, name, hook)


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def only_alert():
    rows = db.session.scalars(sa.select(SafeguardingAlert)).all()
    assert len(rows) == 1
    return rows[0]


def send_message(me):
    response = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": RISK})
    return response, response.json["support"], ("message", response.json["id"])


def comment_on_a_promise(me):
    promise_id = me.get("/api/v1/me/promises").json["promises"][0]["id"]
    response = me.post("/api/v1/me/promise-checks", json={
        "answers": [{"promise_id": promise_id, "rating": "not_kept", "comment": RISK}]})
    rating = db.session.scalar(sa.select(PromiseRating.id).where(PromiseRating.comment == RISK))
    return response, response.json["support"], ("promise_rating", str(rating))


def answer_a_survey(me):
    survey = SurveyFactory()
    question = me.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][4]["id"]
    response = me.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": question, "value": RISK}]})
    answer = db.session.scalar(sa.select(SurveyAnswer.id).where(SurveyAnswer.value_text == RISK))
    return response, response.json["support"], ("survey_answer", str(answer))


def reply_in_a_thread(me):
    message_id = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Still no news"}).json["id"]
    response = me.post(f"/api/v1/me/messages/{message_id}/replies", json={"body": RISK})
    return response, response.json["support"], ("message_reply", response.json["id"])


EVERY_WEB_TEXT = [send_message, comment_on_a_promise, answer_a_survey, reply_in_a_thread]


@pytest.mark.parametrize("write", EVERY_WEB_TEXT, ids=lambda f: f.__name__)
def test_a_disclosure_at_3am_on_easter_monday_raises_one_alert_in_the_same_commit_as_the_words(
        write, me, at_3am, commits):
    response, _, (source_type, source_id) = write(me)
    assert response.status_code in (200, 201)
    alert = only_alert()
    assert (alert.source_type, str(alert.source_id)) == (source_type, source_id)
    together = next(rows for rows in commits if ("safeguarding_alerts", alert.id) in rows)
    assert alert.source_id in {row_id for _, row_id in together}
    assert {"outbound_emails", "outbound_messages"} <= {table for table, _ in together}


@pytest.mark.parametrize("write", EVERY_WEB_TEXT, ids=lambda f: f.__name__)
def test_the_same_response_carries_the_crisis_reply(write, me, at_3am):
    _, support, _ = write(me)
    assert support["alert"] is True
    assert "999" in support["message"] and "0800 1111" in support["message"]
    assert "A person will read your message" in support["message"]


@pytest.mark.parametrize("write", EVERY_WEB_TEXT, ids=lambda f: f.__name__)
def test_every_duty_contact_is_sent_an_urgent_email_and_text(write, me, at_3am, sent_email, sent_sms):
    write(me)
    for contact in DUTY["DUTY_CONTACTS"]:
        assert [m["to"] for m in sent_email].count(contact["email"]) == 1
        assert [m["to"] for m in sent_sms].count(contact["phone"]) == 1
    assert all(row.urgent for row in db.session.scalars(sa.select(OutboundEmail)))


def test_the_notice_names_the_alert_the_risk_the_channel_the_time_and_the_duty_team_but_not_the_words(
        me, person, at_3am, sent_email, sent_sms):
    send_message(me)
    alert = only_alert()
    email = next(m for m in sent_email if m["to"] == "duty.a@leeds.example")
    text = next(m for m in sent_sms if m["to"] == "+447700900001")
    for notice in (email["subject"] + email["body"], text["body"]):
        assert "suicide or self-harm" in notice and "web" in notice and "0113 000 0600" in notice
        assert RISK not in notice and "123456" not in notice and str(person.id) not in notice
    assert f"https://voice.example.org/staff/alerts/{alert.id}" in email["body"]
    assert "03:00 on Mon 6 Apr 2026 (UK time)" in email["body"]


def test_notices_stay_queued_when_email_and_sms_are_down_and_go_once_when_they_are_back(
        app, me, at_3am, monkeypatch, sent_email, sent_sms):
    from voiceapp.messaging import tasks
    from voiceapp.messaging.email import mailer_for
    from voiceapp.messaging.senders import sender_for

    def down(**kwargs):
        raise ConnectionError("provider unreachable")
    with monkeypatch.context() as outage:
        outage.setattr(sender_for(app), "send", down)
        outage.setattr(mailer_for(app), "send", down)
        response, support, _ = send_message(me)
    assert response.status_code == 201 and "999" in support["message"]
    statuses = db.session.scalars(sa.select(OutboundEmail.status)).all()
    assert statuses and set(statuses) == {OutboundStatus.QUEUED}
    at_3am.shift(3600)
    tasks.dispatch_due_email()
    tasks.dispatch_due_sms()
    tasks.dispatch_due_email()
    tasks.dispatch_due_sms()
    assert sorted(m["to"] for m in sent_email) == ["duty.a@leeds.example", "duty.b@leeds.example"]
    assert sorted(m["to"] for m in sent_sms) == ["+447700900001", "+447700900002"]


def test_words_without_risk_raise_no_alert_and_still_reach_the_triage_list(me, api_as):
    response = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "My social worker never rings"})
    assert response.json["support"] is None
    assert count(SafeguardingAlert) == 0
    assert api_as("senior_leader").get("/api/v1/messages").json["total"] == 1


def test_screening_never_closes_hides_or_changes_a_message(me, api_as):
    message_id = send_message(me)[0].json["id"]
    message = db.session.get(Message, uuid.UUID(message_id))
    assert message.status == Status.RECEIVED and message.body == RISK and message.closed_at is None
    listed = api_as("senior_leader").get("/api/v1/messages").json["items"]
    assert [m["id"] for m in listed] == [message_id]


def test_saving_the_same_answer_again_raises_no_second_alert(me):
    survey = SurveyFactory()
    question = me.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][4]["id"]
    for words in (RISK, RISK, "i want to kill myself"):
        me.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": question,
                                                                               "value": words}]})
    assert count(SafeguardingAlert) == 1


def test_the_same_words_stored_twice_moments_apart_are_one_alert(person):
    message = MessageFactory(young_person_id=person.id, body=RISK, channel=Channel.SMS)
    with transaction():
        first = alerts.raise_alert(young_person_id=person.id, source_type="message", source_id=message.id,
                                   channel=Channel.SMS, trigger="screening", categories=["suicide_self_harm"],
                                   language="en")
    from voiceapp.safeguarding.subscribers import screen_free_text
    with transaction():
        again = screen_free_text("inbound_sms", young_person_id=person.id, source_id=uuid.uuid4(),
                                 text=f" {RISK} ", language="en", channel=Channel.SMS)
    assert again.id == first.id and count(SafeguardingAlert) == 1
    assert alerts.support_for("inbound_sms", [again.events[-1].source_id])["alert"] is True


def test_a_screening_failure_still_stores_the_message_and_puts_it_in_front_of_a_person(me, monkeypatch):
    from voiceapp.safeguarding import subscribers

    def broken(text, language):
        raise ValueError("lexicon could not be read")
    monkeypatch.setattr(subscribers, "screen", broken)
    response = me.post("/api/v1/me/messages", json={"kind": "praise", "body": "Sam was great"})
    assert response.status_code == 201
    assert only_alert().categories == ["unscreened"]


def test_an_arabic_speaker_gets_the_crisis_reply_in_arabic(api_as):
    me = api_as(young_person=YoungPersonFactory(language="ar"))
    support = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": RISK}).json["support"]
    assert support["message"] == replies.crisis_reply("ar")
    assert "999" in support["message"] and "0800 1111" in support["message"]
    assert any("\u0600" <= letter <= "\u06ff" for letter in support["message"])
    assert only_alert().language == "ar"


@pytest.mark.parametrize("unsafe", [False, True])
def test_the_english_crisis_reply_fits_one_sms_and_the_arabic_two(app, unsafe):
    english, arabic = replies.crisis_reply("en", unsafe=unsafe), replies.crisis_reply("ar", unsafe=unsafe)
    assert set(english) <= GSM7 and len(english) <= 160
    assert len(arabic) <= 2 * 67


def test_an_unknown_language_gets_the_english_crisis_reply(app):
    assert replies.crisis_reply("pl") == replies.crisis_reply("en")


def test_notices_go_to_the_head_of_service_when_no_duty_contact_is_configured(app, person, sent_email):
    app.config["DUTY_CONTACTS"] = []
    with transaction():
        alerts.raise_alert(young_person_id=person.id, source_type="unsafe_button", source_id=None, channel="web",
                           trigger="unsafe_choice", categories=(), language="en")
    assert [m["to"] for m in sent_email] == ["head@leeds.example"]


def test_the_duty_text_goes_out_in_quiet_hours(me, at_3am):
    send_message(me)
    texts = db.session.scalars(sa.select(OutboundMessage).where(OutboundMessage.purpose == "safeguarding")).all()
    assert len(texts) == 2 and all(row.urgent and row.status == OutboundStatus.SENT for row in texts)
    assert {crypto.decrypt(row.to_encrypted) for row in texts} == {"+447700900001", "+447700900002"}
