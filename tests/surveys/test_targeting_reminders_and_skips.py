"""Surveys can target voice groups, remind those who have not answered once, and skip by an earlier answer."""
import pytest

from tests.conftest import twiml_texts
from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.surveys.models import QuestionKind, SurveyResponse

SKIPPING = [
    dict(kind=QuestionKind.YES_NO, prompt="Do you have a job?", required=True),
    dict(kind=QuestionKind.SCALE, prompt="How much do you like your job?", scale_min=1, scale_max=5, required=True,
         show_if={"question": 1, "answers": [1]}),
    dict(kind=QuestionKind.YES_NO, prompt="Would you like help finding work?", show_if={"question": 1, "answers": [0]}),
]


@pytest.fixture(autouse=True)
def frozen(clock):
    return clock


def person_in(*groups, **fields):
    young = YoungPersonFactory(**fields)
    young.set_voice_groups(groups)
    db.session.flush()
    return young


def test_a_survey_for_a_voice_group_is_open_only_to_young_people_in_it(api_as):
    survey = SurveyFactory(voice_groups=["unaccompanied_asylum_seeking"])
    inside, outside = person_in("unaccompanied_asylum_seeking"), person_in("send")
    assert [s["id"] for s in api_as(young_person=inside).get("/api/v1/me/surveys").json] == [str(survey.id)]
    assert api_as(young_person=outside).get("/api/v1/me/surveys").json == []
    assert api_as(young_person=outside).get(f"/api/v1/me/surveys/{survey.id}").status_code == 404


def test_staff_can_create_a_survey_for_voice_groups_and_a_wrong_group_is_refused(api_as):
    body = {"title": "Out of area", "opens_at": "2026-11-01T00:00:00Z", "closes_at": "2027-01-01T00:00:00Z",
            "questions": [{"kind": "yes_no", "prompt": "Do you see your friends?"}]}
    officer = api_as("voice_officer")
    made = officer.post("/api/v1/surveys", json={**body, "voice_groups": ["lives_out_of_area"]})
    assert (made.status_code, made.json["voice_groups"]) == (201, ["lives_out_of_area"])
    wrong = officer.post("/api/v1/surveys", json={**body, "voice_groups": ["everyone"]})
    assert wrong.status_code == 422 and "voice_groups.0" in wrong.json["errors"]


def test_invitations_reach_only_the_voice_groups_named(api_as):
    survey = SurveyFactory(voice_groups=["send"])
    person_in("send", phone="07911 100001")
    person_in("residential_home", phone="07911 100002")
    assert api_as("voice_officer").post(f"/api/v1/surveys/{survey.id}/invitations").json["queued"] == 1


def test_one_reminder_goes_to_those_who_have_not_sent_the_survey_and_no_second(api_as, sent_sms, clock):
    from voiceapp.messaging.tasks import dispatch_due_sms
    survey = SurveyFactory()
    done = YoungPersonFactory(phone="07911 100001")
    YoungPersonFactory(phone="07911 100002")
    db.session.add(SurveyResponse(survey_id=survey.id, version_id=survey.versions[0].id, young_person_id=done.id,
                                  channel="web", submitted_at=survey.opens_at))
    db.session.flush()
    officer = api_as("voice_officer")
    assert officer.post(f"/api/v1/surveys/{survey.id}/reminder").json["queued"] == 1
    clock.shift(60)
    dispatch_due_sms()
    assert [m["to"] for m in sent_sms] == ["+447911100002"] and "reminder" in sent_sms[0]["body"]
    again = officer.post(f"/api/v1/surveys/{survey.id}/reminder")
    assert again.status_code == 409 and "one reminder" in again.get_data(as_text=True)


def _answer(client, survey, answers, submit=False):
    ids = [str(q.id) for q in survey.versions[0].questions]
    return client.put(f"/api/v1/me/surveys/{survey.id}/response",
                      json={"answers": [{"question_id": ids[i], "value": v} for i, v in answers], "submit": submit})


def test_a_question_is_asked_only_after_the_answer_it_depends_on(api_as):
    survey = SurveyFactory(questions=SKIPPING)
    client = api_as(young_person=YoungPersonFactory())
    ids = [str(q.id) for q in survey.versions[0].questions]
    assert _answer(client, survey, [(0, False)]).json["questions_to_ask"] == [ids[0], ids[2]]
    assert _answer(client, survey, [(0, True)]).json["questions_to_ask"] == [ids[0], ids[1]]


def test_a_required_question_that_was_skipped_does_not_stop_the_survey_being_sent(api_as):
    survey = SurveyFactory(questions=SKIPPING)
    client = api_as(young_person=YoungPersonFactory())
    sent = _answer(client, survey, [(0, False)], submit=True)
    assert sent.status_code == 200 and sent.json["submitted_at"]


def test_an_answer_to_a_question_a_later_change_skipped_is_not_sent(api_as):
    survey = SurveyFactory(questions=SKIPPING)
    client = api_as(young_person=YoungPersonFactory())
    _answer(client, survey, [(0, True), (1, 4)])
    sent = _answer(client, survey, [(0, False)], submit=True).json
    assert [a["question_id"] for a in sent["answers"]] == [str(survey.versions[0].questions[0].id)]


def test_a_skip_rule_must_point_at_an_earlier_question(api_as):
    body = {"title": "Bad", "opens_at": "2026-11-01T00:00:00Z", "closes_at": "2027-01-01T00:00:00Z",
            "questions": [{"kind": "yes_no", "prompt": "First?", "show_if": {"question": 2, "answers": [1]}},
                          {"kind": "yes_no", "prompt": "Second?"}]}
    response = api_as("voice_officer").post("/api/v1/surveys", json=body)
    assert response.status_code == 422 and "questions.0.show_if.question" in response.json["errors"]


def test_by_text_the_skipped_question_is_never_asked(twilio, app):
    SurveyFactory(questions=SKIPPING)
    YoungPersonFactory(phone="07911 123456")
    say = lambda body: twiml_texts(twilio.sms(body, phone="+447911123456"))  # noqa: E731
    say("hi")
    assert "Do you have a job?" in say("3")[0]
    texts = say("no")
    assert "help finding work" in texts[0] and "like your job" not in " ".join(texts)
