"""One writer at a time (the reply lock), and the approved replies library kept per language."""
import pytest

from tests.factories import MessageFactory


@pytest.fixture
def message():
    return MessageFactory()


@pytest.fixture
def colleague(api_as):
    return api_as("senior_leader", display_name="Sam Patel")


def lock(client, message):
    return client.post(f"/api/v1/messages/{message.id}/lock")


def reply(client, message, body="We are sorting it", **extra):
    return client.post(f"/api/v1/messages/{message.id}/replies", json={"body": body, **extra})


def test_taking_the_lock_shows_who_is_replying_until_when(colleague, leader, message):
    taken = lock(colleague, message)
    assert taken.status_code == 200 and taken.json["name"] == "Sam Patel"
    assert leader.get(f"/api/v1/messages/{message.id}").json["reply_lock"]["name"] == "Sam Patel"


def test_a_second_person_cannot_take_a_held_lock_and_is_told_who_has_it(colleague, leader, message):
    lock(colleague, message)
    refused = lock(leader, message)
    assert refused.status_code == 409 and "Sam Patel" in refused.json["message"]


def test_replying_while_someone_else_holds_the_lock_is_refused_naming_them(colleague, leader, message):
    lock(colleague, message)
    refused = reply(leader, message)
    assert refused.status_code == 409 and "Sam Patel" in refused.json["message"]
    assert leader.get(f"/api/v1/messages/{message.id}").json["thread"] == []


def test_the_holder_replies_and_the_lock_is_released(colleague, leader, message):
    lock(colleague, message)
    assert reply(colleague, message).status_code == 201
    assert leader.get(f"/api/v1/messages/{message.id}").json["reply_lock"] is None
    assert lock(leader, message).status_code == 200


def test_the_holder_can_release_the_lock_and_others_cannot(colleague, leader, message):
    lock(colleague, message)
    assert leader.delete(f"/api/v1/messages/{message.id}/lock").status_code == 409
    assert colleague.delete(f"/api/v1/messages/{message.id}/lock").status_code == 204
    assert lock(leader, message).status_code == 200


def test_renewing_your_own_lock_extends_it(colleague, message, clock):
    first = lock(colleague, message).json
    clock.shift(300)
    assert lock(colleague, message).json["expires_at"] > first["expires_at"]


def test_an_expired_lock_frees_the_message(colleague, api_as, message, clock):
    lock(colleague, message)
    clock.shift(11 * 60)
    assert reply(api_as("senior_leader"), message).status_code == 201


def test_the_lock_lease_is_configurable(app, colleague, api_as, message, clock):
    app.config["REPLY_LOCK_MINUTES"] = 30
    lock(colleague, message)
    clock.shift(20 * 60)
    assert reply(api_as("senior_leader"), message).status_code == 409


def test_replying_without_taking_the_lock_is_allowed(leader, message):
    assert reply(leader, message).status_code == 201


# The approved replies library.

def create(client, language="en", title="Thanks for telling us", body="Thank you for telling us about this."):
    return client.post("/api/v1/reply-templates", json={"language": language, "title": title, "body": body})


def test_the_voice_team_adds_approved_replies_in_each_language(api_as):
    officer = api_as("voice_officer")
    assert create(officer).status_code == 201
    assert create(officer, "ar", "شكرا", "شكرا لإخبارنا").status_code == 201
    arabic = officer.get("/api/v1/reply-templates?language=ar").json
    assert [(t["language"], t["title"]) for t in arabic] == [("ar", "شكرا")]
    assert len(officer.get("/api/v1/reply-templates").json) == 2


@pytest.mark.parametrize("role", ["senior_leader", "priority_lead"])
def test_senior_leaders_and_priority_leads_read_the_library_but_cannot_change_it(api_as, role):
    template = create(api_as("voice_officer")).json
    reader = api_as(role)
    assert reader.get("/api/v1/reply-templates?language=en").json[0]["id"] == template["id"]
    assert create(reader).status_code == 403
    assert reader.patch(f"/api/v1/reply-templates/{template['id']}", json={"title": "x"}).status_code == 403


def test_the_voice_team_edits_and_retires_an_approved_reply(api_as):
    officer = api_as("voice_officer")
    template = create(officer).json
    edited = officer.patch(f"/api/v1/reply-templates/{template['id']}", json={"body": "Thank you, truly."}).json
    assert edited["body"] == "Thank you, truly."
    officer.patch(f"/api/v1/reply-templates/{template['id']}", json={"active": False})
    assert officer.get("/api/v1/reply-templates").json == []
    assert len(officer.get("/api/v1/reply-templates?include_retired=true").json) == 1


@pytest.mark.parametrize("body", [{"language": "fr", "title": "x", "body": "y"},
                                  {"language": "en", "title": "", "body": "y"},
                                  {"language": "en", "title": "x", "body": "y", "secret": 1}])
def test_bad_approved_replies_are_refused(api_as, body):
    assert api_as("voice_officer").post("/api/v1/reply-templates", json=body).status_code == 422


def test_a_reply_started_from_an_approved_reply_is_sent_as_edited_and_the_template_is_recorded(
        api_as, leader, message):
    import sqlalchemy as sa
    from voiceapp.audit.models import AuditEvent
    from voiceapp.extensions import db
    template = create(api_as("voice_officer")).json
    edited = "Thank you for telling us about this, Jo. I will ring your carer today."
    assert reply(leader, message, edited, template_id=template["id"]).json["body"] == edited
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "message.reply"))
    assert event.detail == {"template_id": template["id"]}


def test_a_reply_naming_an_unknown_template_is_refused(leader, message):
    response = reply(leader, message, template_id="5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10")
    assert response.status_code == 422 and "template_id" in response.json["errors"]
