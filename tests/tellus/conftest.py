"""Fixtures for Tell Us, We Care: a texting young person, staff clients, and delivery of paced texts."""
import pytest

from tests.factories import YoungPersonFactory

HEAD = {"name": "Head of Service", "email": "head.of.service@example.org", "phone": "+447700900111"}


@pytest.fixture(autouse=True)
def frozen(clock):
    """Every test here runs at a known moment (Tuesday 24 November 2026, 10:00 UTC), set before anyone signs in."""
    return clock


@pytest.fixture
def config_overrides():
    return {"HEAD_OF_SERVICE": HEAD}


@pytest.fixture
def leader(api_as):
    return api_as("senior_leader", email="leader@example.org")


@pytest.fixture
def texter(api_as):
    """A young person who wants replies by text."""
    return api_as(young_person=YoungPersonFactory(phone="07911 123456"))


@pytest.fixture
def send():
    """send(client, body="...", **fields) -> the new message as the young person sees it."""
    def make(client, body="My social worker never rings me back", **fields):
        response = client.post("/api/v1/me/messages", json={"kind": "unhappy", "body": body, **fields})
        assert response.status_code == 201, response.json
        return response.json
    return make


@pytest.fixture
def delivered_texts(clock, sent_sms):
    """Texts other than direct replies are paced a second apart: let a minute pass, send what is due."""
    from voiceapp.messaging import tasks

    def deliver():
        clock.shift(60)
        tasks.dispatch_due_sms()
        return sent_sms
    return deliver
