"""Each table's own retention (docs/data-inventory.yml): old finished records go, recent and unfinished ones stay,
a legal hold keeps a young person's texts, a dry run deletes nothing and a second run finds nothing more.
Driven through the daily job and `flask retention run`; runs on SQLite and, with VOICEAPP_TEST_DATABASE_URL,
on PostgreSQL."""
import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from tests.conftest import twiml_texts
from tests.factories import STAFF_PASSWORD, StaffFactory, YoungPersonFactory
from voiceapp import crypto
from voiceapp.audit.models import AuditEvent
from voiceapp.auth import passwords
from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import AuthSession, Invitation, OneTimeCode, StaffUser
from voiceapp.channels.sms.models import InboundSms, InboundStatus, SmsConversation
from voiceapp.channels.voice.models import VoiceCall
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs.registry import run_job
from voiceapp.messaging.models import CallStatus, OutboundCall, OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.people import holds
from voiceapp.people.models import YoungPerson
from voiceapp.rights import records, retention
from voiceapp.rights import requests as sar
from voiceapp.rights.models import SubjectAccessRequest
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import AlertStatus

JOB = "voiceapp.rights.tasks.delete_after_retention"
INVENTORY = Path(__file__).parents[2] / "docs" / "data-inventory.yml"


def _ids(model):
    return set(db.session.scalars(sa.select(model.id)))


def _add(*rows):
    with transaction():
        db.session.add_all(rows)
    return rows


def _text(person, status, when, sid):
    return InboundSms(message_sid=sid, phone_hash="h" + sid, phone_encrypted=crypto.encrypt("+447911123456"),
                      young_person_id=person.id, body="hello", received_at=when, status=status)


def _sms(person, status, when):
    return OutboundMessage(young_person_id=person.id, to_encrypted=crypto.encrypt("+447911123456"),
                           body_encrypted=crypto.encrypt("hi"), purpose="reply", status=status, created_at=when,
                           sent_at=when if status in (OutboundStatus.SENT, OutboundStatus.DELIVERED) else None,
                           send_after=when)


def test_old_finished_texts_emails_and_calls_go_and_unfinished_ones_stay_however_old(app, clock):
    person = YoungPersonFactory()
    now = utcnow()
    old, recent = now - timedelta(days=91), now - timedelta(days=89)
    delivered_old, failed_old, suppressed_old, delivered_recent, queued_old, sending_old, held_old = _add(
        _sms(person, OutboundStatus.DELIVERED, old), _sms(person, OutboundStatus.FAILED, old),
        _sms(person, OutboundStatus.SUPPRESSED, old), _sms(person, OutboundStatus.DELIVERED, recent),
        _sms(person, OutboundStatus.QUEUED, old), _sms(person, OutboundStatus.SENDING, old),
        _sms(person, OutboundStatus.HELD, old))
    email_old, email_recent, email_queued = _add(*(
        OutboundEmail(to_address="duty@example.org", subject="s", body="b", purpose="alert", status=status,
                      created_at=at, sent_at=at if status == OutboundStatus.SENT else None)
        for status, at in ((OutboundStatus.SENT, old), (OutboundStatus.SENT, recent), (OutboundStatus.QUEUED, old))))
    call_old, call_recent, call_queued = _add(*(
        OutboundCall(young_person_id=person.id, to_encrypted="x", body_encrypted="", purpose="call_back",
                     source_type="message_reply", source_id=person.id, status=status, created_at=at, send_after=at,
                     ended_at=at if status != CallStatus.QUEUED else None)
        for status, at in ((CallStatus.ANSWERED, old), (CallStatus.NOT_ANSWERED, recent), (CallStatus.QUEUED, old))))

    run_job(JOB, {})

    assert _ids(OutboundMessage) == {delivered_recent.id, queued_old.id, sending_old.id, held_old.id}
    assert _ids(OutboundEmail) == {email_recent.id, email_queued.id}
    assert _ids(OutboundCall) == {call_recent.id, call_queued.id}


