"""The SMS webhook contract: signed, stored once, answered with TwiML, never lost (TW-01..TW-08, REL-01)."""
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.channels.sms.models import InboundSms, InboundStatus
from voiceapp.extensions import db


def stored():
    return db.session.scalar(sa.select(sa.func.count()).select_from(InboundSms))


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def test_a_signed_text_is_stored_and_answered_with_twiml(twilio, person):
    texts = twiml_texts(twilio.sms("hi"))
    assert texts and "1 Check the promise" in texts[-1]
    assert stored() == 1


@pytest.mark.parametrize("signature", [None, "", "bm90IGEgc2lnbmF0dXJl"])
def test_an_unsigned_or_wrongly_signed_text_is_refused_and_nothing_is_stored(twilio, client, person, signature, sent_sms):
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    response = client.post("/twilio/sms", data={"MessageSid": "SM1", "From": "+447911123456", "Body": "hi"},
                           headers=headers)
    assert response.status_code == 403
    assert stored() == 0 and sent_sms == []


def test_a_tampered_parameter_breaks_the_signature(twilio, person):
    params = {"MessageSid": "SM1", "From": "+447911123456", "Body": "hi"}
    signature = twilio.signature("/twilio/sms", params)
    response = twilio.post("/twilio/sms", {**params, "Body": "changed"}, signature=signature)
    assert response.status_code == 403
    assert stored() == 0


def test_the_signature_is_checked_against_the_public_url_not_the_host_header(twilio, person):
    params = {"MessageSid": "SM1", "From": "+447911123456", "Body": "hi"}
    assert twilio.post("/twilio/sms", params, headers={"Host": "evil.test"}).status_code == 200
    forged = twilio.signature("/twilio/sms", {**params, "MessageSid": "SM2"}, base="https://evil.test")
    assert twilio.post("/twilio/sms", {**params, "MessageSid": "SM2"}, signature=forged).status_code == 403


def test_the_port_443_form_of_the_url_is_accepted(twilio, person):
    params = {"MessageSid": "SM1", "From": "+447911123456", "Body": "hi"}
    signature = twilio.signature("/twilio/sms", params, base="https://voice.example.org:443")
    assert twilio.post("/twilio/sms", params, signature=signature).status_code == 200


def test_a_repeated_message_sid_is_stored_once_and_answered_the_same(twilio, person):
    first = twilio.sms("hi", sid="SM" + "7" * 32)
    again = twilio.sms("hi", sid="SM" + "7" * 32)
    assert first.data == again.data
    assert stored() == 1


def test_twilio_location_fields_are_not_kept(twilio, person):
    twilio.sms("hi", FromCity="LEEDS", FromZip="LS1", FromCountry="GB")
    row = db.session.scalar(sa.select(InboundSms))
    assert "LEEDS" not in str([getattr(row, c.name) for c in InboundSms.__table__.columns])


def test_a_failure_after_storing_still_answers_politely_and_the_sweep_handles_it_once(twilio, person, monkeypatch,
                                                                                        sent_sms, clock):
    from voiceapp.channels.sms import conversation, tasks

    def broken(turn):
        raise RuntimeError("conversation bug")
    monkeypatch.setattr(conversation, "handle", broken)
    texts = twiml_texts(twilio.sms("1"))
    assert texts == ["Thanks, we got your message. We will reply soon."]
    row = db.session.scalar(sa.select(InboundSms))
    assert row.status == InboundStatus.FAILED
    monkeypatch.undo()
    clock.shift(120)
    tasks.retry_unhandled_sms()
    tasks.retry_unhandled_sms()
    assert db.session.get(InboundSms, row.id).status == InboundStatus.PROCESSED
    assert len(sent_sms) >= 1 and all(m["to"] == "+447911123456" for m in sent_sms)


def test_webhooks_are_never_rate_limited(twilio, person, app):
    app.config["SIGN_IN_RATE_LIMIT"] = "1 per minute"
    statuses = {twilio.sms("hi").status_code for _ in range(30)}
    assert statuses == {200}


def test_the_fallback_url_stores_and_answers_the_same_way_and_dedupes_with_the_primary(twilio, person):
    params = {"MessageSid": "SM" + "8" * 32, "From": "+447911123456", "Body": "hi", "ErrorCode": "11200"}
    assert twilio.post("/twilio/sms/fallback", params).status_code == 200
    row = db.session.scalar(sa.select(InboundSms))
    assert row.via_fallback and row.error_code == "11200"
    twilio.post("/twilio/sms", {k: v for k, v in params.items() if k != "ErrorCode"})
    assert stored() == 1


