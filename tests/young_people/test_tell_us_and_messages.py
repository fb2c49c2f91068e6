"""Tell Us, We Care on the website: the three kinds, how to be answered, what happens next, and the thread."""
import sqlalchemy as sa

from tests.factories import StaffFactory
from voiceapp.auth.actors import Actor
from voiceapp.extensions import db
from voiceapp.promises.services import current_set
from voiceapp.tellus import casework, replies
from voiceapp.tellus.models import Message, ReplyChannel, Status


def _message():
    return db.session.scalar(sa.select(Message))


def test_a_message_is_sent_and_the_confirmation_says_what_happens_next_and_by_when(signed_in):
    response = signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Nobody rings back",
                                                 "reply_channel": "web"})
    message = _message()
    assert response.headers["Location"].endswith(f"/messages/{message.id}?sent=1")
    page = signed_in.text(f"/messages/{message.id}?sent=1")
    assert "Message sent" in page and "will read your message by" in page and "answer you by" in page


def test_a_broken_promise_must_say_which_promise(signed_in):
    response = signed_in.post("/tell-us/write", {"kind": "promise_not_kept", "body": "Not kept"})
    assert response.status_code == 422 and 'href="#promise_id"' in response.get_data(as_text=True)
    assert _message() is None


def test_a_broken_promise_message_names_the_promise(signed_in, young_person):
    promise = current_set(young_person.cohort).promises[0]
    signed_in.post("/tell-us/write", {"kind": "promise_not_kept", "promise_id": str(promise.id), "body": "No"})
    assert _message().promise_id == promise.id


def test_praise_names_who_and_can_be_anonymous_without_an_answer(signed_in):
    signed_in.post("/tell-us/write", {"kind": "praise", "praise_for": "my social worker", "body": "Thank you",
                                      "reply_channel": "none", "anonymous": "yes"})
    message = _message()
    assert (message.praise_for, message.anonymous, message.wants_reply) == ("my social worker", True, False)


def test_an_answer_through_their_worker_is_kept(signed_in):
    signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Help", "reply_channel": "worker"})
    assert _message().reply_channel == ReplyChannel.WORKER


def test_an_empty_message_is_explained_beside_the_box(signed_in):
    response = signed_in.post("/tell-us/write", {"kind": "unhappy", "body": ""})
    assert response.status_code == 422 and 'href="#body"' in response.get_data(as_text=True)


def test_a_staff_reply_appears_in_the_thread_and_they_can_write_back(signed_in):
    signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Nobody rings back", "reply_channel": "web"})
    message = _message()
    leader = Actor.for_staff(StaffFactory(role="senior_leader"))
    replies.reply_to_message(actor=leader, message_id=message.id, body="I will ring you today.")
    page = signed_in.text(f"/messages/{message.id}")
    assert "I will ring you today." in page and "The council wrote" in page
    signed_in.post(f"/messages/{message.id}/reply", {"body": "Thanks"})
    assert "Thanks" in signed_in.text(f"/messages/{message.id}")


def test_are_you_happy_is_asked_when_the_message_closes_and_no_opens_it_again(signed_in):
    signed_in.post("/tell-us/write", {"kind": "unhappy", "body": "Nobody rings back", "reply_channel": "web"})
    message = _message()
    leader = Actor.for_staff(StaffFactory(role="senior_leader"))
    for status in ("acknowledged", "responded"):
        casework.change_status(actor=leader, message_id=message.id, status=Status(status))
    casework.change_status(actor=leader, message_id=message.id, status=Status.CLOSED, outcome="resolved")
    assert "Are you happy with our answer?" in signed_in.text(f"/messages/{message.id}")
    signed_in.post(f"/messages/{message.id}/happy", {"answer": "no", "why": "Still no call"})
    assert _message().status != Status.CLOSED


def test_someone_else_s_message_is_not_found(signed_in):
    assert signed_in.get("/messages/5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10").status_code == 404
