"""One inbound text being handled: who sent it, where the conversation was, and what we will say."""
from dataclasses import dataclass, field
from datetime import datetime

from voiceapp.auth.actors import Actor
from voiceapp.i18n import numbers_in_order
from voiceapp.channel_enum import Channel


@dataclass
class Turn:
    conversation: object           # SmsConversation
    person: object | None          # YoungPerson, or None for a number we do not know yet
    text: str
    phone: str
    now: datetime
    replies: list = field(default_factory=list)
    # Every answer given in a turn arrived by text: the flows record this, never a channel of their own.
    channel: Channel = Channel.SMS

    def say(self, *texts):
        # In the reply's language: phone numbers stay in order in right-to-left texts.
        self.replies.extend(numbers_in_order(str(t)) for t in texts if t)

    @property
    def state(self):
        return dict(self.conversation.state or {})

    def goto(self, flow, **state):
        """Move to a flow step; JSON state is replaced, never mutated, so the change is saved."""
        self.conversation.flow = flow
        self.conversation.state = state

    def update(self, **changes):
        self.conversation.state = {**self.state, **changes}

    @property
    def actor(self):
        return Actor.for_young_person(self.person)
