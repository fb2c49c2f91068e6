"""Records go 2 years after a young person's last contact, never while a legal hold keeps them; a dry run says
what would go and deletes nothing. Driven through the real webhook, the job registry and the CLI."""
from datetime import datetime, timezone

import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.channels.sms.models import InboundSms
from voiceapp.extensions import db
from voiceapp.jobs.registry import registry_of, run_job
from voiceapp.people import holds
from voiceapp.people.models import YoungPerson

LONG_AGO = datetime(2024, 1, 10, 10, 0, tzinfo=timezone.utc)
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
JOB = "voiceapp.rights.tasks.delete_after_retention"


def _people():
    return set(db.session.scalars(sa.select(YoungPerson.id)))


def _quiet_and_recent(clock, twilio):
    clock.move_to(LONG_AGO)
    quiet = YoungPersonFactory(phone="07911 123451")
    texted_lately = YoungPersonFactory(phone="07911 123452")
    twiml_texts(twilio.sms("hi", phone="+447911123451"))
    clock.move_to(NOW)
    twiml_texts(twilio.sms("hi", phone="+447911123452"))        # a text this week is contact
    new = YoungPersonFactory()
    return quiet, texted_lately, new


def test_the_daily_job_deletes_those_whose_last_contact_is_over_two_years_old(app, clock, twilio):
    quiet, texted_lately, new = _quiet_and_recent(clock, twilio)
    run_job(JOB, {})
    assert _people() == {texted_lately.id, new.id}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(InboundSms)
                             .where(InboundSms.young_person_id == quiet.id)) == 0


def test_a_legal_hold_keeps_a_young_person_past_retention(app, clock, twilio):
    quiet, texted_lately, new = _quiet_and_recent(clock, twilio)
    holds.register_hold(app, lambda yp, **kw: ["an open complaint"] if yp == quiet.id else [])
    run_job(JOB, {})
    assert quiet.id in _people()


def test_the_dry_run_lists_what_would_go_and_deletes_nothing(app, clock, twilio):
    quiet, texted_lately, new = _quiet_and_recent(clock, twilio)
    before = _people()
    result = app.test_cli_runner().invoke(args=["retention", "run", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would delete 1 young people" in result.output and str(quiet.id) in result.output
    assert str(texted_lately.id) not in result.output
    assert _people() == before


def test_the_retention_job_is_scheduled_daily(app):
    assert registry_of(app).periodic[JOB] == 24 * 60 * 60
