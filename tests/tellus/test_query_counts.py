"""Lists cost the same number of SQL statements however many messages and replies they show (schemas never query)."""
import contextlib

import pytest
import sqlalchemy as sa

from tests.factories import StaffFactory, YoungPersonFactory
from tests.staff_pages.test_pages import Browser
from voiceapp.extensions import db

REPLIES_EACH = 4


@contextlib.contextmanager
def statements():
    """Collects every SQL statement sent to the database while the block runs."""
    sent = []

    def count(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def thread(young, leader, body):
    """A message with four thread entries: two staff replies and two from the young person."""
    message_id = young.post("/api/v1/me/messages", json={"kind": "unhappy", "body": body}).json["id"]
    for n in range(REPLIES_EACH // 2):
        assert leader.post(f"/api/v1/messages/{message_id}/replies", json={"body": f"We are on it ({n})"}
                           ).status_code == 201
        assert young.post(f"/api/v1/me/messages/{message_id}/replies", json={"body": f"Still waiting ({n})"}
                          ).status_code == 201
    return message_id


def cost(request):
    db.session.expunge_all()      # as in a new request: nothing already loaded in the session
    with statements() as sent:
        response = request()
    assert response.status_code == 200
    return len(sent)


@pytest.fixture
def leader(api_as):
    return api_as("senior_leader", email="leader@example.org")


def my_messages_cost(api_as, leader, messages):
    young = api_as(young_person=YoungPersonFactory())
    for n in range(messages):
        thread(young, leader, f"My social worker never rings me back, week {n}")
    listed = young.get("/api/v1/me/messages").json
    assert len(listed) == messages and all(len(m["replies"]) == REPLIES_EACH for m in listed)
    return cost(lambda: young.get("/api/v1/me/messages"))


def test_my_messages_cost_the_same_for_one_thread_or_five(api_as, leader):
    one = my_messages_cost(api_as, leader, 1)
    five = my_messages_cost(api_as, leader, 5)
    print(f"GET /me/messages: {one} statements for 1x{REPLIES_EACH}, {five} for 5x{REPLIES_EACH}")
    assert five == one


def _senders(api_as, leader, messages, offset):
    """Each message from a young person of their own, so no sender is already known."""
    for n in range(messages):
        thread(api_as(young_person=YoungPersonFactory()), leader, f"Nobody came to my review ({offset + n})")


def test_the_triage_list_costs_the_same_for_one_message_or_five(api_as, leader):
    _senders(api_as, leader, 1, 0)
    one = cost(lambda: leader.get("/api/v1/messages"))
    _senders(api_as, leader, 4, 1)
    assert leader.get("/api/v1/messages").json["total"] == 5
    five = cost(lambda: leader.get("/api/v1/messages"))
    print(f"GET /api/v1/messages: {one} statements for 1x{REPLIES_EACH}, {five} for 5x{REPLIES_EACH}")
    assert five == one


def test_the_staff_message_page_costs_the_same_for_one_message_or_five(app, api_as, leader):
    browser = Browser(app)
    user = StaffFactory(role="senior_leader")
    assert browser.sign_in(user).status_code == 302
    _senders(api_as, leader, 1, 0)
    one = cost(lambda: browser.get("/staff/messages"))
    _senders(api_as, leader, 4, 1)
    five = cost(lambda: browser.get("/staff/messages"))
    print(f"GET /staff/messages: {one} statements for 1x{REPLIES_EACH}, {five} for 5x{REPLIES_EACH}")
    assert five == one
