"""The alert clock: reminders every 15 minutes until a named person takes the alert on, escalation at 60."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.safeguarding.test_alerts import DUTY, EASTER_MONDAY_3AM
from voiceapp.extensions import db
from voiceapp.jobs.registry import registry_of
from voiceapp.messaging.models import OutboundEmail
from voiceapp.safeguarding import tasks
from voiceapp.safeguarding.models import AlertStatus, SafeguardingAlert

DUTY_A, HEAD = "duty.a@leeds.example", "head@leeds.example"


@pytest.fixture
def config_overrides():
    return DUTY


@pytest.fixture
def raised(clock, yp):
    """An "I don't feel safe" alert raised at 03:00 on Easter Monday; returns the clock to move."""
    clock.move_to(EASTER_MONDAY_3AM)
    yp.post("/api/v1/unsafe")
    return clock


def emails_to(address):
    return db.session.scalars(sa.select(OutboundEmail).where(OutboundEmail.to_address == address)
                              .order_by(OutboundEmail.created_at)).all()


def texts_to(number, sent_sms):
    return [m for m in sent_sms if m["to"] == number]


def run_clock_at(clock, *minutes):
    for minute in minutes:
        clock.move_to(EASTER_MONDAY_3AM + timedelta(minutes=minute))
        tasks.escalate_unacknowledged_alerts()
        tasks.renotify_unacknowledged_alerts()


def the_alert():
    return db.session.scalar(sa.select(SafeguardingAlert))


def test_each_duty_contact_is_told_at_0_15_30_and_45_minutes(raised, sent_sms):
    run_clock_at(raised, 5, 14, 15, 20, 30, 44, 45, 59)
    for contact in DUTY["DUTY_CONTACTS"]:
        assert len(emails_to(contact["email"])) == 4
        assert len(texts_to(contact["phone"], sent_sms)) == 4
    assert the_alert().notify_count == 4 and emails_to(HEAD) == []


def test_reminders_say_they_are_reminders(raised):
    run_clock_at(raised, 15)
    assert "REMINDER 2" in emails_to(DUTY_A)[-1].body


def test_at_60_minutes_the_head_of_service_is_told_once(raised, sent_sms):
    run_clock_at(raised, 15, 30, 45, 60, 61, 75, 120)
    escalations = emails_to(HEAD)
    assert len(escalations) == 1 and "ESCALATION" in escalations[0].body
    assert len(texts_to(DUTY["HEAD_OF_SERVICE"]["phone"], sent_sms)) == 1
    assert the_alert().escalated_at == escalations[0].created_at


def test_the_duty_contacts_keep_being_told_after_escalation_until_someone_takes_it_on(raised):
    run_clock_at(raised, 15, 30, 45, 60, 75)
    assert len(emails_to(DUTY_A)) == 6


def test_taking_the_alert_on_at_20_minutes_stops_every_further_notice(raised, api_as):
    run_clock_at(raised, 15, 20)
    alert = the_alert()
    api_as("senior_leader").post(f"/api/v1/alerts/{alert.id}/acknowledge")
    run_clock_at(raised, 30, 45, 60, 90, 240)
    assert len(emails_to(DUTY_A)) == 2 and emails_to(HEAD) == []


def test_running_the_clock_twice_at_the_same_moment_sends_nothing_twice(raised):
    run_clock_at(raised, 15, 15, 60, 60)
    assert len(emails_to(DUTY_A)) == 3 and len(emails_to(HEAD)) == 1


def test_the_intervals_come_from_configuration(app, raised):
    app.config.update(ALERT_RENOTIFY_MINUTES=5, ALERT_ESCALATE_MINUTES=10)
    run_clock_at(raised, 5, 10)
    assert len(emails_to(DUTY_A)) == 3 and len(emails_to(HEAD)) == 1


def test_the_clock_never_closes_or_dismisses_an_alert(raised):
    run_clock_at(raised, *range(0, 24 * 60, 15))
    alert = the_alert()
    assert alert.status == AlertStatus.OPEN and alert.closed_at is None and alert.closed_by_id is None


def test_the_jobs_are_registered_to_run_every_minute(app):
    assert registry_of(app).periodic[tasks.renotify_unacknowledged_alerts.job_name] == 60
    assert registry_of(app).periodic[tasks.escalate_unacknowledged_alerts.job_name] == 60
