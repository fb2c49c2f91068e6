"""Whatever a few numbers text, in whatever order, with staff answering and time passing: every text is stored
exactly once, a finished Tell Us message always reaches the senior leaders' queue, every reply to someone who
has not opted out says something (no dead end), and nothing is ever sent to an opted-out number."""
import itertools
from datetime import timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from tests.conftest import twiml_texts
from tests.factories import YoungPersonFactory
from voiceapp.channels.sms.keywords import Keyword, match_keyword
from voiceapp.channels.sms.models import InboundSms
from voiceapp.extensions import db
from voiceapp.jobs import schedule
from voiceapp.messaging.senders import sender_for
from voiceapp.people import phones
from voiceapp.people.models import PhoneNumber, YoungPerson
from voiceapp.tellus.models import Message

# Menu choices, answers in words and numbers, keywords, and free text a young person might send.
WORDS = ["hi", "menu", "1", "2", "3", "4", "5", "yes", "no", "by text", "HELP", "STOP", "START",
         "my social worker never calls me back", "nobody told me about my review", "thanks she was great",
         "12", "care leaver", "L"]
texts = st.sampled_from(WORDS) | st.text(st.sampled_from("abcdefghij klmnop"), min_size=1, max_size=30)
example = itertools.count()


def machine_for(app, twilio, clock, api_as):

    class Texting(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            n = next(example)
            self.numbers = [f"+447911{210000 + 10 * n + i}" for i in range(3)]   # the third is unknown to us
            self.people = [YoungPersonFactory(phone="0" + number[3:]) for number in self.numbers[:2]]
            self.sids, self.finished = [], 0
            self.sent_to_opted_out = []
            sender = sender_for(app)
            self.original = original = sender.send

            def checking_send(*, to, body, status_callback=None):
                if self.opted_out(to):
                    self.sent_to_opted_out.append(to)
                return original(to=to, body=body, status_callback=status_callback)
            sender.send = checking_send

        def teardown(self):
            sender_for(app).send = self.original

        def opted_out(self, number):
            return db.session.scalar(sa.select(YoungPerson.sms_opted_out_at).join(PhoneNumber).where(
                PhoneNumber.lookup_hash == phones.lookup_hash(number)).execution_options(
                populate_existing=True)) is not None

        def messages(self):
            ids = [person.id for person in self.people]
            return db.session.scalars(sa.select(Message.id).where(Message.young_person_id.in_(ids))).all()

        @rule(who=st.integers(0, 2), body=texts)
        def text(self, who, body):
            number = self.numbers[who]
            was_opted_out = self.opted_out(number)
            before = len(self.messages())
            sid = f"SM{len(self.sids):04d}{next(example):028d}"
            self.sids.append(sid)
            replies = twiml_texts(twilio.sms(body, phone=number, sid=sid))
            keyword = match_keyword(body)
            if keyword is not None and keyword.keyword in (Keyword.OPT_OUT, Keyword.OPT_IN):
                assert replies == []        # Twilio answers STOP and START itself
            elif was_opted_out:
                assert replies == []        # they asked for no texts
            else:
                assert replies and all(reply.strip() for reply in replies), (body, replies)
            if any("answer you by" in reply for reply in replies):
                self.finished += 1
                assert len(self.messages()) > before, "a finished Tell Us message was not stored"

        @initialize(reply=st.sampled_from(["1", "by text", "yes", "3"]))
        def first_a_whole_tell_us_message(self, reply):
            """Every run starts with a finished message, so the rules after it meet one in the queue."""
            self.a_whole_tell_us_message(0, reply)
            assert len(self.messages()) == 1

        @rule(who=st.integers(0, 1), reply=st.sampled_from(["1", "by text", "yes", "3"]))
        def a_whole_tell_us_message(self, who, reply):
            """Often enough that the runs reach a finished message (random words alone rarely do)."""
            for body in ("menu", "2", "2", "my social worker never calls me back", reply):
                self.text(who, body)

        @rule(minutes=st.sampled_from([1, 20, 90, 600]))
        def time_passes(self, minutes):
            clock.shift(timedelta(minutes=minutes))
            schedule.run_all(app)

        @rule(data=st.data())
        def a_leader_answers(self, data):
            ids = self.messages()
            if ids:
                message_id = data.draw(st.sampled_from(ids))
                response = api_as("senior_leader").post(f"/api/v1/messages/{message_id}/replies",
                                            json={"body": "Thank you, we are looking into it"})
                assert response.status_code in (201, 409), response.json

        @invariant()
        def every_text_is_stored_exactly_once(self):
            if self.sids:
                stored = db.session.scalars(sa.select(InboundSms.message_sid).where(
                    InboundSms.message_sid.in_(self.sids))).all()
                assert sorted(stored) == sorted(self.sids)

        @invariant()
        def every_message_is_in_the_leaders_queue(self):
            ids = {str(message_id) for message_id in self.messages()}
            if ids:
                listed = api_as("senior_leader").get("/api/v1/messages?limit=200&sort=newest").json
                assert ids <= {item["id"] for item in listed["items"]}

        @invariant()
        def nothing_goes_to_an_opted_out_number(self):
            assert self.sent_to_opted_out == []

    return Texting


def test_random_texting_never_loses_a_text_a_message_or_an_opt_out(app, twilio, clock, api_as):
    run_state_machine_as_test(machine_for(app, twilio, clock, api_as), settings=settings(
        # Bounded for CI: a few short runs, and no shrinking (each step is a real request).
        max_examples=8, stateful_step_count=12, deadline=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
