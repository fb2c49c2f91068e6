"""A young person downloads everything we hold and deletes it."""
import sqlalchemy as sa

from tests.factories import SurveyFactory
from voiceapp.extensions import db
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


def test_a_legal_hold_keeps_everything_and_says_why(yp):
    def open_complaint(young_person_id, **kwargs):
        return ["your formal complaint is still open"]
    holds.register_hold(open_complaint)
    try:
        response = yp.delete("/api/v1/me")
    finally:
        holds._providers.remove(open_complaint)
    assert response.status_code == 409
    assert "complaint" in response.json["message"]
    assert db.session.get(YoungPerson, yp.id) is not None
