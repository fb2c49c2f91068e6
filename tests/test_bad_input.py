"""Bad input gets a clear 4xx naming what is wrong, never a 500: odd JSON, huge numbers, dates at the edge of
the calendar, and references to things that do not exist."""
import uuid

import pytest

UNAUTHENTICATED = ["/api/v1/auth/staff/sign-in", "/api/v1/auth/invitation"]
UNREADABLE = {
    "nested 1,000 deep": "[" * 1000 + "]" * 1000,
    "an integer of 5,000 digits": '{"email": ' + "1" * 5000 + ', "password": "x"}',
    "a lone surrogate": '{"code": "\\ud800"}',
    "a lone surrogate in a key": '{"\\udfff": 1}',
}


def error_body(response):
    assert response.is_json and set(response.json) == {"status", "message", "errors", "request_id"}
    assert response.json["status"] == response.status_code
    return response.json


@pytest.mark.parametrize("path", UNAUTHENTICATED)
@pytest.mark.parametrize("body", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_json_is_refused_with_400_before_anything_reads_it(client, path, body):
    response = client.post(path, data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "valid JSON" in error_body(response)["message"]


def test_an_action_naming_a_promise_that_does_not_exist_is_refused_by_name(api_as):
    officer = api_as("voice_officer")
    refused = officer.post("/api/v1/actions", json={"what": "More say in reviews", "who": "IRO team",
                                                   "priority": 1, "promise_id": str(uuid.uuid4())})
    assert refused.status_code == 422 and "promise_id" in error_body(refused)["errors"]


@pytest.mark.parametrize("path", ["/api/v1/alerts", "/api/v1/messages"])
@pytest.mark.parametrize("offset", [2 ** 63, 2 ** 31, 10 ** 7])
def test_an_offset_past_any_list_is_refused_by_name(api_as, path, offset):
    refused = api_as("senior_leader").get(f"{path}?offset={offset}")
    assert refused.status_code == 422 and "offset" in error_body(refused)["errors"]


@pytest.mark.parametrize("period", ["0001-H1", "9999-H1", "1998-Q4", "2101-04-01..2101-05-01",
                                    "0001-01-01..9999-12-31"])
def test_a_report_period_outside_the_service_years_is_refused(api_as, period):
    refused = api_as("senior_leader").get(f"/api/v1/reports/{period}")
    assert refused.status_code == 422 and "period" in error_body(refused)["errors"]


def test_the_report_command_names_a_bad_period_without_a_traceback(app):
    result = app.test_cli_runner().invoke(args=["report", "--period", "0001-H1"])
    assert result.exit_code == 2 and "--period" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("received_on", ["9999-01-01", "0001-01-01"])
def test_a_subject_access_request_received_outside_the_service_years_is_refused(api_as, young_person,
                                                                               received_on):
    refused = api_as("voice_officer").post("/api/v1/subject-access-requests", json={
        "young_person_id": str(young_person.id), "received_on": received_on})
    assert refused.status_code == 422 and "received_on" in error_body(refused)["errors"]


@pytest.mark.parametrize("closes_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_a_survey_window_at_the_edge_of_the_calendar_is_refused(api_as, closes_at):
    refused = api_as("voice_officer").patch(f"/api/v1/surveys/{uuid.uuid4()}/window",
                                            json={"closes_at": closes_at})
    assert refused.status_code == 422 and "closes_at" in error_body(refused)["errors"]


@pytest.mark.parametrize("path, field", [("complaint/escalation", "requested_at"),
                                         ("complaint/advocacy", "offered_at")])
def test_a_complaint_date_in_year_one_is_refused(api_as, path, field):
    refused = api_as("voice_officer").post(f"/api/v1/messages/{uuid.uuid4()}/{path}",
                                           json={field: "0001-01-01T00:00:00Z"})
    assert refused.status_code == 422 and field in error_body(refused)["errors"]


def test_the_documented_error_body_is_the_one_sent(client):
    spec = client.get("/api/openapi.json").json
    documented = spec["components"]["schemas"]["Error"]["properties"]
    sent = error_body(client.get("/api/v1/me"))
    assert set(documented) == set(sent)
    assert documented["status"]["type"] == "integer" and isinstance(sent["status"], int)


def test_an_exported_cell_carries_no_direction_override():
    from voiceapp.audit.services import safe_cell
    assert safe_cell("\u202e=cmd|calc\u202c") == "'=cmd|calc"
