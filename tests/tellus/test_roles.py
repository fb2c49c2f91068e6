"""Who may do each piece of casework: priority leads only on their theme or their own messages; board and
council members on none; young people on none of the staff routes."""
import pytest

from tests.factories import MessageFactory

STAFF_ACTIONS = [
    ("GET", "", None),
    ("POST", "/replies", {"body": "Hello"}),
    ("POST", "/notes", {"body": "Note"}),
    ("POST", "/status", {"status": "acknowledged"}),
    ("PUT", "/themes", {"themes": [3]}),
    ("POST", "/lock", None),
    ("DELETE", "/lock", None),
    ("POST", "/extension", {"reason": "Waiting for a review"}),
    ("POST", "/praise", {"manager_email": "m@example.org", "person_name": "Sam"}),
    ("POST", "/complaint", None),
    ("POST", "/complaint/advocacy", {}),
    ("POST", "/complaint/escalation", {}),
    ("POST", "/complaint/steps", {"step": "panel"}),
    ("GET", "/complaint/letter?outcome=resolved", None),
]
IDS = [f"{method} {suffix or '/'}" for method, suffix, _ in STAFF_ACTIONS]


def call(client, message, method, suffix, body):
    return client.open(method, f"/api/v1/messages/{message.id}{suffix}", json=body)


@pytest.fixture
def lead(api_as):
    """A priority lead for strategic priority 3."""
    return api_as("priority_lead")


@pytest.mark.parametrize("method, suffix, body", STAFF_ACTIONS, ids=IDS)
def test_a_priority_lead_cannot_touch_a_message_outside_their_theme(lead, method, suffix, body):
    assert call(lead, MessageFactory(), method, suffix, body).status_code == 404


@pytest.mark.parametrize("method, suffix, body", STAFF_ACTIONS, ids=IDS)
def test_a_priority_lead_works_on_a_message_of_their_theme(lead, leader, method, suffix, body):
    message = MessageFactory()
    leader.put(f"/api/v1/messages/{message.id}/themes", json={"themes": [3]})
    assert call(lead, message, method, suffix, body).status_code not in (401, 403, 404)


@pytest.mark.parametrize("method, suffix, body", STAFF_ACTIONS, ids=IDS)
def test_a_priority_lead_works_on_a_message_given_to_them(lead, leader, method, suffix, body):
    message = MessageFactory()
    leader.put(f"/api/v1/messages/{message.id}/assignee", json={"staff_id": str(lead.id)})
    assert call(lead, message, method, suffix, body).status_code not in (401, 403, 404)


@pytest.mark.parametrize("role", ["board_member", "council_member"])
@pytest.mark.parametrize("method, suffix, body", STAFF_ACTIONS, ids=IDS)
def test_board_and_council_members_are_refused_casework(api_as, role, method, suffix, body):
    assert call(api_as(role), MessageFactory(), method, suffix, body).status_code == 403


@pytest.mark.parametrize("method, suffix, body", STAFF_ACTIONS, ids=IDS)
def test_young_people_are_refused_casework_even_on_their_own_message(yp, method, suffix, body):
    message = MessageFactory(young_person_id=yp.id)
    assert call(yp, message, method, suffix, body).status_code == 403


@pytest.mark.parametrize("role", ["board_member", "council_member"])
@pytest.mark.parametrize("method, path", [("GET", "/api/v1/messages"), ("GET", "/api/v1/reply-templates"),
                                          ("POST", "/api/v1/reply-templates")])
def test_board_and_council_members_see_no_queue_and_no_library(api_as, role, method, path):
    assert api_as(role).open(method, path, json={}).status_code == 403


def test_a_priority_lead_cannot_assign_messages(lead, leader):
    message = MessageFactory()
    leader.put(f"/api/v1/messages/{message.id}/themes", json={"themes": [3]})
    assert lead.put(f"/api/v1/messages/{message.id}/assignee", json={"staff_id": str(lead.id)}).status_code == 403


def test_staff_cannot_answer_the_satisfaction_question_for_a_young_person(leader):
    message = MessageFactory()
    assert leader.post(f"/api/v1/me/messages/{message.id}/satisfaction", json={"answer": "yes"}).status_code == 403
