"""Delivery is the one authority: opt-out, quiet hours, pacing and the worker's lease are checked as a text
leaves, whatever queued it (a bulk send, a release of held texts, a retry or a recovered claim)."""
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from tests.factories import MessageFactory, YoungPersonFactory
from voiceapp import crypto
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import pauses, services, tasks
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

INVITE = "new survey about ur home is open, reply 3 to do it"
EVENING = datetime(2026, 11, 24, 22, 30, tzinfo=timezone.utc)        # 22:30 in London (GMT in November)
MORNING = datetime(2026, 11, 25, 8, 30, tzinfo=timezone.utc)


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def queue(person, purpose="survey_invite", body=INVITE, **extra):
    with transaction():
        return services.send_sms(young_person_id=person.id, body=body, purpose=purpose, **extra).id


def status_of(outbound_id):
    return db.session.get(OutboundMessage, outbound_id, populate_existing=True).status


def test_a_text_claimed_seconds_ago_after_a_backlog_is_not_recovered_and_sent_twice(person, clock, sent_sms):
    clock.move_to(EVENING)
    outbound_id = queue(person)                        # waits for 08:00
    clock.move_to(MORNING)                             # due 30 minutes ago: a backlog
    claim = tasks.claim_sms(outbound_id)
    tasks.dispatch_due_sms()                           # the sweep runs while the first worker is sending
    tasks.send_claimed(claim)
    tasks.dispatch_due_sms()
    assert [t["body"] for t in sent_sms] == [INVITE]


def test_a_claim_whose_lease_ran_out_is_sent_once_by_the_next_worker_and_never_by_the_stale_one(
        person, clock, sent_sms):
    clock.move_to(EVENING)
    outbound_id = queue(person)
    clock.move_to(MORNING)
    stale = tasks.claim_sms(outbound_id)               # this worker then hangs
    clock.shift(tasks.LEASE + timedelta(seconds=1))
    tasks.dispatch_due_sms()                           # recovered and sent by the sweep
    tasks.send_claimed(stale)                          # the hung worker wakes up
    assert len(sent_sms) == 1 and status_of(outbound_id) == OutboundStatus.SENT


def test_a_held_invitation_released_at_night_waits_for_the_morning(app, person, clock, sent_sms, api_as):
    message = MessageFactory(young_person_id=person.id)
    held = queue(person)
    assert status_of(held) == OutboundStatus.HELD
    api_as("senior_leader").post(f"/api/v1/messages/{message.id}/status",
                                 json={"status": "closed", "outcome": "resolved"})
    clock.move_to(EVENING)
    pauses.release_held_sms()
    tasks.dispatch_due_sms()
    assert sent_sms == []
    clock.move_to(MORNING)
    tasks.dispatch_due_sms()
    assert [t["body"] for t in sent_sms] == [INVITE]


def test_a_held_invitation_to_someone_who_texted_stop_meanwhile_is_never_sent(
        app, person, clock, sent_sms, api_as, twilio):
    message = MessageFactory(young_person_id=person.id)
    held = queue(person)
    twilio.sms("stop")
    api_as("senior_leader").post(f"/api/v1/messages/{message.id}/status",
                                 json={"status": "closed", "outcome": "resolved"})
    clock.shift(timedelta(hours=1))
    pauses.release_held_sms()
    tasks.dispatch_due_sms()
    assert [t for t in sent_sms if t["body"] == INVITE] == []
    assert status_of(held) == OutboundStatus.SUPPRESSED


def test_a_text_queued_before_stop_is_suppressed_when_it_would_have_gone(app, person, clock, sent_sms, twilio):
    clock.move_to(EVENING)
    waiting = queue(person, purpose="reminder", body="dont forget ur survey x")
    twilio.sms("STOP")
    clock.move_to(MORNING)
    tasks.dispatch_due_sms()
    assert sent_sms == [] and status_of(waiting) == OutboundStatus.SUPPRESSED


def test_direct_replies_still_go_in_quiet_hours(person, clock, sent_sms):
    clock.move_to(EVENING)
    queue(person, purpose="reply", body="thanks for telling us, we will ring u tmrw", direct_reply=True)
    assert len(sent_sms) == 1


def test_texts_released_all_at_once_go_at_the_senders_pace(app, clock, sent_sms):
    people = [YoungPersonFactory(phone=f"07911 {100000 + n}") for n in range(90)]
    with transaction():
        rows = [OutboundMessage(young_person_id=p.id, to_encrypted=p.phone.number_encrypted,
                                body_encrypted=crypto.encrypt(INVITE),
                                purpose="survey_invite", status=OutboundStatus.HELD) for p in people]
        db.session.add_all(rows)
    pauses.release_held_sms()
    tasks.dispatch_due_sms()
    per_minute = 60 * app.config["SMS_SEGMENTS_PER_SECOND"]
    assert len(sent_sms) == per_minute
    clock.shift(61)
    tasks.dispatch_due_sms()
    assert len(sent_sms) == 90
    assert db.session.scalar(sa.select(sa.func.max(OutboundMessage.attempts))) == 1
