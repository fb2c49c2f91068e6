"""Young people sign in with a texted code or a worker's invitation, and nobody learns who is registered."""
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db

KNOWN = "07911 123456"
UNKNOWN = "07911 123999"
REQUEST = "/api/v1/auth/code"
VERIFY = "/api/v1/auth/code/verify"
REDEEM = "/api/v1/auth/invitation"


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone=KNOWN)


def request_code(client, phone=KNOWN):
    return client.post(REQUEST, json={"phone": phone})


def verify(client, challenge_id, code):
    return client.post(VERIFY, json={"challenge_id": challenge_id, "code": code})


def texted_code(sms):
    return re.search(r"\b(\d{6})\b", sms["body"]).group(1)


def challenge(client, sent_sms, phone=KNOWN):
    """Ask for a code and return (challenge_id, the code that was texted)."""
    challenge_id = request_code(client, phone).json["challenge_id"]
    return challenge_id, texted_code(sent_sms[-1])


def test_a_known_number_gets_202_and_a_challenge_id(client, person, clock):
    response = request_code(client)
    assert response.status_code == 202
    assert response.json["challenge_id"]


def test_known_and_unknown_numbers_get_identical_answers_apart_from_the_id(client, person, clock):
    known, unknown = request_code(client, KNOWN), request_code(client, UNKNOWN)
    assert known.status_code == unknown.status_code == 202
    assert known.json.keys() == unknown.json.keys()
    assert {**known.json, "challenge_id": None} == {**unknown.json, "challenge_id": None}
    assert known.json["challenge_id"] != unknown.json["challenge_id"]


def test_the_code_is_texted_to_a_known_number(client, person, sent_sms, clock):
    request_code(client)
    assert [sms["to"] for sms in sent_sms] == ["+447911123456"]
    assert re.search(r"\b\d{6}\b", sent_sms[0]["body"])


def test_nothing_is_texted_to_an_unknown_number(client, person, sent_sms, clock):
    request_code(client, UNKNOWN)
    assert sent_sms == []


def test_the_texted_code_signs_the_young_person_in(client, person, sent_sms, clock):
    challenge_id, code = challenge(client, sent_sms)
    signed_in = verify(client, challenge_id, code)
    assert signed_in.status_code == 200 and signed_in.json["kind"] == "young_person"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {signed_in.json['token']}"})
    assert me.json["id"] == str(person.id)


def test_a_code_works_only_once(client, person, sent_sms, clock):
    challenge_id, code = challenge(client, sent_sms)
    verify(client, challenge_id, code)
    assert verify(client, challenge_id, code).status_code == 401


def test_a_code_expires_after_ten_minutes(client, person, sent_sms, clock):
    challenge_id, code = challenge(client, sent_sms)
    clock.shift(timedelta(minutes=10, seconds=1))
    assert verify(client, challenge_id, code).status_code == 401


def test_a_code_still_works_just_inside_ten_minutes(client, person, sent_sms, clock):
    challenge_id, code = challenge(client, sent_sms)
    clock.shift(timedelta(minutes=9, seconds=59))
    assert verify(client, challenge_id, code).status_code == 200


def test_five_wrong_codes_lock_the_challenge_even_against_the_right_code(client, person, sent_sms, clock):
    challenge_id, code = challenge(client, sent_sms)
    wrong = f"{(int(code) + 1) % 10 ** 6:06d}"
    for _ in range(5):
        assert verify(client, challenge_id, wrong).status_code == 401
    assert verify(client, challenge_id, code).status_code == 401


def test_a_code_is_bound_to_its_own_challenge(client, person, sent_sms, clock, monkeypatch):
    codes = iter([111111, 222222])
    monkeypatch.setattr("voiceapp.auth.codes.secrets.randbelow", lambda _: next(codes))
    first, first_code = challenge(client, sent_sms)
    second, second_code = challenge(client, sent_sms)
    assert (first_code, second_code) == ("111111", "222222")
    assert verify(client, second, first_code).status_code == 401


def test_a_challenge_for_an_unknown_number_never_signs_anyone_in(client, person, clock, monkeypatch):
    monkeypatch.setattr("voiceapp.auth.codes.secrets.randbelow", lambda _: 123456)
    challenge_id = request_code(client, UNKNOWN).json["challenge_id"]
    assert verify(client, challenge_id, "123456").status_code == 401


@pytest.mark.parametrize("phone", [KNOWN, UNKNOWN], ids=["known", "unknown"])
def test_the_fourth_request_for_one_number_within_an_hour_gets_429(client, person, sent_sms, clock, phone):
    for _ in range(3):
        assert request_code(client, phone).status_code == 202
        clock.shift(timedelta(minutes=1))
    refused = request_code(client, phone)
    assert refused.status_code == 429 and refused.is_json
    assert len(sent_sms) == (3 if phone == KNOWN else 0)


def test_the_per_number_limit_lifts_after_an_hour(client, person, clock):
    for _ in range(3):
        request_code(client)
    clock.shift(timedelta(hours=1, seconds=1))
    assert request_code(client).status_code == 202


@pytest.mark.parametrize("config_overrides", [{"OTP_GLOBAL_HOURLY": 2}], ids=["global-cap-2"])
def test_the_global_hourly_cap_answers_429_and_records_a_security_event(client, sent_sms, clock):
    numbers = ["07911 123401", "07911 123402", "07911 123403"]
    for number in numbers:
        YoungPersonFactory(phone=number)
    for number in numbers[:2]:
        assert request_code(client, number).status_code == 202
    assert request_code(client, numbers[2]).status_code == 429
    assert len(sent_sms) == 2
    events = db.session.scalars(sa.select(AuditEvent.action)).all()
    assert "security.otp_global_cap" in events


@pytest.mark.parametrize("phone", ["12345", "not a phone", "07911 12345"])
def test_an_invalid_phone_number_gets_422_naming_phone(client, clock, phone):
    response = request_code(client, phone)
    assert response.status_code == 422
    assert "phone" in response.json["errors"]


@pytest.fixture
def invitation(api_as, person, clock):
    response = api_as("voice_officer").post(f"/api/v1/young-people/{person.id}/invitations")
    assert response.status_code == 201
    return response.json["code"]


def redeem(client, code):
    return client.post(REDEEM, json={"code": code})


def test_a_voice_officer_issues_an_invitation_shown_once_as_two_groups_of_five(invitation):
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", invitation)


def test_an_invitation_signs_the_young_person_in(client, invitation, person):
    signed_in = redeem(client, invitation)
    assert signed_in.status_code == 200
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {signed_in.json['token']}"})
    assert me.json["id"] == str(person.id)


def test_an_invitation_works_only_once(client, invitation):
    redeem(client, invitation)
    assert redeem(client, invitation).status_code == 401


@pytest.mark.parametrize("typed", [str.lower, lambda code: code.replace("-", ""),
                                   lambda code: code.lower().replace("-", " ")],
                         ids=["lower-case", "without-the-dash", "lower-case-with-a-space"])
def test_an_invitation_is_accepted_however_it_is_typed(client, invitation, typed):
    assert redeem(client, typed(invitation)).status_code == 200


def test_an_expired_invitation_is_refused(client, invitation, app, clock):
    clock.shift(app.config["INVITATION_TTL"] + timedelta(seconds=1))
    assert redeem(client, invitation).status_code == 401


def test_an_unknown_invitation_is_refused_like_a_used_one(client, invitation):
    redeem(client, invitation)
    used, unknown = redeem(client, invitation), redeem(client, "ZZZZZ-ZZZZZ")
    assert used.status_code == unknown.status_code == 401
    assert used.json["message"] == unknown.json["message"]
