"""'I don't feel safe' in one step, and staff taking alerts on, recording what they did and closing them."""
import uuid

import pytest
import sqlalchemy as sa

from tests.factories import StaffFactory, SurveyFactory, YoungPersonFactory
from tests.safeguarding.test_alerts import DUTY, RISK
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.safeguarding.models import AlertStatus, SafeguardingAlert

STAFF_ROUTES = [("GET", "/api/v1/alerts"), ("GET", "/api/v1/alerts/{id}"),
                ("POST", "/api/v1/alerts/{id}/acknowledge"), ("PUT", "/api/v1/alerts/{id}/action"),
                ("POST", "/api/v1/alerts/{id}/close")]


@pytest.fixture
def config_overrides():
    return DUTY


def press_unsafe(client):
    return client.post("/api/v1/unsafe")


@pytest.fixture
def alert_id(yp):
    return press_unsafe(yp).json["alert_id"]


@pytest.fixture
def leader(api_as):
    return api_as("senior_leader", display_name="Aisha Khan")


def comment(yp, words=RISK):
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    return yp.post("/api/v1/me/promise-checks", json={
        "answers": [{"promise_id": promise_id, "rating": "not_kept", "comment": words}]}).json


def take_on_and_close(staff, alert_id):
    staff.post(f"/api/v1/alerts/{alert_id}/acknowledge")
    staff.put(f"/api/v1/alerts/{alert_id}/action", json={"action_taken": "Rang the young person's carer; safe."})
    return staff.post(f"/api/v1/alerts/{alert_id}/close")


def audit_actions(alert_id):
    return db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.object_id == uuid.UUID(alert_id))
                              .order_by(AuditEvent.occurred_at)).all()


def test_i_dont_feel_safe_needs_no_words_and_answers_with_the_crisis_reply(yp, sent_email):
    response = press_unsafe(yp)
    assert response.status_code == 201
    assert "999" in response.json["support"]["message"] and "0800 1111" in response.json["support"]["message"]
    alert = db.session.get(SafeguardingAlert, uuid.UUID(response.json["alert_id"]))
    assert (alert.trigger.value, alert.categories, alert.young_person_id) == ("unsafe_choice", [], yp.id)
    assert len(sent_email) == len(DUTY["DUTY_CONTACTS"])


def test_choosing_unsafe_again_before_anyone_takes_it_on_adds_no_second_alert(yp):
    assert press_unsafe(yp).json["alert_id"] == press_unsafe(yp).json["alert_id"]


def test_choosing_unsafe_after_the_last_alert_was_taken_on_raises_a_new_one(yp, leader, alert_id):
    leader.post(f"/api/v1/alerts/{alert_id}/acknowledge")
    assert press_unsafe(yp).json["alert_id"] != alert_id


@pytest.mark.parametrize("who, status", [(None, 401), ("senior_leader", 403), ("voice_officer", 403)])
def test_only_a_young_person_can_choose_unsafe(api_as, who, status):
    assert press_unsafe(api_as(who)).status_code == status


@pytest.mark.parametrize("role, allowed", [("senior_leader", True), ("voice_officer", True),
                                           ("priority_lead", False), ("board_member", False),
                                           ("council_member", False), (None, False)])
@pytest.mark.parametrize("method, route", STAFF_ROUTES)
def test_only_senior_leaders_and_the_voice_team_work_on_alerts(api_as, alert_id, role, allowed, method, route):
    response = api_as(role).open(method, route.format(id=alert_id), json={"action_taken": "x"}
                                 if method == "PUT" else None)
    if allowed:
        assert response.status_code in (200, 409)
    else:
        assert response.status_code == (401 if role is None else 403)


def test_a_young_person_cannot_reach_the_staff_alert_routes(yp, alert_id):
    assert yp.get(f"/api/v1/alerts/{alert_id}").status_code == 403


def test_the_list_filters_by_status_and_never_shows_the_words(yp, leader, alert_id):
    comment(yp)
    take_on_and_close(leader, alert_id)
    open_alerts = leader.get("/api/v1/alerts?status=open").json
    assert len(open_alerts) == 1 and "words" not in open_alerts[0]
    assert [a["id"] for a in leader.get("/api/v1/alerts?status=closed").json] == [alert_id]


def test_one_alert_shows_the_words_read_through_its_pointer(yp, leader):
    comment(yp)
    alert = leader.get("/api/v1/alerts").json[0]
    detail = leader.get(f"/api/v1/alerts/{alert['id']}").json
    assert detail["words"] == RISK and detail["what"] == "suicide or self-harm"
    assert [event["kind"] for event in detail["events"]] == ["raised"]
    assert detail["events"][0]["recipients"] == ["Duty manager A", "Duty manager B"]


def test_every_staff_view_and_change_of_an_alert_is_audited(leader, alert_id):
    leader.get(f"/api/v1/alerts/{alert_id}")
    take_on_and_close(leader, alert_id)
    assert audit_actions(alert_id) == ["safeguarding_alert.view", "safeguarding_alert.acknowledge",
                                       "safeguarding_alert.action", "safeguarding_alert.close"]
    actors = db.session.scalars(sa.select(AuditEvent.actor_id).where(
        AuditEvent.object_id == uuid.UUID(alert_id))).all()
    assert set(actors) == {leader.id}


