"""The whole life of a message: received, acknowledged, answered on the young person's channel, closed with
an outcome, reopened, and written back to; staff hear of each step by email."""
import ast
from pathlib import Path
from uuid import UUID

import pytest
import sqlalchemy as sa

from tests.factories import MessageFactory
from tests.tellus.support import emails
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.database import utcnow
from voiceapp.errors import Conflict, NotAllowed
from voiceapp.extensions import db
from voiceapp.promises.services import priority_by_number
from voiceapp.tellus import casework
from voiceapp.tellus.models import TRANSITIONS, Message, Status

OUTCOMES = ["resolved", "partly_resolved", "not_upheld", "referred_to_complaints", "praise_passed_on"]


def status(client, message_id, change):
    return client.post(f"/api/v1/messages/{message_id}/status", json=change)


def test_a_new_message_is_emailed_to_senior_leaders_and_its_theme_lead_without_its_words(
        yp, api_as, leader, sent_email):
    api_as("priority_lead", email="lead4@example.org", priority_id=priority_by_number(4).id)
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    yp.post("/api/v1/me/messages", json={"kind": "promise_not_kept", "promise_id": promise_id,
                                         "body": "Nobody told me about the move"})
    new = emails(sent_email, "New:")
    assert {email["to"] for email in new} == {"leader@example.org", "lead4@example.org"}
    assert all("Nobody told me" not in email["body"] for email in new)


def test_acknowledging_tells_a_texting_young_person_when_they_will_be_answered(
        texter, leader, send, delivered_texts):
    message = send(texter, reply_channel="sms")
    assert status(leader, message["id"], {"status": "acknowledged"}).status_code == 200
    texts = delivered_texts()
    assert len(texts) == 1 and "has read your message" in texts[0]["body"]
    assert "Tuesday 8 December" in texts[0]["body"]


def test_a_web_reply_appears_in_the_young_person_s_inbox_and_nothing_is_texted(yp, leader, send, sent_sms):
    message = send(yp)
    leader.post(f"/api/v1/messages/{message['id']}/replies", json={"body": "I will ring you today"})
    mine = yp.get(f"/api/v1/me/messages/{message['id']}").json
    assert [(r["author"], r["kind"], r["body"]) for r in mine["replies"]] == [
        ("staff", "reply", "I will ring you today")]
    assert sent_sms == []


def test_an_sms_reply_is_texted_and_kept_in_the_thread(texter, leader, send, sent_sms):
    message = send(texter, reply_channel="sms")
    leader.post(f"/api/v1/messages/{message['id']}/replies", json={"body": "We hear you"})
    assert sent_sms == [{"to": "+447911123456", "body": "We hear you"}]
    assert texter.get(f"/api/v1/me/messages/{message['id']}").json["replies"][0]["body"] == "We hear you"


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_closing_records_each_outcome(yp, leader, send, outcome):
    message = send(yp)
    closed = status(leader, message["id"], {"status": "closed", "outcome": outcome}).json
    assert closed["status"] == "closed" and closed["outcome"] == outcome


def test_closing_without_an_outcome_is_refused_and_nothing_changes(yp, leader, send):
    message = send(yp)
    response = status(leader, message["id"], {"status": "closed"})
    assert response.status_code == 422 and "outcome" in response.json["errors"]
    assert db.session.get(Message, UUID(message["id"])).status == Status.RECEIVED


@pytest.mark.parametrize("start, end", [(start.value, end.value) for start, ends in TRANSITIONS.items()
                                        for end in sorted(ends) if Status.CLOSED not in (start, end)])
def test_each_open_transition_is_allowed_and_recorded_with_who_made_it(yp, leader, send, start, end):
    message = send(yp)
    if start != "received":
        status(leader, message["id"], {"status": start})
    assert status(leader, message["id"], {"status": end}).json["status"] == end
    events = leader.get(f"/api/v1/messages/{message['id']}").json["events"]
    assert events[-1]["to_status"] == end and events[-1]["actor_staff_id"] == str(leader.id)


def test_a_closed_message_cannot_jump_to_answered(yp, leader, send):
    message = send(yp)
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    assert status(leader, message["id"], {"status": "responded"}).status_code == 409


def test_reopening_clears_the_outcome_and_starts_a_fresh_answer_clock(yp, api_as, leader, send, clock):
    message = send(yp)
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    clock.shift(30 * 86400)
    reopened = status(api_as("senior_leader"), message["id"], {"status": "acknowledged"}).json
    assert reopened["status"] == "acknowledged" and reopened["outcome"] is None
    assert reopened["response_due_at"] > message["response_due_at"]
    assert reopened["deadline"]["timeliness"] == "on_time"


def test_writing_back_to_a_closed_message_reopens_it_and_emails_its_owner(yp, api_as, leader, send, sent_email):
    lead = api_as("priority_lead", email="owner@example.org")
    message = send(yp)
    leader.put(f"/api/v1/messages/{message['id']}/assignee", json={"staff_id": str(lead.id)})
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    yp.post(f"/api/v1/me/messages/{message['id']}/replies", json={"body": "It is still not sorted"})
    assert yp.get(f"/api/v1/me/messages/{message['id']}").json["status"] == "acknowledged"
    back = emails(sent_email, "They wrote back")
    assert [email["to"] for email in back] == ["owner@example.org"]
    assert "still not sorted" not in back[0]["body"]


