"""A young person's survey answers cost the same number of SQL statements however many surveys they answered:
the crisis support beside each answer is found for all of them at once (ResponseSchema never queries)."""
from tests.factories import SurveyFactory, YoungPersonFactory
from tests.tellus.test_query_counts import cost


def download_cost(api_as, surveys):
    young = api_as(young_person=YoungPersonFactory())
    for _ in range(surveys):
        survey = SurveyFactory()
        questions = {q["kind"]: q["id"] for q in young.get(f"/api/v1/me/surveys/{survey.id}").json["questions"]}
        answers = [{"question_id": questions["scale"], "value": 2},
                   {"question_id": questions["free_text"], "value": "i want to see my brother more"}]
        assert young.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": answers}).status_code == 200
    assert len(young.get("/api/v1/me/export").json["survey_responses"]) == surveys
    return cost(lambda: young.get("/api/v1/me/export"))


def test_the_download_costs_the_same_for_one_survey_answered_or_five(api_as):
    one, five = download_cost(api_as, 1), download_cost(api_as, 5)
    print(f"GET /me/export: {one} statements with 1 survey answered, {five} with 5")
    assert five == one


def test_an_answer_that_raised_an_alert_shows_its_crisis_support_back(api_as):
    young = api_as(young_person=YoungPersonFactory())
    survey = SurveyFactory()
    questions = {q["kind"]: q["id"] for q in young.get(f"/api/v1/me/surveys/{survey.id}").json["questions"]}
    saved = young.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": questions["free_text"], "value": "i want to kill myself"}]})
    assert saved.json["support"] is not None
    assert young.get(f"/api/v1/me/surveys/{survey.id}/response").json["support"] == saved.json["support"]
    assert young.get("/api/v1/me/export").json["survey_responses"][0]["support"] == saved.json["support"]
