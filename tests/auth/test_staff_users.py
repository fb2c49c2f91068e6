"""Managing staff users (SEC-06): password rules, role rules, and only voice officers may do it."""
from uuid import UUID

import pytest
import sqlalchemy as sa

from tests.factories import StaffFactory
from voiceapp.auth.models import StaffUser
from voiceapp.extensions import db

USERS = "/api/v1/staff-users"
NEW_USER = {"email": "sam.leader@leeds.example", "display_name": "Sam Leader", "role": "senior_leader",
            "password": "a long and memorable passphrase"}
NOT_VOICE_OFFICERS = ["senior_leader", "priority_lead", "board_member", "council_member"]


def staff_count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(StaffUser))


@pytest.fixture
def officer(api_as):
    return api_as("voice_officer")


def test_a_voice_officer_adds_a_staff_user_who_can_then_sign_in(officer, client):
    created = officer.post(USERS, json=NEW_USER)
    assert created.status_code == 201 and created.json["is_active"] is True
    assert "password" not in created.json
    signed_in = client.post("/api/v1/auth/staff/sign-in",
                            json={"email": NEW_USER["email"], "password": NEW_USER["password"]})
    assert signed_in.status_code == 200


def test_a_64_character_passphrase_is_accepted_and_stored_as_argon2id(officer):
    passphrase = "correct horse battery staple and a little more to reach sixty4!!"
    assert len(passphrase) == 64
    created = officer.post(USERS, json={**NEW_USER, "password": passphrase})
    assert created.status_code == 201
    stored = db.session.get(StaffUser, UUID(created.json["id"])).password_hash
    assert stored.startswith("$argon2id$")
    assert passphrase not in stored


@pytest.mark.parametrize("password", ["password123", "1234567", "Password1", "qwertyuiop"],
                         ids=["common", "seven-characters", "common-despite-capital-and-digit", "keyboard-walk"])
def test_a_short_or_common_password_is_refused_naming_password(officer, password):
    before = staff_count()
    response = officer.post(USERS, json={**NEW_USER, "password": password})
    assert response.status_code == 422
    assert "password" in response.json["errors"]
    assert staff_count() == before


def test_no_composition_rules_apply_to_a_long_lower_case_passphrase(officer):
    assert officer.post(USERS, json={**NEW_USER, "password": "purple tractors dream quietly"}).status_code == 201


def test_a_council_member_without_a_council_is_refused(officer):
    response = officer.post(USERS, json={**NEW_USER, "role": "council_member"})
    assert response.status_code == 422
    assert "council" in response.json["errors"]


def test_a_council_member_with_a_council_is_added(officer):
    response = officer.post(USERS, json={**NEW_USER, "role": "council_member", "council": "care_leavers", "age": 15})
    assert response.status_code == 201 and response.json["council"] == "care_leavers"
    assert "age" not in response.json


@pytest.mark.parametrize("age, reason", [(None, "required for council members"), (14, "must be 15 or over")])
def test_a_council_member_under_15_or_without_an_age_is_refused_beside_the_age(officer, age, reason):
    body = {**NEW_USER, "role": "council_member", "council": "care_leavers", **({"age": age} if age else {})}
    response = officer.post(USERS, json=body)
    assert response.status_code == 422 and response.json["errors"] == {"age": [reason]}


def test_making_someone_a_council_member_needs_their_age(officer):
    made = officer.post(USERS, json=NEW_USER).json
    refused = officer.patch(f"{USERS}/{made['id']}", json={"role": "council_member", "council": "have_a_voice", "age": 12})
    assert refused.status_code == 422 and "age" in refused.json["errors"]
    changed = officer.patch(f"{USERS}/{made['id']}", json={"role": "council_member", "council": "have_a_voice", "age": 19})
    assert changed.status_code == 200 and changed.json["role"] == "council_member"


def test_a_priority_lead_without_a_priority_is_refused(officer):
    response = officer.post(USERS, json={**NEW_USER, "role": "priority_lead"})
    assert response.status_code == 422
    assert "priority_id" in response.json["errors"]


@pytest.mark.parametrize("method, path", [("POST", USERS), ("PATCH", "{users}/{officer}")], ids=["create", "change"])
def test_an_unknown_priority_is_refused_naming_priority_id(officer, method, path):
    body = {**NEW_USER, "role": "priority_lead"} if method == "POST" else {}
    response = officer.open(method, path.format(users=USERS, officer=officer.id),
                            json={**body, "priority_id": "5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10"})
    assert response.status_code == 422
    assert "priority_id" in response.json["errors"]


@pytest.mark.parametrize("email", [NEW_USER["email"], NEW_USER["email"].upper()], ids=["same", "other-case"])
def test_a_second_user_with_the_same_email_gets_409(officer, email):
    officer.post(USERS, json=NEW_USER)
    duplicate = officer.post(USERS, json={**NEW_USER, "email": email})
    assert duplicate.status_code == 409
    assert "email" in duplicate.json["errors"]


def test_a_new_password_given_by_patch_follows_the_same_rules(officer, app):
    user = StaffFactory()
    response = officer.patch(f"{USERS}/{user.id}", json={"password": "password123"})
    assert response.status_code == 422 and "password" in response.json["errors"]


def test_changing_an_unknown_staff_user_gets_404(officer):
    assert officer.patch(f"{USERS}/00000000-0000-4000-8000-000000000000", json={"is_active": False}).status_code == 404


@pytest.mark.parametrize("role", NOT_VOICE_OFFICERS)
@pytest.mark.parametrize("method, path, body", [
    ("GET", USERS, None), ("POST", USERS, NEW_USER), ("PATCH", "{users}/{target}", {"is_active": False}),
], ids=["list", "create", "change"])
def test_only_a_voice_officer_may_manage_staff_users(api_as, app, role, method, path, body):
    target = StaffFactory()
    response = api_as(role).open(method, path.format(users=USERS, target=target.id), json=body)
    assert response.status_code == 403
    assert db.session.get(StaffUser, target.id).is_active is True


def test_a_young_person_may_not_manage_staff_users(yp):
    assert yp.post(USERS, json=NEW_USER).status_code == 403


@pytest.mark.parametrize("password", ["aaaaaaaa", " " * 8, "new.person@leeds.example", "voiceapp123", "Leeds2026",
                                      "NewPerson2026", "password1"])
def test_a_password_easy_to_guess_from_the_user_or_the_service_is_refused_by_name(api_as, password):
    officer = api_as("voice_officer")
    refused = officer.post(USERS, json={**NEW_USER, "email": "new.person@leeds.example",
                                        "display_name": "New Person", "password": password})
    assert refused.status_code == 422 and "password" in refused.json["errors"]
