"""While a young person waits for an answer, bulk texts to them are held, then released once nothing is open."""
import pytest
import sqlalchemy as sa

from tests.factories import MessageFactory, YoungPersonFactory
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import pauses
from voiceapp.messaging import services as messaging
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

INVITE = "A new survey is open: Your home. Reply 3 to answer."


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def text(person, purpose="survey_invite", **extra):
    with transaction():
        return messaging.send_sms(young_person_id=person.id, body=INVITE, purpose=purpose, **extra).id


def status_of(outbound_id):
    return db.session.get(OutboundMessage, outbound_id).status


@pytest.mark.parametrize("purpose", sorted(pauses.BULK_PURPOSES))
def test_bulk_texts_are_held_while_the_young_person_has_an_open_message(person, purpose, sent_sms):
    MessageFactory(young_person_id=person.id)
    assert status_of(text(person, purpose)) == OutboundStatus.HELD
    assert sent_sms == []


@pytest.mark.parametrize("purpose, extra", [("reply", {}), ("otp", {"direct_reply": True}),
                                            ("survey_invite", {"urgent": True}), ("safeguarding", {})])
def test_replies_codes_and_urgent_texts_are_never_paused(person, purpose, extra):
    MessageFactory(young_person_id=person.id)
    assert status_of(text(person, purpose, **extra)) != OutboundStatus.HELD


def test_bulk_texts_go_as_usual_when_nothing_is_open(person, sent_sms):
    MessageFactory(young_person_id=person.id, status="closed")
    text(person)
    assert [t["body"] for t in sent_sms] == [INVITE]


def test_the_pause_can_be_switched_off(app, person, sent_sms):
    app.config["PAUSE_BULK_WHILE_OPEN"] = False
    MessageFactory(young_person_id=person.id)
    text(person)
    assert [t["body"] for t in sent_sms] == [INVITE]


def test_a_held_text_stays_held_until_the_message_closes_then_goes_once(person, api_as, leader, clock, sent_sms):
    message = MessageFactory(young_person_id=person.id)
    held = text(person)
    pauses.release_held_sms()
    assert status_of(held) == OutboundStatus.HELD
    leader.post(f"/api/v1/messages/{message.id}/status", json={"status": "closed", "outcome": "resolved"})
    clock.shift(60)
    pauses.release_held_sms()
    pauses.release_held_sms()
    assert [t["body"] for t in sent_sms] == [INVITE]
    assert status_of(held) == OutboundStatus.SENT


def test_another_domain_can_pause_bulk_texts_through_the_registry(app, person, sent_sms):
    open_alerts = {person.id}

    def alert_open(young_person_id):
        return young_person_id in open_alerts
    messaging.register_pause_check(app, alert_open)   # the registry on the app starts afresh for each test
    held = text(person)
    assert messaging.is_paused(person.id) and status_of(held) == OutboundStatus.HELD
    open_alerts.clear()
    pauses.release_held_sms()
    assert status_of(held) == OutboundStatus.SENT


def test_bulk_queues_can_ask_which_of_many_young_people_are_paused(person):
    waiting, free = YoungPersonFactory(), YoungPersonFactory()
    MessageFactory(young_person_id=waiting.id)
    MessageFactory(young_person_id=free.id, status="closed")
    assert pauses.paused_among([waiting.id, free.id, person.id]) == {waiting.id}


def test_held_texts_are_counted_apart_from_queued_ones(person):
    MessageFactory(young_person_id=person.id)
    text(person)
    counts = dict(db.session.execute(sa.select(OutboundMessage.status, sa.func.count())
                                     .group_by(OutboundMessage.status)).all())
    assert counts == {OutboundStatus.HELD: 1}
