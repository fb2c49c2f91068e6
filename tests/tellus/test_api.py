"""Tell Us, We Care over the web: a young person sends and follows; staff triage and answer."""
import pytest
import sqlalchemy as sa

from tests.factories import MessageFactory, YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.tellus.models import Message, MessageNote


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def first_promise_id(client):
    return client.get("/api/v1/me/promises").json["promises"][0]["id"]


def test_a_young_person_tells_senior_leaders_a_promise_was_not_kept(yp):
    response = yp.post("/api/v1/me/messages", json={
        "kind": "promise_not_kept", "promise_id": first_promise_id(yp), "body": "Nobody told me about the move"})
    assert response.status_code == 201
    message = response.json
    assert message["status"] == "received" and message["received_at"]
    assert message["reply_channel"] == "web"


def test_a_broken_promise_message_is_tagged_with_that_promise_s_priority(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={
        "kind": "promise_not_kept", "promise_id": first_promise_id(yp), "body": "x"}).json["id"]
    assert api_as("senior_leader").get(f"/api/v1/messages/{message_id}").json["themes"] == [4]


def test_praise_names_who_worked_hard(yp):
    response = yp.post("/api/v1/me/messages", json={"kind": "praise", "praise_for": "My PA, Sam",
                                                    "body": "Sam helped me get my flat", "wants_reply": False})
    assert response.status_code == 201
    assert response.json["praise_for"] == "My PA, Sam"
    assert response.json["reply_channel"] is None


@pytest.mark.parametrize("body, field", [
    ({"kind": "promise_not_kept", "body": "x"}, "promise_id"),
    ({"kind": "unhappy", "body": "x", "promise_id": "00000000-0000-4000-8000-000000000000"}, "promise_id"),
    ({"kind": "unhappy", "body": ""}, "body"),
    ({"kind": "unhappy", "body": "x" * 5001}, "body"),
    ({"kind": "complaint", "body": "x"}, "kind"),
    ({"kind": "unhappy", "body": "x", "reply_channel": "pigeon"}, "reply_channel"),
    ({"kind": "unhappy", "body": "x", "reply_channel": "sms"}, "reply_channel"),
    ({"kind": "unhappy", "body": "x", "status": "closed"}, "status"),
    ({"kind": "unhappy", "body": 12}, "body"),
])
def test_bad_messages_get_a_4xx_naming_the_field_and_nothing_is_stored(yp, body, field):
    response = yp.post("/api/v1/me/messages", json=body)
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert count(Message) == 0


def test_a_message_for_a_promise_of_another_cohort_is_refused(yp, api_as):
    leaver = api_as(young_person=YoungPersonFactory(cohort="care_leaver", age_band="18-21"))
    response = yp.post("/api/v1/me/messages", json={
        "kind": "promise_not_kept", "promise_id": first_promise_id(leaver), "body": "x"})
    assert response.status_code == 422
    assert count(Message) == 0


def test_the_young_person_follows_their_message_and_sees_the_reply(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "No one rings back"}).json["id"]
    leader = api_as("senior_leader")
    assert leader.post(f"/api/v1/messages/{message_id}/replies", json={"body": "I will ring you today"}).status_code == 201
    mine = yp.get(f"/api/v1/me/messages/{message_id}").json
    assert mine["status"] == "responded"
    assert mine["acknowledged_at"] and mine["responded_at"]
    assert [(r["author"], r["body"]) for r in mine["replies"]] == [("staff", "I will ring you today")]


def test_internal_notes_are_never_shown_to_the_young_person(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message_id}/notes", json={"body": "Carer under review"})
    assert leader.get(f"/api/v1/messages/{message_id}").json["notes"][0]["body"] == "Carer under review"
    mine = yp.get(f"/api/v1/me/messages/{message_id}")
    assert b"Carer under review" not in mine.data
    assert "notes" not in mine.json and "assigned_to_id" not in mine.json


def test_a_reply_by_sms_goes_through_the_outbound_service(api_as, sent_sms):
    person = YoungPersonFactory(phone="07911 123456")
    texter = api_as(young_person=person)
    message_id = texter.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x",
                                                          "reply_channel": "sms"}).json["id"]
    api_as("senior_leader").post(f"/api/v1/messages/{message_id}/replies", json={"body": "We hear you"})
    assert sent_sms == [{"to": "+447911123456", "body": "We hear you"}]


