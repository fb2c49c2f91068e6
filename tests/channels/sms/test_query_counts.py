"""A text costs a fixed, small number of SQL statements, however many texts came just before it."""
from datetime import timedelta

import pytest

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from tests.tellus.test_query_counts import statements
from voiceapp.extensions import db

PHONE = "+447911123456"


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def statements_for(twilio, clock, body):
    clock.shift(timedelta(minutes=1))
    db.session.expunge_all()      # as in a new request: nothing already loaded in the session
    with statements() as sent:
        assert twiml_texts(twilio.sms(body, phone=PHONE))
    return sent


def alert_checks(sent):
    return [s for s in sent if "safeguarding_alerts" in s]


def test_a_text_after_three_others_checks_for_earlier_alerts_in_one_query(twilio, clock, person):
    for body in ("hi", "1", "my social worker never calls me back"):
        statements_for(twilio, clock, body)
    sent = statements_for(twilio, clock, "and nobody told me about my review")
    print(f"POST /twilio/sms: {len(sent)} statements, {len(alert_checks(sent))} reading alerts")
    assert len(alert_checks(sent)) == 1
    assert len(sent) <= 14          # 19 when each earlier text was asked about on its own


def test_a_text_costs_the_same_after_one_earlier_text_or_three(twilio, clock, person):
    statements_for(twilio, clock, "hi")
    after_one = statements_for(twilio, clock, "1")
    statements_for(twilio, clock, "my social worker never calls me back")
    after_three = statements_for(twilio, clock, "and nobody told me about my review")
    assert len(alert_checks(after_one)) == len(alert_checks(after_three)) == 1
