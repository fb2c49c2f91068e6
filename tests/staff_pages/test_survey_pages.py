"""The survey editor: the voice team writes a survey and its questions in the browser, each change one service
call through the API's schemas, and a refusal is the form again with the reason beside the field."""
from datetime import timedelta

import sqlalchemy as sa
from flask import g

from tests.factories import SurveyFactory, YoungPersonFactory
from tests.staff_pages.conftest import text_of
from voiceapp.audit.models import AuditEvent
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.surveys.models import Survey

NEW_SURVEY = {"title": "Your school", "cohort": "child_in_care", "age_bands": "13-15", "voice_groups": "send",
              "opens_at": "2027-01-04T09:00", "closes_at": "2027-02-01T17:00",
              "kind": "single_choice", "prompt": "Do you like school?", "options": "Yes\nSometimes\nNo",
              "prompt_ar": "هل تحب المدرسة؟", "options_ar": "نعم\nأحيانا\nلا", "title_vi": "Trường học của bạn"}


def _survey(survey_id):
    db.session.expire_all()
    return db.session.get(Survey, survey_id)


def _prompts(survey_id):
    return [q.prompt for q in _survey(survey_id).versions[-1].questions]


def test_a_survey_is_created_as_a_draft_with_its_first_question_and_languages(as_role):
    made = as_role("voice_officer").post("/staff/surveys", NEW_SURVEY)
    survey = db.session.scalar(sa.select(Survey).where(Survey.title == "Your school"))
    assert made.status_code == 303 and made.headers["Location"].endswith(f"/staff/surveys/{survey.id}")
    question = survey.versions[-1].questions[0]
    assert survey.voice_groups == ["send"] and survey.age_bands == ["13-15"] and survey.versions[-1].published_at is None
    assert question.options == ["Yes", "Sometimes", "No"]
    assert question.translations == {"ar": {"prompt": "هل تحب المدرسة؟", "options": ["نعم", "أحيانا", "لا"]}}
    assert survey.opens_at.hour == 9       # 09:00 in January is 09:00 UTC
    assert survey.translations == {"vi": {"title": "Trường học của bạn"}}


