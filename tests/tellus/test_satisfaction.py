"""After closing, the young person is asked if they are happy with the answer; "no" opens the message again."""
from uuid import UUID

import pytest
import sqlalchemy as sa

from tests.tellus.support import emails
from voiceapp.extensions import db
from voiceapp.tellus.models import SatisfactionAnswer


def close(client, message_id, outcome="resolved"):
    return client.post(f"/api/v1/messages/{message_id}/status", json={"status": "closed", "outcome": outcome})


def answer(client, message_id, **body):
    return client.post(f"/api/v1/me/messages/{message_id}/satisfaction", json=body)


@pytest.fixture
def closed(yp, leader, send):
    message = send(yp)
    close(leader, message["id"])
    return message


def test_closing_asks_in_the_web_inbox_if_they_are_happy(yp, closed):
    mine = yp.get(f"/api/v1/me/messages/{closed['id']}").json
    assert mine["asks_satisfaction"] is True
    assert mine["replies"][-1]["kind"] == "satisfaction_question"
    assert "Are you happy with our answer" in mine["replies"][-1]["body"]


def test_closing_asks_by_text_when_they_chose_texts(texter, leader, send, delivered_texts):
    message = send(texter, reply_channel="sms")
    close(leader, message["id"])
    assert any("Are you happy with our answer" in t["body"] for t in delivered_texts())


def test_no_question_is_asked_when_they_wanted_no_reply(yp, leader, send):
    message = send(yp, kind="praise", praise_for="Sam", wants_reply=False)
    close(leader, message["id"])
    assert yp.get(f"/api/v1/me/messages/{message['id']}").json["asks_satisfaction"] is False
    assert answer(yp, message["id"], answer="yes").status_code == 409


@pytest.mark.parametrize("said", ["yes", "partly"])
def test_a_yes_or_partly_is_stored_for_the_report_and_the_message_stays_closed(yp, closed, said):
    response = answer(yp, closed["id"], answer=said, why="They rang me")
    assert response.status_code == 201 and response.json["status"] == "closed"
    stored = db.session.scalar(sa.select(SatisfactionAnswer))
    assert (stored.answer.value, stored.outcome.value) == (said, "resolved")
    assert response.json["replies"][-1]["body"] == "They rang me"


def test_a_no_reopens_the_message_and_emails_its_owner(yp, leader, closed, sent_email):
    response = answer(yp, closed["id"], answer="no", why="Nothing has changed")
    assert response.json["status"] == "acknowledged"
    assert "look" in response.json["next_step"]
    unhappy = emails(sent_email, "Not happy with our answer")
    assert [e["to"] for e in unhappy] == ["leader@example.org"]
    assert "Nothing has changed" not in unhappy[0]["body"]


def test_staff_see_the_answer_and_why_in_the_thread(yp, leader, closed):
    answer(yp, closed["id"], answer="no", why="Nothing has changed")
    seen = leader.get(f"/api/v1/messages/{closed['id']}").json
    assert [a["answer"] for a in seen["satisfaction_answers"]] == ["no"]
    assert seen["thread"][-1]["body"] == "Nothing has changed"


def test_the_young_person_sees_what_they_told_us_and_it_is_in_their_download(yp, closed):
    answer(yp, closed["id"], answer="partly")
    assert [a["answer"] for a in yp.get(f"/api/v1/me/messages/{closed['id']}").json["satisfaction"]] == ["partly"]
    assert yp.get("/api/v1/me/export").json["messages"][0]["satisfaction"][0]["answer"] == "partly"


def test_a_question_is_answered_once(yp, closed):
    answer(yp, closed["id"], answer="yes")
    assert answer(yp, closed["id"], answer="no").status_code == 409


def test_the_reason_is_screened_like_any_other_words(yp, closed):
    from voiceapp import signals
    heard = []

    def listener(source_type, **kwargs):
        heard.append((source_type, kwargs["text"]))
    signals.free_text_received.connect(listener)
    try:
        answer(yp, closed["id"], answer="no", why="My carer hits me")
    finally:
        signals.free_text_received.disconnect(listener)
    assert heard == [("message_reply", "My carer hits me")]


@pytest.mark.parametrize("body", [{"answer": "maybe"}, {}, {"answer": "no", "why": "x" * 2001},
                                  {"answer": "no", "mood": "sad"}])
def test_bad_answers_are_refused(yp, closed, body):
    assert answer(yp, closed["id"], **body).status_code == 422


def test_a_young_person_cannot_answer_for_someone_else_s_message(api_as, closed):
    from tests.factories import YoungPersonFactory
    other = api_as(young_person=YoungPersonFactory())
    assert answer(other, closed["id"], answer="no").status_code == 404
    assert db.session.scalar(sa.select(SatisfactionAnswer)) is None


def test_after_a_no_the_next_close_asks_again(yp, leader, closed, clock):
    answer(yp, closed["id"], answer="no")
    clock.shift(60)
    close(leader, closed["id"], "partly_resolved")
    assert answer(yp, closed["id"], answer="partly").status_code == 201
    answers = db.session.scalars(sa.select(SatisfactionAnswer.answer).where(
        SatisfactionAnswer.message_id == UUID(closed["id"])).order_by(SatisfactionAnswer.created_at)).all()
    assert [a.value for a in answers] == ["no", "partly"]


def test_a_texted_answer_finds_the_waiting_question_and_is_recorded(texter, leader, send):
    from voiceapp.auth.actors import Actor
    from voiceapp.channel_enum import Channel
    from voiceapp.tellus import satisfaction
    message = send(texter, reply_channel="sms")
    close(leader, message["id"])
    waiting = satisfaction.waiting_question(texter.id)
    assert str(waiting.id) == message["id"]
    satisfaction.record_answer(actor=Actor(kind="young_person", id=texter.id), message_id=waiting.id,
                               answer="no", why="Still waiting", channel=Channel.SMS)
    assert satisfaction.waiting_question(texter.id) is None
    assert texter.get(f"/api/v1/me/messages/{message['id']}").json["status"] == "acknowledged"
