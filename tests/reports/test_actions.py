"""You said, we did: actions by priority leads and the voice team, in the report, and texted to young people."""
import pytest
import sqlalchemy as sa

from tests.reports import builders as b
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

URL = "/api/v1/reports/2026-H1"


@pytest.fixture(autouse=True)
def frozen(clock):
    clock.move_to("2026-09-01 10:00Z")
    return clock


def action(client, **fields):
    body = {"what": "Social workers now text back within a day", "who": "Head of Service", **fields}
    return client.post("/api/v1/actions", json=body)


def test_a_priority_lead_records_an_action_for_their_own_theme(api_as):
    response = action(api_as("priority_lead"), priority=3)
    assert response.status_code == 201 and response.json["priority"] == 3


def test_a_priority_lead_cannot_record_an_action_for_another_theme(api_as):
    assert action(api_as("priority_lead"), priority=2).status_code == 403


def test_the_voice_officer_records_actions_for_any_theme(api_as):
    assert action(api_as("voice_officer"), priority=2).status_code == 201


def test_an_action_about_a_promise_takes_the_promise_s_theme(api_as):
    promise = b.current_promises()[0]   # theme 4
    response = action(api_as("voice_officer"), promise_id=str(promise.id))
    assert response.json["priority"] == 4


def test_an_action_without_a_theme_is_refused(api_as):
    assert action(api_as("voice_officer")).status_code == 422


def test_marking_an_action_done_stamps_today(api_as):
    officer = api_as("voice_officer")
    created = action(officer, priority=3).json
    done = officer.patch(f"/api/v1/actions/{created['id']}", json={"status": "done"}).json
    assert (done["status"], done["done_on"]) == ("done", "2026-09-01")


def test_actions_appear_in_the_report_and_in_the_young_people_s_version(api_as):
    officer = api_as("voice_officer")
    action(officer, priority=3, status="done")
    board = officer.get(URL).json
    assert [(a["what"], a["status"], a["theme_title"]) for a in board["actions"]] == [
        ("Social workers now text back within a day", "done", "Being heard")]
    young = api_as("council_member").get(URL).json
    assert young["you_said_we_did"] == [{"theme": "Being heard", "theme_number": 3,
                                         "what": "Social workers now text back within a day", "done": True}]


def _raised_theme_3(**fields):
    young = b.person(**fields)
    b.message(young, "2026-08-03 09:00", themes=[3])
    return young


def test_a_done_action_is_texted_to_those_who_raised_its_theme_except_anyone_opted_out(api_as):
    wants = _raised_theme_3(phone="07911 123451")
    stopped = _raised_theme_3(phone="07911 123452", sms_opted_out_at=utcnow())
    other_theme = b.person(phone="07911 123453")
    b.message(other_theme, "2026-08-03 09:00", themes=[2])
    lead = api_as("priority_lead")
    created = action(lead, priority=3, status="done").json
    told = lead.post(f"/api/v1/actions/{created['id']}/tell-young-people")
    assert told.status_code == 200 and told.json["told_young_people_at"]
    rows = {r.young_person_id: r.status for r in db.session.scalars(
        sa.select(OutboundMessage).where(OutboundMessage.purpose == "you_said_we_did"))}
    assert set(rows) == {wants.id, stopped.id}
    assert rows[stopped.id] == OutboundStatus.SUPPRESSED and rows[wants.id] != OutboundStatus.SUPPRESSED


def test_an_action_is_texted_once_and_only_when_done(api_as):
    lead = api_as("priority_lead")
    planned = action(lead, priority=3).json
    assert lead.post(f"/api/v1/actions/{planned['id']}/tell-young-people").status_code == 409
    done = action(lead, priority=3, status="done").json
    assert lead.post(f"/api/v1/actions/{done['id']}/tell-young-people").status_code == 200
    assert lead.post(f"/api/v1/actions/{done['id']}/tell-young-people").status_code == 409
