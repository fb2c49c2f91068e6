"""Staff sign in with email and password: one answer for every failure, lockout, and a per-IP limit."""
from datetime import timedelta

import pytest

from tests.factories import STAFF_PASSWORD, StaffFactory

SIGN_IN = "/api/v1/auth/staff/sign-in"
SIGN_IN_ROUTES = [
    (SIGN_IN, {"email": "nobody@example.org", "password": "wrong password"}),
    ("/api/v1/auth/code", {"phone": "07911 123456"}),
    ("/api/v1/auth/code/verify", {"challenge_id": "00000000-0000-4000-8000-000000000000", "code": "123456"}),
    ("/api/v1/auth/invitation", {"code": "ABCDE-FGHJK"}),
]
LOW_LIMIT = pytest.mark.parametrize("config_overrides", [{"SIGN_IN_RATE_LIMIT": "3 per minute"}],
                                    ids=["limit-3-a-minute"])


def sign_in(client, email, password=STAFF_PASSWORD, **kwargs):
    return client.post(SIGN_IN, json={"email": email, "password": password}, **kwargs)


def without_request_id(response):
    return {key: value for key, value in response.json.items() if key != "request_id"}


@pytest.fixture
def staff(app):
    return StaffFactory(role="senior_leader")


def fail_until_locked(client, staff, app):
    for _ in range(app.config["STAFF_LOCKOUT_ATTEMPTS"]):
        assert sign_in(client, staff.email, "not the password").status_code == 401


def test_the_right_password_returns_a_bearer_token(client, staff):
    response = sign_in(client, staff.email)
    assert response.status_code == 200
    assert response.json["token_type"] == "Bearer" and response.json["kind"] == "staff"
    whoami = client.get("/api/v1/auth/whoami", headers={"Authorization": f"Bearer {response.json['token']}"})
    assert whoami.json["id"] == str(staff.id)


def test_the_email_is_matched_whatever_its_case(client, staff):
    assert sign_in(client, staff.email.upper()).status_code == 200


def test_a_wrong_password_and_an_unknown_email_get_identical_answers(client, staff):
    wrong_password = sign_in(client, staff.email, "not the password")
    unknown_email = sign_in(client, "nobody@example.org", "not the password")
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert without_request_id(wrong_password) == without_request_id(unknown_email)


def test_a_disabled_user_gets_the_same_answer_as_a_wrong_password(client, app):
    disabled = StaffFactory(is_active=False)
    refused = sign_in(client, disabled.email)
    assert refused.status_code == 401
    assert without_request_id(refused) == without_request_id(sign_in(client, disabled.email, "not it"))


def test_the_account_locks_after_repeated_failures_even_for_the_right_password(client, staff, app, clock):
    fail_until_locked(client, staff, app)
    locked = sign_in(client, staff.email)
    assert locked.status_code == 401
    assert without_request_id(locked) == without_request_id(sign_in(client, "nobody@example.org", "x"))


def test_one_failure_fewer_than_the_limit_does_not_lock(client, staff, app, clock):
    for _ in range(app.config["STAFF_LOCKOUT_ATTEMPTS"] - 1):
        sign_in(client, staff.email, "not the password")
    assert sign_in(client, staff.email).status_code == 200


def test_the_lock_lifts_after_the_lockout_period(client, staff, app, clock):
    fail_until_locked(client, staff, app)
    clock.shift(app.config["STAFF_LOCKOUT_PERIOD"] - timedelta(seconds=1))
    assert sign_in(client, staff.email).status_code == 401
    clock.shift(timedelta(seconds=2))
    assert sign_in(client, staff.email).status_code == 200


@LOW_LIMIT
@pytest.mark.parametrize("path, body", SIGN_IN_ROUTES, ids=[path for path, _ in SIGN_IN_ROUTES])
def test_sign_in_routes_answer_429_json_past_the_per_ip_limit(client, clock, path, body):
    for _ in range(3):
        assert client.post(path, json=body).status_code != 429
    limited = client.post(path, json=body)
    assert limited.status_code == 429
    assert limited.is_json and limited.json["status"] == 429
    assert limited.headers["Retry-After"]


@LOW_LIMIT
def test_the_per_ip_limit_does_not_touch_another_address(client, clock):
    for _ in range(4):
        sign_in(client, "nobody@example.org", "x")
    other = sign_in(client, "nobody@example.org", "x", environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert other.status_code == 401


@LOW_LIMIT
def test_the_per_ip_limit_lifts_after_its_window(client, clock):
    for _ in range(4):
        sign_in(client, "nobody@example.org", "x")
    clock.shift(timedelta(seconds=61))
    assert sign_in(client, "nobody@example.org", "x").status_code == 401
