"""Time limits in working days, fixed at receipt and shown in every list as on time, due soon or overdue."""
from datetime import date, datetime, timezone

import pytest

from tests.factories import MessageFactory, YoungPersonFactory
from tests.tellus.support import london_day
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.tellus.models import Status


def at(*args):
    return datetime(*args, tzinfo=timezone.utc)


# Hand-worked: day 0 is the London day of receipt (a closed day counts as the next working day).
@pytest.mark.parametrize("received, ack, response", [
    (at(2026, 11, 24, 10), date(2026, 11, 25), date(2026, 12, 8)),     # an ordinary Tuesday
    (at(2026, 11, 27, 10), date(2026, 11, 30), date(2026, 12, 11)),    # Friday: the weekend is skipped
    (at(2026, 11, 28, 10), date(2026, 12, 1), date(2026, 12, 14)),     # Saturday counts from Monday
    (at(2026, 12, 23, 10), date(2026, 12, 24), date(2027, 1, 11)),     # Christmas, Boxing Day (Mon 28) and New Year
    (at(2026, 12, 24, 10), date(2026, 12, 29), date(2027, 1, 12)),
    (at(2026, 4, 2, 10), date(2026, 4, 7), date(2026, 4, 20)),         # Good Friday and Easter Monday (CMP-01)
    (at(2026, 4, 2, 23, 30), date(2026, 4, 8), date(2026, 4, 21)),     # 00:30 BST on Good Friday: day 0 is Tue 7
])
def test_deadlines_are_fixed_at_receipt_in_working_days(api_as, send, clock, received, ack, response):
    clock.move_to(received)
    message = send(api_as(young_person=YoungPersonFactory()))
    assert (london_day(message["ack_due_at"]), london_day(message["response_due_at"])) == (ack, response)


def test_limits_follow_the_configured_working_days(app, api_as, send, clock):
    app.config.update(ACK_WORKING_DAYS=2, RESPONSE_WORKING_DAYS=5)
    message = send(api_as(young_person=YoungPersonFactory()))
    assert london_day(message["ack_due_at"]) == date(2026, 11, 26)
    assert london_day(message["response_due_at"]) == date(2026, 12, 1)


def test_assigning_later_does_not_move_the_deadline(yp, api_as, leader, send, clock):
    message = send(yp)
    clock.shift(3 * 86400)
    other = api_as("senior_leader")
    moved = other.put(f"/api/v1/messages/{message['id']}/assignee", json={"staff_id": str(other.id)}).json
    assert moved["response_due_at"] == message["response_due_at"]


def extend(client, message_id, reason="Waiting for the placement review on 10 December"):
    return client.post(f"/api/v1/messages/{message_id}/extension", json={"reason": reason})


def test_the_answer_time_limit_can_be_extended_once_to_twenty_working_days(yp, leader, send):
    message = send(yp)
    extended = extend(leader, message["id"])
    assert extended.status_code == 200
    assert london_day(extended.json["response_due_at"]) == date(2026, 12, 22)
    assert extended.json["extension_reason"] == "Waiting for the placement review on 10 December"


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_extension_without_a_reason_is_refused(yp, leader, send, reason):
    message = send(yp)
    response = extend(leader, message["id"], reason)
    assert response.status_code == 422 and "reason" in response.json["errors"]
    assert leader.get(f"/api/v1/messages/{message['id']}").json["response_due_at"] == message["response_due_at"]


def test_a_second_extension_is_refused(yp, leader, send):
    message = send(yp)
    extend(leader, message["id"])
    response = extend(leader, message["id"], "Still waiting")
    assert response.status_code == 422
    assert "once" in response.json["errors"]["reason"][0]


def test_an_answered_message_has_no_time_limit_to_extend(yp, leader, send):
    message = send(yp)
    leader.post(f"/api/v1/messages/{message['id']}/replies", json={"body": "Done"})
    assert extend(leader, message["id"]).status_code == 409


def deadline_of(client, message_id):
    return client.get(f"/api/v1/messages/{message_id}").json["deadline"]


def test_a_new_message_shows_its_acknowledge_deadline_on_time(yp, leader, send):
    message = send(yp)
    assert deadline_of(leader, message["id"]) == {"name": "acknowledge", "due_at": message["ack_due_at"],
                                                  "timeliness": "on_time"}


def test_a_deadline_within_the_due_soon_window_is_due_soon(yp, api_as, send, clock):
    message = send(yp)
    clock.move_to(at(2026, 11, 25, 12))
    assert deadline_of(api_as("senior_leader"), message["id"])["timeliness"] == "due_soon"