def test_staff_move_a_message_through_its_life_and_each_step_is_stamped(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    leader = api_as("senior_leader")
    for change in ({"status": "acknowledged"}, {"status": "closed", "outcome": "resolved"}):
        assert leader.post(f"/api/v1/messages/{message_id}/status", json=change).status_code == 200
    seen = leader.get(f"/api/v1/messages/{message_id}").json
    assert seen["closed_at"] and seen["acknowledged_at"]
    assert [e["to_status"] for e in seen["events"]] == ["acknowledged", "closed"]


def test_a_closed_message_can_be_reopened_by_staff(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message_id}/status", json={"status": "closed", "outcome": "resolved"})
    reopened = leader.post(f"/api/v1/messages/{message_id}/status", json={"status": "acknowledged"}).json
    assert reopened["status"] == "acknowledged" and reopened["closed_at"] is None


def test_writing_back_to_a_closed_message_reopens_it(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    api_as("senior_leader").post(f"/api/v1/messages/{message_id}/status",
                                 json={"status": "closed", "outcome": "resolved"})
    assert yp.post(f"/api/v1/me/messages/{message_id}/replies", json={"body": "Still not sorted"}).status_code == 201
    assert yp.get(f"/api/v1/me/messages/{message_id}").json["status"] == "acknowledged"


def test_a_status_step_that_is_not_allowed_is_a_conflict(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message_id}/status", json={"status": "closed", "outcome": "resolved"})
    response = leader.post(f"/api/v1/messages/{message_id}/status", json={"status": "responded"})
    assert response.status_code == 409
    assert "status" in response.json["errors"]


def test_nothing_closes_a_message_without_a_member_of_staff(app):
    from voiceapp.database import utcnow
    from voiceapp.errors import Conflict
    from voiceapp.tellus.models import Status
    message = MessageFactory()
    with pytest.raises(Conflict):
        message.move_to(Status.CLOSED, when=utcnow())


def test_the_triage_list_filters_and_puts_the_oldest_first(api_as, clock):
    older = MessageFactory(kind="praise")
    clock.shift(3600)
    newer = MessageFactory(kind="unhappy")
    leader = api_as("senior_leader")
    everything = leader.get("/api/v1/messages").json
    assert [m["id"] for m in everything["items"]] == [str(older.id), str(newer.id)]
    only_praise = leader.get("/api/v1/messages?kind=praise").json
    assert only_praise["total"] == 1 and only_praise["items"][0]["id"] == str(older.id)
    assert leader.get("/api/v1/messages?kind=nonsense").status_code == 422


def test_anonymous_messages_hide_who_sent_them_from_staff(yp, api_as):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x", "anonymous": True}).json["id"]
    sender = api_as("senior_leader").get(f"/api/v1/messages/{message_id}").json["sender"]
    assert "young_person_id" not in sender
    assert sender["cohort"] == "child_in_care"


def test_a_priority_lead_sees_only_messages_of_their_theme_or_given_to_them(api_as):
    lead = api_as("priority_lead")
    themed = MessageFactory()
    other = MessageFactory()
    leader = api_as("senior_leader")
    leader.put(f"/api/v1/messages/{themed.id}/themes", json={"themes": [3]})
    ids = [m["id"] for m in lead.get("/api/v1/messages").json["items"]]
    assert ids == [str(themed.id)]
    assert lead.get(f"/api/v1/messages/{other.id}").status_code == 404
    leader.put(f"/api/v1/messages/{other.id}/assignee", json={"staff_id": str(lead.id)})
    assert lead.get(f"/api/v1/messages/{other.id}").status_code == 200


def test_messages_are_only_assigned_to_senior_leaders_or_priority_leads(api_as):
    message = MessageFactory()
    board = api_as("board_member")
    response = api_as("senior_leader").put(f"/api/v1/messages/{message.id}/assignee", json={"staff_id": str(board.id)})
    assert response.status_code == 422


def test_unknown_themes_are_refused(api_as):
    message = MessageFactory()
    response = api_as("senior_leader").put(f"/api/v1/messages/{message.id}/themes", json={"themes": [9]})
    assert response.status_code == 422


def test_a_young_person_deletes_their_message(yp):
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]
    assert yp.delete(f"/api/v1/me/messages/{message_id}").status_code == 204
    assert count(Message) == 0


def test_a_legal_hold_stops_deletion_with_a_reason(yp, app):
    from voiceapp.people import holds
    message_id = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "x"}).json["id"]

    def open_alert(young_person_id, **kwargs):
        return ["a member of staff is still looking after your safety"]
    holds.register_hold(app, open_alert)   # the registry on the app starts afresh for each test
    response = yp.delete(f"/api/v1/me/messages/{message_id}")
    assert response.status_code == 409
    assert "safety" in response.json["message"]
    assert count(Message) == 1


def test_every_staff_view_of_a_message_is_audited(api_as):
    from voiceapp.audit.models import AuditEvent
    message = MessageFactory()
    leader = api_as("senior_leader")
    leader.get(f"/api/v1/messages/{message.id}")
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "message.view"))
    assert event.actor_id == leader.id and event.object_id == message.id


def test_notes_are_stored_apart_from_the_thread(api_as):
    message = MessageFactory()
    api_as("voice_officer").post(f"/api/v1/messages/{message.id}/notes", json={"body": "Called the carer"})
    assert count(MessageNote) == 1
    assert db.session.get(Message, message.id).replies == []
