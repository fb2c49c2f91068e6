"""Whatever order queueing, claiming, crashing, recovering, releasing, opting out and the clock come in: never a
text to an opted-out young person, never a non-urgent text in quiet hours, never two sends of one outbox row."""
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import YoungPersonFactory
from voiceapp import crypto
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.messaging import pauses, policy, services, tasks
from voiceapp.messaging.models import OutboundMessage
from voiceapp.messaging.senders import sender_for
from voiceapp.people.models import YoungPerson

PEOPLE = 2
START = datetime(2026, 11, 24, 19, 30, tzinfo=timezone.utc)     # 90 minutes before quiet hours begin
KINDS = {"reply": {"purpose": "reply", "direct_reply": True},
         "invite": {"purpose": "survey_invite"},
         "reminder": {"purpose": "reminder"},
         "urgent": {"purpose": "safeguarding", "urgent": True}}

# Every step is one of a small, flat list, drawn about evenly, so that short plans already reach the orders
# that matter (queued at night, STOP, morning; held, STOP, released; claimed, crashed, recovered).
PLAIN_STEPS = [("claim",), ("send", 0), ("send", 1), ("crash", 0), ("recover",), ("dispatch",), ("release",)]
PERSON_STEPS = [(name, index) for name in ("opt_out", "opt_in", "pause", "unpause") for index in range(PEOPLE)]
QUEUE_STEPS = [("queue", index, kind) for kind in sorted(KINDS) for index in range(PEOPLE)]
CLOCK_STEPS = [("clock", minutes) for minutes in (1, 11, 60, 180, 600)]
steps = st.sampled_from(PLAIN_STEPS + PERSON_STEPS + QUEUE_STEPS + CLOCK_STEPS)


class World:
    """The young people, the texts queued so far, the workers' leases, and every send checked as it happens."""

    def __init__(self, app, monkeypatch):
        self.people = [YoungPersonFactory(phone=f"07911 {200000 + n}") for n in range(PEOPLE)]
        self.numbers = {crypto.decrypt(p.phone.number_encrypted): p.id for p in self.people}
        self.kinds, self.leases, self.sent_rows, self.violations = {}, [], [], []
        self.paused = set()
        monkeypatch.setitem(app.extensions, pauses.KEY, [(lambda young_person_id: young_person_id in self.paused, None)])
        sender = sender_for(app)
        original = sender.send

        def checking_send(*, to, body, status_callback=None):
            self.check(to, body)
            return original(to=to, body=body, status_callback=status_callback)
        monkeypatch.setattr(sender, "send", checking_send)

    def check(self, to, body):
        kind = self.kinds[body]
        opted_out = db.session.scalar(sa.select(YoungPerson.sms_opted_out_at)
                                      .where(YoungPerson.id == self.numbers[to]).execution_options(
                                          populate_existing=True))
        if opted_out is not None:
            self.violations.append(f"{body} sent to an opted-out young person")
        if kind in ("invite", "reminder") and policy.in_quiet_hours(utcnow()):
            self.violations.append(f"{body} ({kind}) sent in quiet hours at {utcnow():%H:%M}")
        if body in self.sent_rows:
            self.violations.append(f"{body} sent twice")
        self.sent_rows.append(body)

    def do(self, step):
        getattr(self, step[0])(*step[1:])

    def queue(self, index, kind):
        body = f"text {len(self.kinds)}"
        self.kinds[body] = kind
        with transaction():
            services.send_sms(young_person_id=self.people[index].id, body=body, **KINDS[kind])

    def claim(self):
        due = db.session.scalar(sa.select(OutboundMessage.id).where(OutboundMessage.status == "queued",
                                                                    OutboundMessage.send_after <= utcnow())
                                .order_by(OutboundMessage.send_after).limit(1))
        lease = tasks.claim_sms(due) if due else None
        if lease is not None:
            self.leases.append(lease)

    def send(self, which):
        if self.leases:
            tasks.send_claimed(self.leases.pop(which % len(self.leases)))

    def crash(self, which):
        if self.leases:
            self.leases.pop(which % len(self.leases))       # the worker died holding it

    def recover(self):
        tasks._recover_stuck()

    def dispatch(self):
        tasks.dispatch_due_sms()

    def release(self):
        pauses.release_held_sms()

    def opt_out(self, index):
        self._set_opt_out(index, utcnow())

    def opt_in(self, index):
        self._set_opt_out(index, None)

    def _set_opt_out(self, index, value):
        with transaction():
            db.session.get(YoungPerson, self.people[index].id).sms_opted_out_at = value

    def pause(self, index):
        self.paused.add(self.people[index].id)

    def unpause(self, index):
        self.paused.discard(self.people[index].id)

    def clock(self, minutes):
        self.traveller.shift(timedelta(minutes=minutes))

    def forget(self):
        with transaction():
            db.session.execute(sa.delete(OutboundMessage))
            db.session.execute(sa.delete(YoungPerson).where(YoungPerson.id.in_([p.id for p in self.people])))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(steps, min_size=8, max_size=60))
def test_no_interleaving_sends_to_an_opted_out_number_in_quiet_hours_or_twice(app, monkeypatch, plan):
    with monkeypatch.context() as patch, time_machine.travel(START, tick=False) as traveller:
        world = World(app, patch)
        world.traveller = traveller
        try:
            for step in plan:
                world.do(step)
            assert world.violations == []
        finally:
            world.forget()