def test_handled_texts_go_after_90_days_and_unhandled_ones_stay(app, clock):
    person = YoungPersonFactory()
    now = utcnow()
    old_done, recent_done, old_failed, old_pending = _add(
        _text(person, InboundStatus.PROCESSED, now - timedelta(days=91), "SM1"),
        _text(person, InboundStatus.PROCESSED, now - timedelta(days=89), "SM2"),
        _text(person, InboundStatus.FAILED, now - timedelta(days=91), "SM3"),
        _text(person, InboundStatus.PENDING, now - timedelta(days=91), "SM4"))
    run_job(JOB, {})
    assert _ids(InboundSms) == {recent_done.id, old_failed.id, old_pending.id}


def test_a_legal_hold_keeps_a_young_persons_old_texts(app, clock):
    held, free = YoungPersonFactory(), YoungPersonFactory()
    old = utcnow() - timedelta(days=200)
    held_text, free_text = _add(_text(held, InboundStatus.PROCESSED, old, "SM1"),
                                _text(free, InboundStatus.PROCESSED, old, "SM2"))
    holds.register_hold(app, lambda yp, **kw: ["an open complaint"] if yp == held.id else [])
    run = records.apply_record_retention()
    assert _ids(InboundSms) == {held_text.id}
    inbound = next(table for table in run.tables if table.table == "inbound_sms")
    assert (inbound.deleted, inbound.held) == (1, 1)


def test_a_text_a_safeguarding_alert_points_at_stays_even_once_the_alert_is_closed(app, clock):
    person = YoungPersonFactory()
    (text,) = _add(_text(person, InboundStatus.PROCESSED, utcnow() - timedelta(days=200), "SM1"))
    with transaction():
        alert = alerts.raise_alert(young_person_id=person.id, source_type="inbound_sms", source_id=text.id,
                                   channel=Channel.SMS.value, trigger="screening", categories=["self_harm"],
                                   language="en")
        alert.status = AlertStatus.CLOSED
    run_job(JOB, {})
    assert _ids(InboundSms) == {text.id}
    assert alerts.source_text(alert) == "hello"


def test_conversation_state_calls_and_sign_in_records_go_after_their_time(app, clock):
    person = YoungPersonFactory()
    staff = StaffFactory()
    now = utcnow()
    day = timedelta(hours=24)
    old_conversation, new_conversation = _add(SmsConversation(phone_hash="a", updated_at=now - day - timedelta(1)),
                                              SmsConversation(phone_hash="b", updated_at=now - timedelta(hours=2)))
    old_call, new_call = _add(VoiceCall(call_sid="CA1", phone_hash="a", young_person_id=person.id,
                                        started_at=now - timedelta(days=2)),
                              VoiceCall(call_sid="CA2", phone_hash="a", started_at=now - timedelta(hours=2)))
    old_code, new_code = _add(*(OneTimeCode(phone_hash="a", young_person_id=person.id, code_hash="c",
                                            created_at=at, expires_at=at + timedelta(minutes=10))
                                for at in (now - timedelta(days=2), now - timedelta(hours=2))))
    old_session, new_session = _add(*(AuthSession(token_hash=f"t{n}", staff_user_id=staff.id, expires_at=at)
                                      for n, at in enumerate((now - timedelta(days=31), now - timedelta(days=29)))))
    redeemed_long_ago, expired_lately, open_invitation = _add(
        Invitation(code_hash="i1", young_person_id=person.id, created_by_id=staff.id,
                   expires_at=now + timedelta(days=300), redeemed_at=now - timedelta(days=31)),
        Invitation(code_hash="i2", young_person_id=person.id, created_by_id=staff.id,
                   expires_at=now - timedelta(days=29)),
        Invitation(code_hash="i3", young_person_id=person.id, created_by_id=staff.id,
                   expires_at=now + timedelta(days=3)))
    run_job(JOB, {})
    assert _ids(SmsConversation) == {new_conversation.id}
    assert _ids(VoiceCall) == {new_call.id}
    assert _ids(OneTimeCode) == {new_code.id}
    assert _ids(AuthSession) == {new_session.id}
    assert _ids(Invitation) == {expired_lately.id, open_invitation.id}


