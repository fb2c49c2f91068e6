"""Surveys one question per screen with a check before sending; My data: see, download and delete."""
import json

import sqlalchemy as sa

from tests.factories import SurveyFactory
from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.safeguarding import alerts
from voiceapp.surveys.models import QuestionKind, SurveyResponse
from voiceapp.tellus.models import Message


def _response():
    return db.session.scalar(sa.select(SurveyResponse))


ANSWERS = [{"value": "4"}, {"value": "1"}, {"value": ["0", "2"]}, {"value": "true"}, {"value": "More trips"}]


def test_every_question_type_is_answered_one_per_screen_then_checked_and_sent(signed_in):
    survey = SurveyFactory()
    for number, answer in enumerate(ANSWERS, 1):
        assert signed_in.post(f"/surveys/{survey.id}/{number}", answer).status_code == 303
    page = signed_in.text(f"/surveys/{survey.id}/check")
    assert "Children&#39;s home" in page and "Carer, Teacher" in page and "More trips" in page
    assert signed_in.post(f"/surveys/{survey.id}/check").headers["Location"].endswith("/sent")
    assert _response().submitted_at is not None


def test_a_survey_is_resumed_at_the_first_question_not_answered(signed_in):
    survey = SurveyFactory()
    signed_in.post(f"/surveys/{survey.id}/1", ANSWERS[0])
    assert f"/surveys/{survey.id}/2" in signed_in.text(f"/surveys/{survey.id}")
    assert 'value="4" checked' in signed_in.text(f"/surveys/{survey.id}/1")


def test_a_required_question_left_empty_is_explained_beside_it(signed_in):
    survey = SurveyFactory()
    response = signed_in.post(f"/surveys/{survey.id}/1", {"action": "save"})
    assert response.status_code == 422 and 'href="#value"' in response.get_data(as_text=True)


def test_sending_without_a_required_answer_says_so(signed_in):
    survey = SurveyFactory()
    response = signed_in.post(f"/surveys/{survey.id}/check")
    assert response.status_code == 422 and _response() is None or _response().submitted_at is None


def test_everything_we_hold_is_readable_in_the_browser_and_downloadable(signed_in):
    signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Nobody rings back", "reply_channel": "web"})
    assert "Nobody rings back" in signed_in.text("/my-data/everything")
    download = signed_in.get("/my-data/download")
    assert "attachment" in download.headers["Content-Disposition"]
    assert json.loads(download.get_data(as_text=True))["messages"][0]["body"] == "Nobody rings back"


def test_a_message_they_sent_can_be_deleted(signed_in):
    signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Delete me", "reply_channel": "web"})
    message = db.session.scalar(sa.select(Message))
    signed_in.get("/my-data")
    assert signed_in.post(f"/my-data/message/{message.id}/delete").status_code == 303
    assert db.session.scalar(sa.select(Message)) is None


def test_an_open_safety_alert_stops_deleting_the_account_and_says_why(signed_in, young_person):
    alerts.report_unsafe(young_person_id=young_person.id, channel=Channel.WEB)
    signed_in.get("/my-data/delete-account")
    response = signed_in.post("/my-data/delete-account")
    assert response.status_code == 409 and "safety team" in response.get_data(as_text=True)


def test_a_question_the_skip_logic_leaves_out_is_not_asked_or_checked(signed_in):
    survey = SurveyFactory(questions=[
        dict(kind=QuestionKind.YES_NO, prompt="Do you have a social worker?"),
        dict(kind=QuestionKind.FREE_TEXT, prompt="What do they do well?", show_if={"question": 1, "answers": [1]}),
        dict(kind=QuestionKind.FREE_TEXT, prompt="Anything else?"),
    ])
    assert signed_in.post(f"/surveys/{survey.id}/1", {"value": "false"}).headers["Location"].endswith(
        f"/surveys/{survey.id}/3")
    assert "What do they do well?" not in signed_in.text(f"/surveys/{survey.id}/check")