def test_a_new_survey_without_a_title_or_with_one_option_names_both_fields(as_role):
    refused = as_role("voice_officer").post("/staff/surveys", {**NEW_SURVEY, "title": "", "options": "Yes"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Give the survey a title" in page and 'href="#title"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Survey)) == 0


def test_choices_without_enough_options_are_refused_beside_the_options(as_role):
    refused = as_role("voice_officer").post("/staff/surveys", {**NEW_SURVEY, "options": "Yes"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'href="#options"' in page and "Choices need options" in text_of(refused)


def test_a_translation_missing_an_option_is_refused_beside_that_language(as_role):
    refused = as_role("voice_officer").post("/staff/surveys", {**NEW_SURVEY, "options_ar": "نعم\nلا"})
    assert refused.status_code == 422 and 'href="#options_ar"' in refused.get_data(as_text=True)
    assert "Give every option in each language" in text_of(refused)


def test_a_question_is_added_with_a_skip_rule_on_an_earlier_answer(as_role):
    survey = SurveyFactory(questions__draft=True)
    browser = as_role("voice_officer")
    added = browser.post(f"/staff/surveys/{survey.id}/questions",
                         {"kind": "free_text", "prompt": "What would make home better?", "show_if": ["4:0"]})
    assert added.status_code == 303
    question = _survey(survey.id).versions[-1].questions[-1]
    assert question.position == 6 and question.show_if == {"question": 4, "answers": [0]}
    assert "when question 4 is answered No" in text_of(browser.get(f"/staff/surveys/{survey.id}"))


def test_a_skip_rule_on_two_questions_at_once_is_refused(as_role):
    survey = SurveyFactory(questions__draft=True)
    refused = as_role("voice_officer").post(f"/staff/surveys/{survey.id}/questions",
                                            {"kind": "yes_no", "prompt": "Is it?", "show_if": ["4:0", "2:1"]})
    assert refused.status_code == 422 and "Choose answers to one earlier question only" in text_of(refused)
    assert len(_prompts(survey.id)) == 5


def test_changing_a_published_survey_s_question_starts_a_draft_version(as_role):
    survey = SurveyFactory()
    browser = as_role("voice_officer")
    form = text_of(browser.get(f"/staff/surveys/{survey.id}/questions/2"))
    assert "Where do you live?" in form
    changed = browser.post(f"/staff/surveys/{survey.id}/questions/2",
                           {"kind": "single_choice", "prompt": "Where do you live now?",
                            "options": "Foster home\nChildren's home\nMy own place\nSomewhere else"})
    survey = _survey(survey.id)
    assert changed.status_code == 303 and [v.number for v in survey.versions] == [1, 2]
    assert survey.versions[0].questions[1].prompt == "Where do you live?"
    assert survey.versions[1].questions[1].options[-1] == "Somewhere else"
    assert "Publish these changes" in text_of(browser.get(f"/staff/surveys/{survey.id}"))


def test_a_bad_change_shows_the_form_again_with_what_was_typed(as_role):
    survey = SurveyFactory()
    refused = as_role("voice_officer").post(f"/staff/surveys/{survey.id}/questions/1",
                                            {"kind": "scale", "prompt": "How safe now?", "scale_min": "5",
                                             "scale_max": "2"})
    assert refused.status_code == 422 and "Scale ends are the wrong way round" in text_of(refused)
    assert "How safe now?" in refused.get_data(as_text=True) and 'href="#scale_max"' in refused.get_data(as_text=True)
    assert len(_survey(survey.id).versions) == 1


def test_moving_a_question_keeps_skip_rules_on_the_same_question(as_role):
    survey = SurveyFactory(questions__draft=True)
    browser = as_role("voice_officer")
    browser.post(f"/staff/surveys/{survey.id}/questions", {"kind": "free_text", "prompt": "Why not?",
                                                           "show_if": ["4:0"]})
    moved = browser.post(f"/staff/surveys/{survey.id}/questions/4/move", {"to": "1"})
    questions = _survey(survey.id).versions[-1].questions
    assert moved.status_code == 303 and questions[0].prompt == "Do you know your plan?"
    assert questions[-1].show_if == {"question": 1, "answers": [0]}


def test_a_question_another_depends_on_cannot_be_removed(as_role):
    survey = SurveyFactory(questions__draft=True)
    browser = as_role("voice_officer")
    browser.post(f"/staff/surveys/{survey.id}/questions", {"kind": "free_text", "prompt": "Why not?",
                                                           "show_if": ["4:0"]})
    refused = browser.post(f"/staff/surveys/{survey.id}/questions/4/remove")
    assert refused.status_code == 422 and "change or remove that question first" in text_of(refused)
    assert browser.post(f"/staff/surveys/{survey.id}/questions/2/remove").status_code == 303
    questions = _survey(survey.id).versions[-1].questions
    assert "Where do you live?" not in [q.prompt for q in questions]
    assert questions[-1].show_if == {"question": 3, "answers": [0]}


def test_each_change_to_the_questions_is_audited(as_role):
    survey = SurveyFactory(questions__draft=True)
    as_role("voice_officer").post(f"/staff/surveys/{survey.id}/questions/1/move", {"to": "2"})
    actions = db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.object_id == survey.id)).all()
    assert "survey.revise" in actions


def test_a_survey_is_published_then_closed_from_its_page(as_role):
    survey = SurveyFactory(questions__draft=True)
    browser = as_role("voice_officer")
    browser.post(f"/staff/surveys/{survey.id}/publish")
    closed = browser.post(f"/staff/surveys/{survey.id}/close")
    survey = _survey(survey.id)
    assert closed.status_code == 303 and survey.published_version is not None
    assert "Status Closed" in text_of(browser.get(f"/staff/surveys/{survey.id}"))


def test_a_young_person_no_longer_sees_a_closed_survey(as_role, api_as):
    survey = SurveyFactory()
    as_role("voice_officer").post(f"/staff/surveys/{survey.id}/close")
    young_person = api_as(young_person=YoungPersonFactory())
    assert young_person.get("/api/v1/me/surveys").json == []
    assert young_person.get(f"/api/v1/me/surveys/{survey.id}").status_code == 409


def test_caseworkers_read_surveys_but_cannot_change_them(as_role):
    survey = SurveyFactory()
    leader = as_role("senior_leader")
    page = text_of(leader.get(f"/staff/surveys/{survey.id}"))
    assert "How safe do you feel?" in page and "Add a question" not in page
    assert leader.get("/staff/surveys/new").status_code == 403
    assert leader.post(f"/staff/surveys/{survey.id}/questions/1/remove").status_code == 403
    assert len(_prompts(survey.id)) == 5


def test_closing_a_survey_that_has_not_opened_means_it_never_opens(as_role, clock):
    survey = SurveyFactory(opens_at=utcnow() + timedelta(days=7), closes_at=utcnow() + timedelta(days=30))
    assert as_role("voice_officer").post(f"/staff/surveys/{survey.id}/close").status_code == 303
    survey = _survey(survey.id)
    assert survey.closes_at <= utcnow() and not survey.is_open(utcnow() + timedelta(days=8))


def test_a_survey_written_in_the_browser_reaches_a_young_person_in_their_language(as_role, api_as, clock):
    browser = as_role("voice_officer")
    browser.post("/staff/surveys", {**NEW_SURVEY, "age_bands": [], "voice_groups": [], "cohort": "",
                                    "opens_at": "2026-11-20T09:00", "closes_at": "2026-12-20T17:00"})
    survey = db.session.scalar(sa.select(Survey).where(Survey.title == "Your school"))
    browser.post(f"/staff/surveys/{survey.id}/publish")
    # The test's requests share one app context (the savepoint session), so the staff pages' forced English
    # would carry over to the young person's request; in the product each request has its own.
    g.pop("locale", None)
    shown = api_as(young_person=YoungPersonFactory(language="ar")).get(f"/api/v1/me/surveys/{survey.id}").json
    assert shown["questions"][0]["prompt"] == "هل تحب المدرسة؟" and shown["questions"][0]["options"][2] == "لا"


# --- "Change survey details" ---------------------------------------------------------------------------------

DETAILS = {"title": "Your school life", "description": "Six questions about school", "cohort": "child_in_care",
           "age_bands": ["13-15", "16-17"], "voice_groups": "send", "opens_at": "2027-01-11T09:00",
           "closes_at": "2027-02-08T17:00", "title_vi": "Cuộc sống ở trường"}


def _draft():
    return SurveyFactory(questions__draft=True, cohort="child_in_care", age_bands=["13-15"], voice_groups=["send"],
                         opens_at=utcnow() + timedelta(days=40), closes_at=utcnow() + timedelta(days=70))


def test_the_details_form_shows_the_survey_as_it_is(as_role, clock):
    survey = _draft()
    page = as_role("voice_officer").get(f"/staff/surveys/{survey.id}/details")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Change survey details" in html and 'value="Your home"' in html


def test_the_voice_team_changes_a_survey_s_details_and_it_is_audited(as_role, clock):
    survey = _draft()
    saved = as_role("voice_officer").post(f"/staff/surveys/{survey.id}/details", DETAILS)
    changed = _survey(survey.id)
    assert saved.status_code == 303 and saved.headers["Location"].endswith(f"/staff/surveys/{survey.id}")
    assert (changed.title, changed.description, changed.age_bands) == ("Your school life",
                                                                      "Six questions about school", ["13-15", "16-17"])
    assert changed.opens_at.hour == 9 and changed.closes_at.day == 8
    assert changed.translations == {"vi": {"title": "Cuộc sống ở trường"}}
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "survey.details"))
    assert event.object_id == survey.id and "title" in event.detail["changed"]