def test_a_deleted_text_still_counts_as_contact_for_the_two_year_rule(app, clock, twilio):
    clock.move_to(utcnow() - timedelta(days=3 * 365))
    person = YoungPersonFactory(phone="07911 123451")
    clock.move_to(utcnow() + timedelta(days=365 * 2 + 200))        # a year ago, they texted
    twiml_texts(twilio.sms("hi", phone="+447911123451"))
    clock.move_to(utcnow() + timedelta(days=166))
    run_job(JOB, {})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(InboundSms)) == 0     # the text has gone
    assert db.session.get(YoungPerson, person.id) is not None                             # they have not
    run_job(JOB, {})
    assert db.session.get(YoungPerson, person.id) is not None
    assert person.id not in {p.id for p in retention.expired(utcnow() - timedelta(days=730))}


def test_the_dry_run_counts_each_table_and_deletes_nothing_and_a_second_run_deletes_nothing_more(app, clock):
    person = YoungPersonFactory()
    old = utcnow() - timedelta(days=100)
    _add(*(_sms(person, OutboundStatus.DELIVERED, old) for _ in range(3)), _sms(person, OutboundStatus.QUEUED, old),
         _text(person, InboundStatus.PROCESSED, old, "SM1"))
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "outbound_messages: would delete 3 rows" in dry.output
    assert "inbound_sms: would delete 1 rows" in dry.output
    assert len(_ids(OutboundMessage)) == 4 and len(_ids(InboundSms)) == 1

    first = runner.invoke(args=["retention", "run"])
    assert "outbound_messages: deleted 3 rows" in first.output and "inbound_sms: deleted 1 rows" in first.output
    assert len(_ids(OutboundMessage)) == 1 and not _ids(InboundSms)
    audited = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "retention.records_deleted")).all()
    assert {(event.object_type, event.detail["count"]) for event in audited} == {("outbound_messages", 3),
                                                                                  ("inbound_sms", 1)}
    second = runner.invoke(args=["retention", "run"])
    assert "outbound_messages: deleted 0 rows" in second.output and "inbound_sms: deleted 0 rows" in second.output
    assert len(_ids(OutboundMessage)) == 1


def test_many_rows_go_in_bounded_batches(app, clock):
    person = YoungPersonFactory()
    old = utcnow() - timedelta(days=100)
    _add(*(_sms(person, OutboundStatus.DELIVERED, old) for _ in range(25)))
    run = records.apply_record_retention(batch=10)
    assert next(t for t in run.tables if t.table == "outbound_messages").deleted == 25
    assert not _ids(OutboundMessage)
    batches = db.session.scalars(sa.select(AuditEvent.detail).where(AuditEvent.object_type == "outbound_messages"))
    assert sorted(detail["count"] for detail in batches) == [5, 10, 10]


# Tables whose timed retention is kept by the 2-year rule on the young person (rights/retention.py) or by
# the young person's own deletion; the rest of the inventory's timed retentions need a rule in records.RULES.
BY_THE_YOUNG_PERSON_RULE = {"young_people", "young_person_voice_groups", "phone_numbers"}
TIMED = re.compile(r"\b\d+\s+(hours?|days?|years?)\b")


def test_every_table_the_inventory_gives_a_time_has_a_rule_or_says_what_keeps_it():
    tables = yaml.safe_load(INVENTORY.read_text())["tables"]
    ruled = {rule.table for rule in records.RULES}
    unruled = {name for name, entry in tables.items() if TIMED.search(entry["retention"])} - ruled
    unruled -= BY_THE_YOUNG_PERSON_RULE
    # Whatever is left must say honestly, in the inventory itself, that no job deletes it yet.
    for name in unruled:
        assert "not yet enforced" in tables[name]["retention"], name
    for name in ruled:
        assert TIMED.search(tables[name]["retention"]), name


