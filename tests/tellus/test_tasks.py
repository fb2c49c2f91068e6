"""Reminders before a deadline and escalation to the head of service once one is missed, sent once each."""
from datetime import datetime, timezone

import sqlalchemy as sa

from tests.tellus.conftest import HEAD
from tests.tellus.support import emails
from voiceapp.extensions import db
from voiceapp.jobs.registry import registry_of
from voiceapp.tellus import tasks
from voiceapp.tellus.models import DeadlineNotice

# Sent Tuesday 24 November 2026 10:00: acknowledge by the end of Wednesday 25, answer by the end of Tuesday 8 Dec.
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
THURSDAY_MORNING = datetime(2026, 11, 26, 9, tzinfo=timezone.utc)


def test_no_reminder_is_sent_while_a_deadline_is_far_off(yp, leader, send, sent_email):
    send(yp)
    tasks.remind_before_deadlines()
    assert emails(sent_email, "Due soon") == []


def test_the_senior_leaders_are_reminded_when_nobody_owns_the_message(yp, leader, send, clock, sent_email):
    send(yp)
    clock.move_to(WEDNESDAY_NOON)
    tasks.remind_before_deadlines()
    reminders = emails(sent_email, "Due soon")
    assert [r["to"] for r in reminders] == ["leader@example.org"]
    assert "acknowledge" in reminders[0]["body"]


def test_the_owner_is_reminded_instead_of_every_senior_leader(yp, api_as, leader, send, clock, sent_email):
    lead = api_as("priority_lead", email="owner@example.org")
    message = send(yp)
    leader.put(f"/api/v1/messages/{message['id']}/assignee", json={"staff_id": str(lead.id)})
    clock.move_to(WEDNESDAY_NOON)
    tasks.remind_before_deadlines()
    assert [r["to"] for r in emails(sent_email, "Due soon")] == ["owner@example.org"]


def test_running_the_reminder_job_twice_sends_once(yp, leader, send, clock, sent_email):
    send(yp)
    clock.move_to(WEDNESDAY_NOON)
    tasks.remind_before_deadlines()
    tasks.remind_before_deadlines()
    assert len(emails(sent_email, "Due soon")) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeadlineNotice)) == 1


def test_a_missed_deadline_goes_to_the_head_of_service_by_email_and_text(
        yp, leader, send, clock, sent_email, sent_sms):
    send(yp)
    clock.move_to(THURSDAY_MORNING)
    tasks.escalate_missed_deadlines()
    escalations = emails(sent_email, "Missed deadline")
    assert {e["to"] for e in escalations} == {"leader@example.org", HEAD["email"]}
    assert [text["to"] for text in sent_sms] == [HEAD["phone"]]


def test_running_the_escalation_job_twice_sends_once(yp, leader, send, clock, sent_email):
    send(yp)
    clock.move_to(THURSDAY_MORNING)
    tasks.escalate_missed_deadlines()
    tasks.escalate_missed_deadlines()
    assert len(emails(sent_email, "Missed deadline")) == 2


def test_an_acknowledged_message_is_not_escalated_for_acknowledgement(yp, leader, send, clock, sent_email):
    message = send(yp)
    leader.post(f"/api/v1/messages/{message['id']}/status", json={"status": "acknowledged"})
    clock.move_to(THURSDAY_MORNING)
    tasks.escalate_missed_deadlines()
    assert emails(sent_email, "Missed deadline") == []


def test_the_answer_deadline_is_escalated_once_and_not_after_it_is_answered(yp, api_as, send, clock, sent_email):
    first, second = send(yp), send(yp)
    leader = api_as("senior_leader", email="leader@example.org")
    for message in (first, second):
        leader.post(f"/api/v1/messages/{message['id']}/status", json={"status": "acknowledged"})
    leader.post(f"/api/v1/messages/{second['id']}/replies", json={"body": "Answered in time"})
    clock.move_to(datetime(2026, 12, 9, 9, tzinfo=timezone.utc))
    tasks.escalate_missed_deadlines()
    notices = db.session.scalars(sa.select(DeadlineNotice)).all()
    assert [(str(n.message_id), n.deadline, n.kind) for n in notices] == [(first["id"], "respond", "escalation")]


def test_an_extension_gives_a_new_deadline_its_own_reminder(yp, api_as, send, clock, sent_email):
    message = send(yp)
    leader = api_as("senior_leader", email="leader@example.org")
    leader.post(f"/api/v1/messages/{message['id']}/status", json={"status": "acknowledged"})
    clock.move_to(datetime(2026, 12, 8, 9, tzinfo=timezone.utc))
    tasks.remind_before_deadlines()
    api_as("senior_leader").post(f"/api/v1/messages/{message['id']}/extension", json={"reason": "Awaiting review"})
    clock.move_to(datetime(2026, 12, 22, 9, tzinfo=timezone.utc))
    tasks.remind_before_deadlines()
    reminders = db.session.scalars(sa.select(DeadlineNotice).order_by(DeadlineNotice.due_at)).all()
    assert [(n.deadline, n.due_at.date().isoformat()) for n in reminders] == [
        ("respond", "2026-12-08"), ("respond", "2026-12-22")]


def test_the_jobs_are_scheduled(app):
    assert {"voiceapp.tellus.tasks.remind_before_deadlines", "voiceapp.tellus.tasks.escalate_missed_deadlines",
            "voiceapp.messaging.pauses.release_held_sms"} <= registry_of(app).periodic.keys()
