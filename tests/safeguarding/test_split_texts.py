"""A disclosure split over several texts is read joined, and staff read the parts whole and in order."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from tests.safeguarding.test_alerts import DUTY
from voiceapp.extensions import db
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import EventKind, SafeguardingAlert

PHONE = "+447911123456"


@pytest.fixture
def config_overrides():
    return DUTY


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


@pytest.fixture
def say(twilio, clock):
    def send(body, after=timedelta(minutes=1)):
        clock.shift(after)
        return twiml_texts(twilio.sms(body, phone=PHONE))
    return send


def all_alerts():
    return db.session.scalars(sa.select(SafeguardingAlert)).all()


@pytest.mark.parametrize("first, second, category", [
    ("he took my phone", "and gave me another phone", "criminal_exploitation"),
    ("my uncle keeps", "touching me", "sexual_abuse"),
])
def test_two_texts_that_raise_nothing_alone_raise_one_alert_read_together(say, person, first, second, category):
    say(first)
    assert all_alerts() == []
    texts = say(second)
    [alert] = all_alerts()
    assert category in alert.categories
    assert alerts.source_text(alert) == f"{first}\n{second}"
    assert [event.kind for event in alert.events].count(EventKind.EARLIER_PART) == 1
    assert "999" in texts[0] and "0800 1111" in texts[0]          # the crisis reply comes first


def test_a_threat_to_keep_quiet_split_over_two_texts_is_read_as_one(say, person):
    say("he said if i tell")
    say("anyone he will hurt me")
    [alert] = all_alerts()
    assert "threat_to_keep_quiet" in alert.categories            # only the joined words show the threat
    assert alerts.source_text(alert) == "he said if i tell\nanyone he will hurt me"


def test_texts_further_apart_than_the_join_window_are_read_apart(say, person, app):
    say("he took my phone")
    say("and gave me another phone", after=timedelta(minutes=app.config["SMS_JOIN_MINUTES"] + 1))
    assert all_alerts() == []


def test_a_text_after_one_that_raised_an_alert_is_not_joined_to_it(say, person):
    say("i wanna end it")
    say("he took my phone")
    say("and gave me another phone")
    first, second = sorted(all_alerts(), key=lambda alert: alert.created_at)
    assert alerts.source_text(second) == "he took my phone\nand gave me another phone"
    assert EventKind.EARLIER_PART not in [event.kind for event in first.events]


def test_another_number_s_texts_are_never_joined(twilio, person, clock):
    twilio.sms("he took my phone", phone="+447911000999")
    clock.shift(timedelta(minutes=1))
    twilio.sms("and gave me another phone", phone=PHONE)
    assert all_alerts() == []


def test_ordinary_texts_one_after_another_raise_nothing(say, person):
    for text in ("hi", "1", "yes", "my carer had a drink at the party", "it was fun"):
        say(text)
    assert all_alerts() == []
