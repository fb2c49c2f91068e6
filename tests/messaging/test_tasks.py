"""Outbound SMS: an outbox row first, delivered once by a job after the commit."""
import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.messaging import services, tasks
from voiceapp.messaging.models import OutboundMessage, OutboundStatus


@pytest.fixture(autouse=True)
def daytime(clock):
    """Sending at once is what these tests check; at night (21:00-08:00 London) texts rightly wait for the morning."""
    return clock


def queue(person, body="Hello", purpose="reply"):
    with transaction():
        return services.send_sms(young_person_id=person.id, body=body, purpose=purpose)


def test_a_queued_sms_is_sent_once_after_the_commit(app, sent_sms):
    row = queue(YoungPersonFactory(phone="07911 123456"))
    assert sent_sms == [{"to": "+447911123456", "body": "Hello"}]
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.SENT


def test_running_the_delivery_job_again_does_not_send_twice(app, sent_sms):
    row = queue(YoungPersonFactory(phone="07911 123456"))
    tasks.deliver_sms(outbound_id=str(row.id))
    assert len(sent_sms) == 1


def test_nothing_is_queued_when_the_transaction_rolls_back(app, sent_sms):
    person = YoungPersonFactory(phone="07911 123456")
    with pytest.raises(RuntimeError):
        with transaction():
            services.send_sms(young_person_id=person.id, body="Hello", purpose="reply")
            raise RuntimeError("use case failed")
    assert sent_sms == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboundMessage)) == 0


def test_an_opted_out_young_person_is_sent_nothing(app, sent_sms):
    person = YoungPersonFactory(phone="07911 123456", sms_opted_out_at=utcnow())
    row = queue(person)
    assert sent_sms == []
    assert row.status == OutboundStatus.SUPPRESSED


def test_a_failed_send_stays_queued_for_retry(app, monkeypatch):
    from voiceapp.messaging.senders import sender_for

    def down(**kwargs):
        raise ConnectionError("provider unreachable")
    monkeypatch.setattr(sender_for(app), "send", down)
    row = queue(YoungPersonFactory(phone="07911 123456"))
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.QUEUED


def test_a_sign_in_code_is_not_kept_once_sent(app):
    from voiceapp import crypto
    row = queue(YoungPersonFactory(phone="07911 123456"), body="Your code is 123456", purpose="otp")
    assert crypto.decrypt(db.session.get(OutboundMessage, row.id).body_encrypted) == ""


def test_message_bodies_and_numbers_are_encrypted_at_rest(app):
    queue(YoungPersonFactory(phone="07911 123456"), body="canary words")
    raw = db.session.execute(sa.text("SELECT to_encrypted, body_encrypted FROM outbound_messages")).one()
    assert "canary" not in raw.body_encrypted and "7911" not in raw.to_encrypted


def test_the_twilio_sender_uses_the_real_client_against_a_local_fake(app, httpserver):
    from voiceapp.messaging.senders import TwilioSender
    sid = "AC" + "0" * 32
    httpserver.expect_request(f"/2010-04-01/Accounts/{sid}/Messages.json", method="POST").respond_with_json(
        {"sid": "SM" + "1" * 32, "status": "queued"}, status=201)
    app.config.update(TWILIO_API_BASE=httpserver.url_for("").rstrip("/"), TWILIO_MESSAGING_SERVICE_SID="MG" + "2" * 32)
    result = TwilioSender(app).send(to="+447911123456", body="Hello")
    assert result.sid == "SM" + "1" * 32
    sent = httpserver.log[0][0]
    assert sent.form["To"] == "+447911123456" and sent.form["MessagingServiceSid"] == "MG" + "2" * 32


def test_a_staff_email_is_queued_and_sent_after_the_commit(app, sent_email):
    from voiceapp.messaging.models import OutboundEmail
    with transaction():
        row = services.send_email(to="lead@example.org", subject="New message", body="Open voiceapp", purpose="notice")
    assert sent_email == [{"to": "lead@example.org", "subject": "New message", "body": "Open voiceapp"}]
    assert db.session.get(OutboundEmail, row.id).status == OutboundStatus.SENT
