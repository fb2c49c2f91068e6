"""Outbound rules: quiet hours (Europe/London, DST-correct), pacing, retries and expiry (REL-04, TW-12, TW-16)."""
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import services, tasks
from voiceapp.messaging.models import OutboundMessage, OutboundStatus


def utc(*args):
    return datetime(*args, tzinfo=timezone.utc)


def queue(person, **kwargs):
    with transaction():
        row = services.send_sms(young_person_id=person.id, body=kwargs.pop("body", "Hello"),
                                purpose=kwargs.pop("purpose", "reminder"), **kwargs)
    return db.session.get(OutboundMessage, row.id)


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.mark.parametrize("moment, held_until", [
    (utc(2026, 10, 24, 20, 30), utc(2026, 10, 25, 8, 0)),     # 21:30 BST: held until 08:00 GMT next day
    (utc(2026, 10, 25, 20, 30), None),                         # 20:30 GMT: goes now
    (utc(2026, 3, 29, 6, 30), utc(2026, 3, 29, 7, 0)),         # 07:30 BST: held until 08:00 BST
])
def test_reminders_wait_for_the_end_of_quiet_hours(person, clock, sent_sms, moment, held_until):
    clock.move_to(moment)
    row = queue(person)
    if held_until is None:
        assert row.status == OutboundStatus.SENT
    else:
        assert row.status == OutboundStatus.QUEUED and row.send_after == held_until and sent_sms == []
        clock.move_to(held_until)
        tasks.dispatch_due_sms()
        assert len(sent_sms) == 1


@pytest.mark.parametrize("kind", [{"direct_reply": True}, {"urgent": True}])
def test_direct_replies_and_urgent_messages_go_at_3am(person, clock, sent_sms, kind):
    clock.move_to(utc(2026, 4, 6, 2, 0))
    queue(person, **kind)
    assert len(sent_sms) == 1


def test_bulk_texts_are_paced_at_the_sender_s_rate(app, clock, sent_sms):
    people = [YoungPersonFactory(phone=f"07911 1234{i:02d}") for i in range(20)]
    long_body = "x" * 200          # two segments each
    rows = [queue(p, body=long_body, purpose="survey_invite") for p in people]
    slots = sorted(r.send_after for r in rows)
    gaps = [(b - a).total_seconds() for a, b in zip(slots, slots[1:])]
    assert all(gap >= 2 for gap in gaps)


def test_a_text_past_its_validity_is_dropped_not_sent_late(person, clock, sent_sms):
    clock.move_to(utc(2026, 10, 24, 22, 0))
    row = queue(person, valid_for=timedelta(hours=2))
    clock.move_to(utc(2026, 10, 25, 8, 0))
    tasks.dispatch_due_sms()
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.EXPIRED
    assert sent_sms == []


class TwilioError(Exception):
    def __init__(self, status, code=None):
        super().__init__(f"HTTP {status}")
        self.status, self.code = status, code


def failing_sender(app, monkeypatch, errors):
    from voiceapp.messaging.senders import sender_for
    sender = sender_for(app)
    original = sender.send
    calls = []

    def send(**kwargs):
        calls.append(kwargs)
        if errors:
            raise errors.pop(0)
        return original(**kwargs)
    monkeypatch.setattr(sender, "send", send)
    return calls


def test_21610_marks_the_young_person_opted_out_and_is_not_retried(app, person, monkeypatch, clock):
    calls = failing_sender(app, monkeypatch, [TwilioError(400, 21610)])
    row = queue(person, purpose="reply", direct_reply=True)
    clock.shift(3600)
    tasks.dispatch_due_sms()
    assert len(calls) == 1
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.FAILED
    assert person.sms_opted_out_at is not None


def test_server_errors_are_retried_with_backoff_until_sent(app, person, monkeypatch, clock, sent_sms):
    calls = failing_sender(app, monkeypatch, [TwilioError(503)] * 3)
    row = queue(person, purpose="reply", direct_reply=True)
    for _ in range(6):
        clock.shift(600)
        tasks.dispatch_due_sms()
    assert len(calls) == 4 and len(sent_sms) == 1
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.SENT


def test_a_send_that_always_fails_ends_as_a_dead_letter(app, person, monkeypatch, clock):
    failing_sender(app, monkeypatch, [TwilioError(500)] * 20)
    row = queue(person, purpose="reply", direct_reply=True)
    for _ in range(10):
        clock.shift(3600)
        tasks.dispatch_due_sms()
    assert db.session.get(OutboundMessage, row.id).status == OutboundStatus.FAILED


def test_running_the_same_send_twice_makes_one_sms(app, person, sent_sms, clock):
    row = queue(person, purpose="reply", direct_reply=True)
    tasks.deliver_sms(outbound_id=str(row.id))
    tasks.dispatch_due_sms()
    assert len(sent_sms) == 1


def test_a_text_left_sending_by_a_worker_that_died_is_sent_once_later(app, person, sent_sms, clock):
    from voiceapp.messaging.senders import sender_for
    sender = sender_for(app)
    original = sender.send

    def worker_dies(**kwargs):
        raise SystemExit("killed mid-task")
    sender.send = worker_dies
    with pytest.raises(SystemExit):
        queue(person, purpose="reply", direct_reply=True)
    sender.send = original
    row = db.session.scalar(sa.select(OutboundMessage))
    assert row.status == OutboundStatus.SENDING
    tasks.dispatch_due_sms()
    assert sent_sms == []                      # not yet: it might still be in flight
    clock.shift(15 * 60)
    tasks.dispatch_due_sms()
    tasks.dispatch_due_sms()
    assert len(sent_sms) == 1
