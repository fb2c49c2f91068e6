"""Staff sign in with email and password: one answer for every failure, tries slowed per place and account
(never a lock anyone can set off), and a per-IP limit."""
from datetime import timedelta

import pytest

from tests.factories import STAFF_PASSWORD, StaffFactory
from voiceapp.auth import throttle
from voiceapp.extensions import limiter

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


def fail_the_free_tries(client, staff, app):
    for _ in range(app.config["SIGN_IN_FREE_TRIES_PER_ACCOUNT"] - 1):
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


def test_past_the_free_tries_each_try_from_the_same_place_waits_twice_as_long(client, staff, app, clock):
    fail_the_free_tries(client, staff, app)
    assert sign_in(client, staff.email, "not the password").status_code == 401     # the last free try
    waiting = sign_in(client, staff.email)
    assert waiting.status_code == 429 and int(waiting.headers["Retry-After"]) >= 1
    clock.shift(timedelta(seconds=1.5))                                              # waited 1 s
    assert sign_in(client, staff.email, "still not it").status_code == 401
    clock.shift(timedelta(seconds=1.5))
    assert sign_in(client, staff.email).status_code == 429                           # now 2 s
    clock.shift(timedelta(seconds=1))
    assert sign_in(client, staff.email).status_code == 200


def test_a_guesser_somewhere_else_cannot_keep_the_member_of_staff_out(client, staff, app, clock):
    for _ in range(40):
        clock.shift(timedelta(seconds=7))          # under the per-address rate limit
        sign_in(client, staff.email, "guess", environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert sign_in(client, staff.email, "guess", environ_base={"REMOTE_ADDR": "198.51.100.7"}).status_code == 429
    assert sign_in(client, staff.email).status_code == 200


def test_the_wait_is_the_same_for_an_email_nobody_has(client, staff, app, clock):
    for email in (staff.email, "nobody@example.org"):
        for _ in range(app.config["SIGN_IN_FREE_TRIES_PER_ACCOUNT"] + 1):
            sign_in(client, email, "not the password")
    known, unknown = sign_in(client, staff.email, "x"), sign_in(client, "nobody@example.org", "x")
    assert known.status_code == unknown.status_code == 429
    assert without_request_id(known) == without_request_id(unknown)


def test_one_place_trying_many_accounts_is_slowed_too(client, app, clock):
    for n in range(app.config["SIGN_IN_FREE_TRIES_PER_SOURCE"] + 1):
        clock.shift(timedelta(seconds=7))
        sign_in(client, f"person{n}@example.org", "guess")
    assert sign_in(client, "someone.new@example.org", "guess").status_code == 429


def test_a_try_that_ends_in_a_server_error_still_counts(client, staff, app, clock, monkeypatch):
    from voiceapp.auth import passwords

    def broken(*args):
        raise RuntimeError("the hasher fell over")
    monkeypatch.setattr(passwords, "verify_password", broken)
    for _ in range(app.config["SIGN_IN_FREE_TRIES_PER_ACCOUNT"]):
        assert sign_in(client, staff.email, "a guess").status_code == 500
    monkeypatch.undo()
    assert sign_in(client, staff.email).status_code == 429


def test_a_right_password_starts_the_count_again(client, staff, app, clock):
    fail_the_free_tries(client, staff, app)
    assert sign_in(client, staff.email).status_code == 200
    fail_the_free_tries(client, staff, app)
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



@pytest.fixture
def rate_limits_off(app, monkeypatch):
    """As RATELIMIT_ENABLED false leaves the app: the limiter disabled, with no storage opened. (The limiter is
    one object shared by every app, so a test app built with the limits off would turn them off for the rest.)"""
    monkeypatch.setattr(limiter, "enabled", False)
    monkeypatch.setattr(limiter, "_storage", None)
    monkeypatch.setitem(app.config, "RATELIMIT_ENABLED", False)
    monkeypatch.setitem(app.extensions, "sign_in_throttle_storage", None)
    throttle.register(app)


def test_with_the_rate_limits_turned_off_sign_in_still_works(client, staff, rate_limits_off):
    # Found by schemathesis (.ci/fuzz.py): the throttle read the limiter's storage, which is not opened then.
    assert sign_in(client, staff.email).status_code == 200


def test_with_the_rate_limits_turned_off_password_guessing_is_still_slowed(client, staff, app, clock,
                                                                          rate_limits_off):
    fail_the_free_tries(client, staff, app)
    assert sign_in(client, staff.email, "not the password").status_code == 401
    assert sign_in(client, staff.email).status_code == 429