def test_with_the_database_down_a_text_is_spooled_answered_and_replayed_once(twilio, person, app, monkeypatch,
                                                                              tmp_path, sent_sms):
    from voiceapp import spool
    from voiceapp.channels.sms import services, tasks
    app.config["SPOOL_DIR"] = str(tmp_path)

    def down(**kwargs):
        raise OperationalError("INSERT", {}, Exception("database unreachable"))
    monkeypatch.setattr(services, "store_inbound", down)
    texts = twiml_texts(twilio.sms("canary words", sid="SM" + "9" * 32))
    assert texts == ["Thanks, we got your message. We will reply soon."]
    assert len(spool.pending("sms")) == 1
    assert b"canary" not in spool.pending("sms")[0].read_bytes()     # encrypted on disk
    monkeypatch.undo()
    tasks.replay_spool()
    tasks.replay_spool()
    assert stored() == 1 and spool.pending("sms") == []


def test_delivery_status_callbacks_move_forward_only_and_tolerate_unknown_sids(twilio, person, sent_sms):
    from voiceapp.database import transaction
    from voiceapp.messaging import services
    from voiceapp.messaging.models import OutboundMessage, OutboundStatus
    with transaction():
        row = services.send_sms(young_person_id=person.id, body="hello", purpose="reply", direct_reply=True)
    sid = db.session.get(OutboundMessage, row.id).provider_sid
    for status in ("delivered", "sent", "delivered"):
        assert twilio.post("/twilio/status", {"MessageSid": sid, "MessageStatus": status}).status_code == 204
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.DELIVERED
    assert twilio.post("/twilio/status", {"MessageSid": "SMunknown", "MessageStatus": "sent"}).status_code == 204


def test_a_stored_text_is_blanked_in_twilio_s_logs_through_the_real_client(twilio, person, app, httpserver):
    sid = "SM" + "5" * 32
    account = app.config["TWILIO_ACCOUNT_SID"]
    httpserver.expect_request(f"/2010-04-01/Accounts/{account}/Messages/{sid}.json", method="POST").respond_with_json(
        {"sid": sid, "body": ""})
    app.config.update(TWILIO_REDACT_INBOUND=True, TWILIO_API_BASE=httpserver.url_for("").rstrip("/"))
    twilio.sms("hi", sid=sid)
    request = httpserver.log[0][0]
    assert request.form["Body"] == ""


def test_json_webhooks_are_checked_against_the_raw_body_hash(twilio, app):
    import hashlib
    import json
    body = json.dumps({"event": "test"})
    digest = hashlib.sha256(body.encode()).hexdigest()
    path = f"/twilio/status?bodySHA256={digest}"
    signature = twilio.validator.compute_signature(app.config["PUBLIC_URL"] + path, {})
    ok = twilio.client.post(path, data=body, content_type="application/json", headers={"X-Twilio-Signature": signature})
    tampered = twilio.client.post(path, data=body.replace("test", "tesx"), content_type="application/json",
                                  headers={"X-Twilio-Signature": signature})
    assert ok.status_code == 204 and tampered.status_code == 403


def test_when_two_workers_race_on_one_message_sid_the_unique_key_keeps_one_row(twilio, person):
    from voiceapp.channels.sms import services
    # There is no look before the insert for a worker to lose a race on: the unique MessageSid settles it.
    first = twilio.sms("hi", sid="SM" + "6" * 32)
    row, is_new = services.store_inbound(message_sid="SM" + "6" * 32, phone="+447911123456", body="hi")
    assert is_new is False and row.reply is not None
    assert stored() == 1
    assert first.status_code == 200


def test_nothing_a_young_person_texts_reaches_the_logs(twilio, person, caplog, capsys):
    import logging
    caplog.set_level(logging.DEBUG)
    for body in ("hi", "2", "2", "canary-zebra-words about my placement", "3"):
        twilio.sms(body)
    logged = caplog.text + capsys.readouterr().err
    assert "canary-zebra" not in logged and "7911123456" not in logged and "7911 123456" not in logged


def test_a_nul_character_in_a_text_is_dropped_and_the_text_stored(twilio, person):
    assert twilio.sms("hi\u0000 there").status_code == 200
    assert db.session.scalar(sa.select(InboundSms)).body == "hi there"


def test_an_unreadable_segment_count_still_stores_and_answers_the_text(twilio, person):
    response = twilio.post("/twilio/sms", {"MessageSid": "SM" + "7" * 32, "From": "+447911123456", "Body": "hi",
                                          "NumSegments": "two"})
    assert response.status_code == 200 and stored() == 1


@pytest.mark.parametrize("count", [str(2 ** 63), str(2 ** 31), "-" + "9" * 30, "9" * 5000])
def test_a_huge_segment_count_still_stores_and_answers_the_text(twilio, person, count):
    response = twilio.sms("hi", NumSegments=count)
    assert response.status_code == 200 and stored() == 1
    assert db.session.scalar(sa.select(InboundSms)).num_segments <= 100