def test_unticking_every_age_means_every_age_and_a_blank_description_clears_it(as_role, clock):
    survey = _draft()
    body = {**DETAILS, "age_bands": [], "description": ""}
    as_role("voice_officer").post(f"/staff/surveys/{survey.id}/details", body)
    assert (_survey(survey.id).age_bands, _survey(survey.id).description) == ([], "")


def _refused(as_role, survey, change):
    refused = as_role("voice_officer").post(f"/staff/surveys/{survey.id}/details", {**DETAILS, **change})
    return refused.status_code, text_of(refused)


def test_a_blank_title_is_refused_beside_the_title(as_role, clock):
    status, page = _refused(as_role, _draft(), {"title": ""})
    assert status == 422 and "Give the survey a title (up to 200 characters)" in page
    assert "Six questions about school" in page          # what was typed is shown again


def test_a_date_that_is_not_a_date_is_refused_beside_it(as_role, clock):
    status, page = _refused(as_role, _draft(), {"opens_at": "next week"})
    assert status == 422 and "Enter when it opens, like 2026-12-01T09:00" in page


def test_closing_before_opening_is_refused_beside_the_closing_date(as_role, clock):
    status, page = _refused(as_role, _draft(), {"closes_at": "2027-01-01T09:00"})
    assert status == 422 and "A survey must close after it opens" in page


def test_an_unknown_cohort_is_refused_beside_it(as_role, clock):
    status, page = _refused(as_role, _draft(), {"cohort": "everyone_else"})
    assert status == 422 and "Choose who it is for" in page


def test_narrowing_the_audience_after_invitations_is_refused_and_nothing_changes(as_role, clock):
    survey = SurveyFactory(age_bands=["13-15", "16-17"])
    officer = as_role("voice_officer")
    officer.post(f"/staff/surveys/{survey.id}/invitations")
    status, page = _refused(as_role, survey, {"opens_at": "2026-11-20T09:00", "age_bands": ["13-15"],
                                              "cohort": "", "voice_groups": []})
    assert status == 409 and "its audience can grow but not shrink" in page
    assert _survey(survey.id).title == "Your home"


def test_an_open_survey_cannot_be_made_to_open_later(as_role, clock):
    survey = SurveyFactory()
    status, page = _refused(as_role, survey, {"cohort": "", "age_bands": [], "voice_groups": [],
                                              "opens_at": "2026-12-01T09:00"})
    assert status == 409 and "its opening date cannot move later" in page


def test_a_caseworker_cannot_change_a_survey_s_details(as_role, clock):
    survey = _draft()
    assert as_role("senior_leader").get(f"/staff/surveys/{survey.id}/details").status_code == 403
    assert as_role("senior_leader").post(f"/staff/surveys/{survey.id}/details", DETAILS).status_code == 403
