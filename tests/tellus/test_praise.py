"""Praise is passed on to the named person's manager by email, and counted for the report."""
import pytest
import sqlalchemy as sa

from tests.tellus.support import emails
from voiceapp.extensions import db
from voiceapp.tellus.models import PraisePass


@pytest.fixture
def praise(yp, send):
    return send(yp, kind="praise", praise_for="Sam, my PA", body="Sam helped me get my flat and is always kind")


def pass_on(client, message_id, **body):
    return client.post(f"/api/v1/messages/{message_id}/praise",
                       json={"manager_email": "manager@example.org", **body})


def test_praise_is_emailed_to_the_named_person_s_manager(leader, praise, sent_email):
    assert pass_on(leader, praise["id"], note="The young person says Sam is always kind.").status_code == 200
    [email] = emails(sent_email, "Praise for")
    assert email["to"] == "manager@example.org" and "Sam, my PA" in email["subject"]
    assert "always kind" in email["body"]


def test_the_young_person_s_own_words_are_never_emailed(leader, praise, sent_email):
    pass_on(leader, praise["id"])
    assert all("get my flat" not in email["body"] for email in sent_email)


def test_passing_on_praise_closes_it_with_that_outcome_and_counts_it(leader, praise):
    closed = pass_on(leader, praise["id"], person_name="Sam Jones").json
    assert (closed["status"], closed["outcome"]) == ("closed", "praise_passed_on")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PraisePass)) == 1
    assert db.session.scalar(sa.select(PraisePass.person_name)) == "Sam Jones"


def test_the_young_person_is_told_their_thanks_were_passed_on(yp, leader, praise):
    pass_on(leader, praise["id"])
    bodies = [r["body"] for r in yp.get(f"/api/v1/me/messages/{praise['id']}").json["replies"]]
    assert any("passed your thanks for Sam, my PA on to their manager" in body for body in bodies)


def test_praise_with_nobody_named_needs_a_name(yp, leader, send):
    message = send(yp)
    response = pass_on(leader, message["id"])
    assert response.status_code == 422 and "person_name" in response.json["errors"]


@pytest.mark.parametrize("body", [{"manager_email": "not an email"}, {"manager_email": "m@example.org", "cc": "x"}])
def test_bad_praise_requests_are_refused(leader, praise, body):
    assert leader.post(f"/api/v1/messages/{praise['id']}/praise", json=body).status_code == 422