@pytest.mark.parametrize("rule", records.RULES, ids=lambda rule: rule.table)
def test_each_rules_age_matches_the_inventorys_words(rule):
    retention_text = yaml.safe_load(INVENTORY.read_text())["tables"][rule.table]["retention"]
    number, unit = TIMED.search(retention_text).group(0).split()
    if unit.startswith("year"):
        number, unit = int(number) * 365, "days"
    assert rule.age == timedelta(**{unit.rstrip("s") + "s": int(number)}), retention_text


def test_a_staff_account_disabled_a_year_ago_is_anonymised_and_its_audit_trail_kept(app, clock):
    leaver, recent_leaver, colleague = StaffFactory(), StaffFactory(), StaffFactory()
    auth.update_staff(actor=SYSTEM, staff_id=leaver.id, changes={"is_active": False})
    clock.shift(timedelta(days=300))
    auth.update_staff(actor=SYSTEM, staff_id=recent_leaver.id, changes={"is_active": False})
    clock.shift(timedelta(days=66))
    trail = set(db.session.scalars(sa.select(AuditEvent.id).where(AuditEvent.object_id == leaver.id)))

    run_job(JOB, {})

    db.session.expire_all()
    gone = db.session.get(StaffUser, leaver.id)
    assert (gone.display_name, gone.password_hash) == (auth.FORMER_STAFF, "")
    assert gone.email.endswith("@removed.invalid") and "staff" not in gone.email
    assert not passwords.verify_password(gone.password_hash, STAFF_PASSWORD)
    assert trail <= set(db.session.scalars(sa.select(AuditEvent.id).where(AuditEvent.object_id == leaver.id)))
    assert db.session.get(StaffUser, recent_leaver.id).display_name == recent_leaver.display_name
    assert db.session.get(StaffUser, colleague.id).email == colleague.email

    second = app.test_cli_runner().invoke(args=["retention", "run"])
    assert "staff_users: anonymised 0 rows" in second.output


def test_a_staff_account_enabled_again_starts_no_retention_clock(app, clock):
    returner = StaffFactory()
    auth.update_staff(actor=SYSTEM, staff_id=returner.id, changes={"is_active": False})
    auth.update_staff(actor=SYSTEM, staff_id=returner.id, changes={"is_active": True})
    clock.shift(timedelta(days=400))
    dry = app.test_cli_runner().invoke(args=["retention", "run", "--dry-run"])
    assert "staff_users: would anonymise 0 rows" in dry.output
    assert db.session.get(StaffUser, returner.id).disabled_at is None


def test_a_subject_access_request_goes_2_years_after_it_was_completed_and_an_open_one_stays(app, clock, twilio):
    staff = StaffFactory()
    worker = Actor(kind="staff", id=staff.id, role=staff.role)
    person = YoungPersonFactory(phone="07911 123451")
    answered = sar.record_request(actor=worker, young_person_id=person.id, received_on=utcnow().date())
    sar.complete_request(actor=worker, request_id=answered.id)
    still_open = sar.record_request(actor=worker, young_person_id=person.id, received_on=utcnow().date())
    clock.shift(timedelta(days=729))
    answered_later = sar.record_request(actor=worker, young_person_id=person.id, received_on=utcnow().date())
    sar.complete_request(actor=worker, request_id=answered_later.id)
    clock.shift(timedelta(days=2))
    twiml_texts(twilio.sms("hi", phone="+447911123451"))        # still in touch, so the 2-year rule keeps them
    run_job(JOB, {})
    assert _ids(SubjectAccessRequest) == {still_open.id, answered_later.id}
