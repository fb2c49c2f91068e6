"""'I don't feel safe': one step, no words needed, the same alert as a disclosure (SAFE-04)."""
from voiceapp.safeguarding import alerts, replies


def start(turn):
    # Inside the transaction that handles the text: the alert commits with everything else or not at all.
    alerts.raise_unsafe(young_person_id=turn.person.id if turn.person else None, channel=turn.channel)
    language = turn.person.language if turn.person else turn.conversation.language
    turn.say(replies.crisis_reply(language or "en", unsafe=True))
    turn.goto("menu")
