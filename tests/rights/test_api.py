"""A young person downloads everything we hold and deletes it."""
import sqlalchemy as sa

from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import calls
from voiceapp.people import holds
from voiceapp.people.models import YoungPerson
from voiceapp.tellus.models import Message


def test_the_download_holds_profile_checks_messages_and_survey_answers(yp):
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    yp.post("/api/v1/me/promise-checks", json={"answers": [{"promise_id": promise_id, "rating": "kept"}]})
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"})
    survey = SurveyFactory()
    question = yp.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][0]["id"]
    yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": question, "value": 3}]})
    data = yp.get("/api/v1/me/export").json
    assert data["profile"]["id"] == str(yp.id)
    assert len(data["promise_checks"]) == 1 and len(data["messages"]) == 1 and len(data["survey_responses"]) == 1


def test_deleting_my_account_erases_everything_and_ends_the_session(yp):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"})
    assert yp.delete("/api/v1/me").status_code == 204
    assert db.session.get(YoungPerson, yp.id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0
    assert yp.get("/api/v1/me").status_code == 401


def test_a_legal_hold_keeps_everything_and_says_why(app, yp):
    def open_complaint(young_person_id, **kwargs):
        return ["your formal complaint is still open"]
    holds.register_hold(app, open_complaint)   # the registry on the app starts afresh for each test
    response = yp.delete("/api/v1/me")
    assert response.status_code == 409
    assert "complaint" in response.json["message"]
    assert db.session.get(YoungPerson, yp.id) is not None


def test_the_download_is_also_a_readable_page_in_the_young_person_s_language(api_as):
    from tests.factories import YoungPersonFactory
    speaker = api_as(young_person=YoungPersonFactory(language="ar"))
    page = speaker.get("/api/v1/me/export.html")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert b'dir="rtl"' in page.data


def test_a_staff_subject_access_request_is_due_by_the_ico_calendar_month_rule(api_as, young_person):
    officer = api_as("voice_officer")
    created = officer.post("/api/v1/subject-access-requests",
                           json={"young_person_id": str(young_person.id), "received_on": "2026-01-31"})
    assert created.status_code == 201 and created.json["due_on"] == "2026-03-02"
    disclosure = officer.get(f"/api/v1/subject-access-requests/{created.json['id']}/disclosure")
    assert disclosure.json["profile"]["id"] == str(young_person.id)
    done = officer.post(f"/api/v1/subject-access-requests/{created.json['id']}/complete")
    assert done.json["status"] == "completed"
    assert officer.get("/api/v1/subject-access-requests?status=open").json == []


def test_only_the_voice_team_handles_subject_access_requests(api_as, young_person):
    response = api_as("senior_leader").post("/api/v1/subject-access-requests",
                                            json={"young_person_id": str(young_person.id), "received_on": "2026-01-31"})
    assert response.status_code == 403


def test_the_download_covers_every_table_the_inventory_links_to_a_young_person(yp):
    from pathlib import Path

    import yaml
    inventory = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "data-inventory.yml").read_text())
    linked = {name for name, table in inventory["tables"].items() if table["subject_linked"]}
    covered = {"young_people", "young_person_voice_groups", "phone_numbers", "promise_checks", "promise_ratings",
               "messages", "message_replies", "survey_responses", "survey_answers", "survey_answer_choices",
               "outbound_messages", "inbound_sms", "voice_recordings", "satisfaction_answers", "report_quotes",
               "outbound_calls"}
    assert linked <= covered, f"add these to the export, then here: {sorted(linked - covered)}"
    data = yp.get("/api/v1/me/export").json
    assert {"profile", "promise_checks", "messages", "survey_responses", "texts_sent_to_you"} <= set(data)


def test_the_download_shows_what_staff_recorded_to_reach_them_and_the_calls_we_made(app, api_as):
    person = YoungPersonFactory(phone="+447911123456")
    staff = api_as("senior_leader")
    staff.put(f"/api/v1/young-people/{person.id}/worker", json={"worker_name": "Sam Worker",
                                                                "worker_email": "sam@example.org"})
    staff.put(f"/api/v1/young-people/{person.id}/case-reference", json={"case_reference": "LCC/2024-7"})
    with transaction():
        calls.place_call(young_person_id=person.id, body="We have changed your contact plan.", language="en",
                         purpose="call_back", source_type="message_reply", source_id=person.id)
    data = api_as(young_person=person).get("/api/v1/me/export").json
    assert data["your_worker"] == {"name": "Sam Worker", "email": "sam@example.org"}
    assert data["case_reference"] == "LCC/2024-7"
    [call] = data["calls_to_you"]
    assert call["purpose"] == "call_back" and call["status"] in {"queued", "calling"} and call["created_at"]
    assert "We have changed" not in str(data["calls_to_you"])      # the words are in the thread, not the outbox