def test_looking_at_the_alert_list_is_audited(leader, alert_id):
    leader.get("/api/v1/alerts")
    assert db.session.scalar(sa.select(AuditEvent.action).where(AuditEvent.actor_id == leader.id)) == \
        "safeguarding_alert.list"


def test_taking_an_alert_on_records_who_and_when(clock, leader, alert_id):
    body = leader.post(f"/api/v1/alerts/{alert_id}/acknowledge").json
    assert body["status"] == "acknowledged"
    assert body["acknowledged_by"] == {"id": str(leader.id), "name": "Aisha Khan"}
    assert body["acknowledged_at"].startswith("2026-11-24T10:00:00")


def test_an_alert_already_taken_on_cannot_be_taken_on_again(leader, api_as, alert_id):
    leader.post(f"/api/v1/alerts/{alert_id}/acknowledge")
    response = api_as("voice_officer").post(f"/api/v1/alerts/{alert_id}/acknowledge")
    assert response.status_code == 409 and "status" in response.json["errors"]


def test_the_action_cannot_be_recorded_before_the_alert_is_taken_on(leader, alert_id):
    response = leader.put(f"/api/v1/alerts/{alert_id}/action", json={"action_taken": "Called EDT"})
    assert response.status_code == 409


@pytest.mark.parametrize("body", [{}, {"action_taken": ""}, {"action_taken": "x", "status": "closed"}])
def test_a_bad_action_body_is_refused_naming_the_field(leader, alert_id, body):
    leader.post(f"/api/v1/alerts/{alert_id}/acknowledge")
    response = leader.put(f"/api/v1/alerts/{alert_id}/action", json=body)
    assert response.status_code == 422 and response.json["errors"]


def test_an_alert_cannot_be_closed_before_it_is_taken_on(leader, alert_id):
    assert leader.post(f"/api/v1/alerts/{alert_id}/close").status_code == 409


def test_an_alert_cannot_be_closed_until_the_action_is_recorded(leader, alert_id):
    leader.post(f"/api/v1/alerts/{alert_id}/acknowledge")
    response = leader.post(f"/api/v1/alerts/{alert_id}/close")
    assert response.status_code == 422 and "action_taken" in response.json["errors"]


def test_closing_records_who_closed_it_and_keeps_the_history(leader, alert_id):
    body = take_on_and_close(leader, alert_id).json
    assert body["status"] == "closed" and body["closed_by"]["name"] == "Aisha Khan"
    assert body["action_taken"] == "Rang the young person's carer; safe."
    assert [e["kind"] for e in body["events"]] == ["raised", "acknowledged", "action_recorded", "closed"]


def test_an_unknown_alert_is_not_found(leader):
    assert leader.get(f"/api/v1/alerts/{uuid.uuid4()}").status_code == 404
    assert leader.post(f"/api/v1/alerts/{uuid.uuid4()}/acknowledge").status_code == 404


def test_an_open_alert_holds_the_young_person_s_account_until_it_is_closed(yp, leader, alert_id):
    refused = yp.delete("/api/v1/me")
    assert refused.status_code == 409 and "safety team" in refused.json["message"]
    assert db.session.get(YoungPerson, yp.id) is not None
    take_on_and_close(leader, alert_id)
    assert yp.delete("/api/v1/me").status_code == 204
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SafeguardingAlert)) == 0


def test_the_record_that_raised_an_alert_cannot_be_deleted_until_the_alert_is_closed(yp, leader):
    check_id = comment(yp)["id"]
    assert yp.delete(f"/api/v1/me/promise-checks/{check_id}").status_code == 409
    alert_id = leader.get("/api/v1/alerts").json[0]["id"]
    take_on_and_close(leader, alert_id)
    assert yp.delete(f"/api/v1/me/promise-checks/{check_id}").status_code == 204
    assert leader.get(f"/api/v1/alerts/{alert_id}").json["words"] is None


def test_a_survey_answer_that_raised_an_alert_is_held_too(yp, leader):
    survey = SurveyFactory()
    question = yp.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][4]["id"]
    yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": question, "value": RISK}]})
    assert yp.delete(f"/api/v1/me/surveys/{survey.id}/response").status_code == 409


def test_another_young_person_s_open_alert_holds_nothing_of_mine(api_as, yp, alert_id):
    other = api_as(young_person=YoungPersonFactory())
    assert other.delete("/api/v1/me").status_code == 204


def test_a_person_closes_an_alert_and_nothing_else_does(app, alert_id):
    from voiceapp.errors import Conflict
    alert = db.session.get(SafeguardingAlert, uuid.UUID(alert_id))
    alert.acknowledge(staff_id=StaffFactory().id, when=alert.created_at)
    alert.action_taken = "done"
    with pytest.raises(Conflict):
        alert.close(staff_id=None, when=alert.created_at)
    assert alert.status == AlertStatus.ACKNOWLEDGED