def test_assigning_a_message_emails_the_new_owner(yp, api_as, leader, send, sent_email):
    other = api_as("senior_leader", email="other@example.org")
    message = send(yp)
    leader.put(f"/api/v1/messages/{message['id']}/assignee", json={"staff_id": str(other.id)})
    assert [email["to"] for email in emails(sent_email, "Given to you")] == ["other@example.org"]


def test_the_young_person_is_told_what_happens_next_and_by_when(yp, send, clock):
    message = send(yp)
    assert message["next_step"] == ("A senior leader will read your message by Wednesday 25 November and "
                                    "answer you by Tuesday 8 December.")


def test_what_happens_next_is_told_in_the_young_person_s_language(api_as, send, clock):
    from tests.factories import YoungPersonFactory
    arabic = api_as(young_person=YoungPersonFactory(language="ar"))
    message = send(arabic)
    assert "نوفمبر" in message["next_step"] and "ديسمبر" in message["next_step"]


def test_after_an_answer_the_next_step_says_they_can_write_back(yp, leader, send):
    message = send(yp)
    leader.post(f"/api/v1/messages/{message['id']}/replies", json={"body": "Sorted"})
    assert "write back" in yp.get(f"/api/v1/me/messages/{message['id']}").json["next_step"]


def test_a_reply_to_a_closed_message_is_delivered_without_changing_its_status(yp, leader, send):
    message = send(yp)
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    assert leader.post(f"/api/v1/messages/{message['id']}/replies", json={"body": "One more thing"}).status_code == 201
    assert yp.get(f"/api/v1/me/messages/{message['id']}").json["status"] == "closed"


# PRIV-11: only a person closes a message.

@pytest.mark.parametrize("start", [s for s, nexts in TRANSITIONS.items() if Status.CLOSED in nexts])
def test_no_transition_to_closed_happens_without_a_staff_member(app, start):
    message = MessageFactory(status=start)
    with pytest.raises(Conflict):
        message.move_to(Status.CLOSED, actor_staff_id=None, when=utcnow())
    assert message.status == start


@pytest.mark.parametrize("actor", [SYSTEM, Actor(kind="young_person")])
def test_the_close_use_case_refuses_anyone_but_staff(app, actor):
    message = MessageFactory()
    with pytest.raises(NotAllowed):
        casework.close(message, actor=actor, outcome="resolved", now=utcnow())


def test_no_code_outside_the_model_sets_a_message_closed():
    """Every route to `closed` goes through Message.move_to, which demands a member of staff."""
    offenders = []
    for path in (Path(__file__).resolve().parents[2] / "voiceapp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign) and any(getattr(t, "attr", None) == "status" for t in node.targets):
                if "CLOSED" in ast.dump(node.value) and "Alert" not in ast.dump(node.value):
                    offenders.append(str(path))
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("update", "values"):
                if "Status.CLOSED" in ast.unparse(node) and "Message" in ast.unparse(node):
                    offenders.append(str(path))
    assert offenders == []


def test_every_scheduled_job_leaves_open_messages_open(app, yp, send, clock):
    from voiceapp.jobs import schedule
    message = send(yp)
    clock.shift(90 * 86400)
    schedule.run_all(app)
    assert db.session.get(Message, UUID(message["id"])).status == Status.RECEIVED


def test_a_message_with_no_risk_still_appears_in_the_triage_queue(yp, leader, send):
    message = send(yp, body="Can I have more pocket money please")
    assert [m["id"] for m in leader.get("/api/v1/messages").json["items"]] == [message["id"]]


def test_every_staff_change_is_audited(yp, leader, send):
    from voiceapp.audit.models import AuditEvent
    message = send(yp)
    status(leader, message["id"], {"status": "acknowledged"})
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    status(leader, message["id"], {"status": "acknowledged"})
    actions = db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.actor_id == leader.id)).all()
    assert {"message.status", "message.close", "message.reopen"} <= set(actions)



def test_closing_an_already_closed_message_is_refused(yp, leader, send):
    message = send(yp)
    status(leader, message["id"], {"status": "closed", "outcome": "resolved"})
    assert status(leader, message["id"], {"status": "closed", "outcome": "not_upheld"}).status_code == 409
    assert leader.get(f"/api/v1/messages/{message['id']}").json["outcome"] == "resolved"


def test_moving_an_answered_message_back_to_acknowledged_texts_nothing(texter, leader, send, delivered_texts):
    message = send(texter, reply_channel="sms")
    status(leader, message["id"], {"status": "acknowledged"})
    status(leader, message["id"], {"status": "responded"})
    status(leader, message["id"], {"status": "acknowledged"})
    assert len(delivered_texts()) == 1