def test_after_acknowledgement_the_answer_deadline_counts_and_can_be_overdue(yp, api_as, send, clock):
    message = send(yp)
    api_as("senior_leader").post(f"/api/v1/messages/{message['id']}/status", json={"status": "acknowledged"})
    clock.move_to(at(2026, 12, 9, 9))
    assert deadline_of(api_as("senior_leader"), message["id"]) == {
        "name": "respond", "due_at": message["response_due_at"], "timeliness": "overdue"}


def test_an_answer_in_time_stays_on_time_and_a_late_one_shows_as_overdue(yp, api_as, send, clock):
    early, late = send(yp), send(yp)
    api_as("senior_leader").post(f"/api/v1/messages/{early['id']}/replies", json={"body": "Done"})
    clock.move_to(at(2026, 12, 10, 9))
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{late['id']}/replies", json={"body": "Sorry this is late"})
    assert deadline_of(leader, early["id"])["timeliness"] == "on_time"
    assert deadline_of(leader, late["id"])["timeliness"] == "overdue"


def test_every_list_item_shows_its_deadline_and_timeliness(yp, leader, send):
    send(yp)
    item = leader.get("/api/v1/messages").json["items"][0]
    assert item["deadline"]["timeliness"] == "on_time"
    assert item["ack_due_at"] and item["response_due_at"]


def ids(response):
    return [item["id"] for item in response.json["items"]]


def test_the_queue_puts_overdue_first_then_by_deadline_then_by_age(leader, clock):
    answered = MessageFactory(received_at=at(2026, 11, 2, 9), status=Status.RESPONDED)
    fresh = MessageFactory(received_at=at(2026, 11, 24, 9))
    older_ack = MessageFactory(received_at=at(2026, 11, 20, 9), status=Status.ACKNOWLEDGED)
    overdue = MessageFactory(received_at=at(2026, 11, 19, 9))
    assert ids(leader.get("/api/v1/messages")) == [str(m.id) for m in (overdue, fresh, older_ack, answered)]


def test_the_queue_can_be_sorted_oldest_or_newest_first(leader):
    old, new = MessageFactory(received_at=at(2026, 11, 2, 9)), MessageFactory(received_at=at(2026, 11, 23, 9))
    assert ids(leader.get("/api/v1/messages?sort=oldest")) == [str(old.id), str(new.id)]
    assert ids(leader.get("/api/v1/messages?sort=newest")) == [str(new.id), str(old.id)]


def test_the_overdue_filter_shows_only_messages_past_a_running_deadline(leader):
    overdue = MessageFactory(received_at=at(2026, 11, 19, 9))
    MessageFactory()
    MessageFactory(received_at=at(2026, 11, 2, 9), status=Status.RESPONDED)
    assert ids(leader.get("/api/v1/messages?overdue=true")) == [str(overdue.id)]
    assert str(overdue.id) not in ids(leader.get("/api/v1/messages?overdue=false"))


@pytest.mark.parametrize("query, matches", [
    ("status=acknowledged", "acked"), ("kind=praise", "praise"), ("cohort=care_leaver", "leaver"),
    ("age_band=22-25", "leaver"), ("theme=2", "themed"), ("unassigned=false", "assigned"),
    ("complaint=true", "complaint"),
])
def test_the_queue_filters(api_as, leader, query, matches):
    leaver = YoungPersonFactory(cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_22_25)
    messages = {"acked": MessageFactory(status=Status.ACKNOWLEDGED), "praise": MessageFactory(kind="praise"),
                "leaver": MessageFactory(young_person_id=leaver.id), "themed": MessageFactory(),
                "assigned": MessageFactory(assigned_to_id=leader.id), "complaint": MessageFactory()}
    leader.put(f"/api/v1/messages/{messages['themed'].id}/themes", json={"themes": [2]})
    leader.post(f"/api/v1/messages/{messages['complaint'].id}/complaint")
    assert ids(leader.get(f"/api/v1/messages?{query}")) == [str(messages[matches].id)]


def test_the_queue_filters_by_assigned_leader(api_as, leader):
    mine, _ = MessageFactory(assigned_to_id=leader.id), MessageFactory()
    assert ids(leader.get(f"/api/v1/messages?assigned_to={leader.id}")) == [str(mine.id)]


def test_every_listing_is_audited_with_the_messages_shown(leader):
    import sqlalchemy as sa
    from voiceapp.audit.models import AuditEvent
    from voiceapp.extensions import db
    shown = MessageFactory()
    leader.get("/api/v1/messages")
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "message.list"))
    assert event.actor_id == leader.id and event.detail["message_ids"] == [str(shown.id)]
