"""Server-side sessions (SEC-09): a fresh token at every sign-in, ended at once by sign-out, disabling or time."""
from datetime import timedelta

import pytest

from tests.conftest import ApiClient
from tests.factories import STAFF_PASSWORD, StaffFactory

WHOAMI = "/api/v1/auth/whoami"
SECOND = timedelta(seconds=1)
# Who signs in, and the settings that bound their sessions.
TIMEOUTS = {
    "staff": ("SESSION_IDLE_TIMEOUT", "SESSION_ABSOLUTE_TIMEOUT"),
    "young_person": ("YOUNG_PERSON_SESSION_IDLE_TIMEOUT", "YOUNG_PERSON_SESSION_ABSOLUTE_TIMEOUT"),
}


def sign_in(client, user):
    response = client.post("/api/v1/auth/staff/sign-in", json={"email": user.email, "password": STAFF_PASSWORD})
    return ApiClient(client, response.json["token"], user.id)


@pytest.fixture
def session_of(api_as, young_person, clock):
    """A signed-in client for "staff" or "young_person", opened at the frozen time."""
    return lambda kind: api_as("senior_leader") if kind == "staff" else api_as(young_person=young_person)


def test_every_sign_in_gives_a_new_token(client, app, clock):
    user = StaffFactory()
    first, second = sign_in(client, user), sign_in(client, user)
    assert first.token != second.token
    assert first.get(WHOAMI).status_code == second.get(WHOAMI).status_code == 200


@pytest.mark.parametrize("kind", TIMEOUTS)
def test_signing_out_ends_the_token_at_once(session_of, kind):
    signed_in = session_of(kind)
    assert signed_in.post("/api/v1/auth/sign-out").status_code == 204
    assert signed_in.get(WHOAMI).status_code == 401


def test_signing_out_ends_only_that_session(client, app, clock):
    user = StaffFactory()
    laptop, phone = sign_in(client, user), sign_in(client, user)
    laptop.post("/api/v1/auth/sign-out")
    assert phone.get(WHOAMI).status_code == 200


def test_disabling_a_staff_user_ends_their_sessions(api_as, clock):
    leader = api_as("senior_leader")
    disabled = api_as("voice_officer").patch(f"/api/v1/staff-users/{leader.id}", json={"is_active": False})
    assert disabled.status_code == 200 and disabled.json["is_active"] is False
    assert leader.get(WHOAMI).status_code == 401


def test_enabling_a_user_again_does_not_revive_their_old_session(api_as, clock):
    leader, officer = api_as("senior_leader"), api_as("voice_officer")
    officer.patch(f"/api/v1/staff-users/{leader.id}", json={"is_active": False})
    officer.patch(f"/api/v1/staff-users/{leader.id}", json={"is_active": True})
    assert leader.get(WHOAMI).status_code == 401


@pytest.mark.parametrize("change", [{"role": "board_member"}, {"password": "a new long passphrase"}],
                         ids=["role", "password"])
def test_changing_a_staff_user_s_role_or_password_ends_their_sessions(api_as, clock, change):
    leader = api_as("senior_leader")
    api_as("voice_officer").patch(f"/api/v1/staff-users/{leader.id}", json=change)
    assert leader.get(WHOAMI).status_code == 401


@pytest.mark.parametrize("kind", TIMEOUTS)
def test_a_session_idle_past_its_timeout_is_refused(session_of, app, clock, kind):
    signed_in = session_of(kind)
    clock.shift(app.config[TIMEOUTS[kind][0]] + SECOND)
    assert signed_in.get(WHOAMI).status_code == 401


@pytest.mark.parametrize("kind", TIMEOUTS)
def test_a_session_used_within_its_idle_timeout_stays_signed_in(session_of, app, clock, kind):
    signed_in = session_of(kind)
    for _ in range(3):
        clock.shift(app.config[TIMEOUTS[kind][0]] - SECOND)
        assert signed_in.get(WHOAMI).status_code == 200


@pytest.mark.parametrize("kind", TIMEOUTS)
def test_a_session_ends_at_its_absolute_timeout_even_when_in_use(session_of, app, clock, kind):
    idle, absolute = (app.config[key] for key in TIMEOUTS[kind])
    signed_in = session_of(kind)
    step, used = idle / 2, timedelta(0)
    while used + step < absolute:
        clock.shift(step)
        used += step
        assert signed_in.get(WHOAMI).status_code == 200
    clock.shift(absolute - used + SECOND)
    assert signed_in.get(WHOAMI).status_code == 401


@pytest.mark.parametrize("header", ["", "Bearer ", "Bearer not-a-real-token", "Basic dXNlcjpwYXNz"])
def test_a_missing_or_made_up_token_is_refused(client, header):
    assert client.get(WHOAMI, headers={"Authorization": header}).status_code == 401


def test_a_young_person_s_token_works_for_their_profile(yp, young_person):
    me = yp.get("/api/v1/me")
    assert me.status_code == 200 and me.json["id"] == str(young_person.id)


@pytest.mark.parametrize("path", ["/api/v1/messages", "/api/v1/staff-users", "/api/v1/surveys",
                                  "/api/v1/audit-events", "/api/v1/promise-sets"])
def test_a_young_person_s_token_does_not_open_staff_routes(yp, path):
    assert yp.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/me/messages", "/api/v1/me/export"])
def test_a_staff_token_does_not_open_a_young_person_s_routes(api_as, path):
    assert api_as("voice_officer").get(path).status_code == 403
