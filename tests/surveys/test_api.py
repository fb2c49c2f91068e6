"""Surveys: staff define and publish them; young people answer as they go, on the web."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.surveys.models import SurveyAnswer, SurveyResponse

NEW_SURVEY = {
    "title": "Your placement", "opens_at": "2026-01-01T00:00:00Z", "closes_at": "2027-01-01T00:00:00Z",
    "questions": [
        {"kind": "scale", "prompt": "How happy are you at home?", "scale_min": 1, "scale_max": 5, "required": True},
        {"kind": "single_choice", "prompt": "Who do you live with?", "options": ["Foster carer", "Family", "Alone"]},
        {"kind": "free_text", "prompt": "Tell us more", "priority": 2},
    ],
}


def questions_of(client, survey_id):
    return {q["kind"]: q["id"] for q in client.get(f"/api/v1/me/surveys/{survey_id}").json["questions"]}


def answered_rows():
    return db.session.scalar(sa.select(sa.func.count()).select_from(SurveyAnswer))


def test_staff_create_a_draft_survey_that_young_people_cannot_see_until_published(api_as, yp):
    officer = api_as("voice_officer")
    survey = officer.post("/api/v1/surveys", json=NEW_SURVEY).json
    assert survey["versions"][0]["published_at"] is None
    assert yp.get("/api/v1/me/surveys").json == []
    officer.post(f"/api/v1/surveys/{survey['id']}/publish")
    assert [s["id"] for s in yp.get("/api/v1/me/surveys").json] == [survey["id"]]


@pytest.mark.parametrize("change, field", [
    ({"closes_at": "2025-01-01T00:00:00Z"}, "closes_at"),
    ({"questions": []}, "questions"),
    ({"questions": [{"kind": "single_choice", "prompt": "Pick", "options": ["only one"]}]}, "questions.0.options"),
    ({"questions": [{"kind": "scale", "prompt": "Rate", "scale_min": 5, "scale_max": 1}]}, "questions.0.scale_max"),
    ({"questions": [{"kind": "essay", "prompt": "Rate"}]}, "questions.0.kind"),
    ({"cohort": "everyone"}, "cohort"),
])
def test_bad_survey_definitions_are_refused_naming_the_field(api_as, change, field):
    response = api_as("voice_officer").post("/api/v1/surveys", json={**NEW_SURVEY, **change})
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_only_the_audience_sees_a_survey(api_as, app):
    SurveyFactory(cohort="care_leaver", age_bands=["18-21"])
    leaver = api_as(young_person=YoungPersonFactory(cohort="care_leaver", age_band="18-21"))
    older_leaver = api_as(young_person=YoungPersonFactory(cohort="care_leaver", age_band="22-25"))
    child = api_as(young_person=YoungPersonFactory())
    assert len(leaver.get("/api/v1/me/surveys").json) == 1
    assert older_leaver.get("/api/v1/me/surveys").json == []
    assert child.get("/api/v1/me/surveys").json == []


def test_each_question_type_is_answered_and_read_back(yp):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    answers = [
        {"question_id": ids["scale"], "value": 4},
        {"question_id": ids["single_choice"], "value": 1},
        {"question_id": ids["multiple_choice"], "value": [0, 2]},
        {"question_id": ids["yes_no"], "value": False},
        {"question_id": ids["free_text"], "value": "More time with my sister"},
    ]
    response = yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": answers, "submit": True})
    assert response.status_code == 200
    assert response.json["submitted_at"]
    assert {a["question_id"]: a["value"] for a in response.json["answers"]} == {
        a["question_id"]: a["value"] for a in answers}


def test_answers_are_saved_as_the_young_person_goes_and_resumed_later(yp):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": ids["scale"], "value": 2}]})
    yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": ids["scale"], "value": 3}]})
    resumed = yp.get(f"/api/v1/me/surveys/{survey.id}/response").json
    assert resumed["submitted_at"] is None
    assert resumed["answers"] == [{"question_id": ids["scale"], "value": 3}]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SurveyResponse)) == 1


def test_submitting_without_a_required_answer_is_refused(yp):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    response = yp.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": ids["yes_no"], "value": True}], "submit": True})
    assert response.status_code == 422
    assert "questions.0" in response.json["errors"]
    assert answered_rows() == 0


def test_a_sent_survey_cannot_be_answered_again(yp):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    yp.put(f"/api/v1/me/surveys/{survey.id}/response",
           json={"answers": [{"question_id": ids["scale"], "value": 5}], "submit": True})
    again = yp.put(f"/api/v1/me/surveys/{survey.id}/response",
                   json={"answers": [{"question_id": ids["scale"], "value": 1}]})
    assert again.status_code == 409


@pytest.mark.parametrize("kind, value", [
    ("scale", 6), ("scale", "4"), ("scale", True), ("single_choice", 3), ("single_choice", -1),
    ("multiple_choice", [0, 0]), ("multiple_choice", []), ("multiple_choice", [9]), ("yes_no", "yes"),
    ("free_text", ""), ("free_text", "x" * 2001), ("free_text", 5), ("scale", {"a": 1}),
])
def test_an_answer_that_does_not_fit_its_question_is_refused_and_nothing_saved(yp, kind, value):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    good = {"question_id": ids["scale"], "value": 3}
    response = yp.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [good, {"question_id": ids[kind], "value": value}]})
    assert response.status_code == 422
    assert any(key.startswith("answers.1") for key in response.json["errors"])
    assert answered_rows() == 0


def test_an_answer_to_a_closed_survey_is_refused(yp, clock):
    survey = SurveyFactory(closes_at=utcnow() + timedelta(hours=1))
    ids = questions_of(yp, survey.id)
    clock.shift(timedelta(hours=2))
    response = yp.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": ids["scale"], "value": 3}]})
    assert response.status_code == 409
    assert "survey_id" in response.json["errors"]
    assert answered_rows() == 0


def test_a_question_from_another_survey_is_refused(yp):
    survey, other = SurveyFactory(), SurveyFactory()
    stranger = questions_of(yp, other.id)["scale"]
    response = yp.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": stranger, "value": 3}]})
    assert response.status_code == 422
    assert "answers.0.question_id" in response.json["errors"]


def test_revising_a_published_survey_keeps_earlier_answers_on_their_version(api_as, yp):
    officer = api_as("voice_officer")
    survey = officer.post("/api/v1/surveys", json=NEW_SURVEY).json
    officer.post(f"/api/v1/surveys/{survey['id']}/publish")
    first_scale = questions_of(yp, survey["id"])["scale"]
    yp.put(f"/api/v1/me/surveys/{survey['id']}/response", json={"answers": [{"question_id": first_scale, "value": 2}]})
    revised = officer.put(f"/api/v1/surveys/{survey['id']}/questions", json={"questions": [
        {"kind": "yes_no", "prompt": "Do you feel listened to?"}]}).json
    assert [v["number"] for v in revised["versions"]] == [1, 2]
    assert yp.get(f"/api/v1/me/surveys/{survey['id']}/response").json["answers"][0]["value"] == 2


def test_closing_a_survey_early_takes_it_off_the_list(api_as, yp):
    survey = SurveyFactory()
    now = utcnow().isoformat()
    officer = api_as("voice_officer")
    assert officer.patch(f"/api/v1/surveys/{survey.id}/window",
                         json={"opens_at": "2020-01-01T00:00:00Z", "closes_at": now}).status_code == 200
    assert yp.get("/api/v1/me/surveys").json == []


def test_a_young_person_deletes_their_answers(yp):
    survey = SurveyFactory()
    ids = questions_of(yp, survey.id)
    yp.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": ids["scale"], "value": 4}]})
    assert yp.delete(f"/api/v1/me/surveys/{survey.id}/response").status_code == 204
    assert yp.get(f"/api/v1/me/surveys/{survey.id}/response").status_code == 404
    assert answered_rows() == 0


def test_survey_questions_are_shown_in_the_young_person_s_language(api_as):
    survey = SurveyFactory(questions=[dict(kind="yes_no", prompt="Do you feel safe?",
                                           translations={"ar": {"prompt": "هل تشعر بالأمان؟"}})])
    speaker = api_as(young_person=YoungPersonFactory(language="ar"))
    assert speaker.get(f"/api/v1/me/surveys/{survey.id}").json["questions"][0]["prompt"] == "هل تشعر بالأمان؟"


def test_inviting_texts_the_audience_but_never_opted_out_young_people(api_as, sent_sms, clock):
    from voiceapp.database import utcnow
    from voiceapp.messaging.tasks import dispatch_due_sms
    survey = SurveyFactory(cohort="child_in_care")
    YoungPersonFactory(phone="07911 100001")
    YoungPersonFactory(phone="07911 100002", sms_opted_out_at=utcnow())
    YoungPersonFactory(phone="07911 100003", cohort="care_leaver", age_band="18-21")
    result = api_as("voice_officer").post(f"/api/v1/surveys/{survey.id}/invitations").json
    assert result["queued"] == 1 and result["opted_out"] == 1
    clock.shift(60)
    dispatch_due_sms()
    assert [m["to"] for m in sent_sms] == ["+447911100001"]
    assert "new survey" in sent_sms[0]["body"]
