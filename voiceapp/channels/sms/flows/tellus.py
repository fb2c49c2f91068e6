"""Tell Us, We Care by text: the kind, which promise or who to praise, the message, whether to reply."""
from datetime import datetime, timedelta
from uuid import UUID

from flask import current_app
from flask_babel import format_date, get_locale

from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_choice
from voiceapp.database import utcnow
from voiceapp.i18n import localised
from voiceapp.messaging import segments
from voiceapp.promises import services as promises
from voiceapp.promises.models import Channel
from voiceapp.tellus import deadlines
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Kind, ReplyChannel

KINDS = [Kind.PROMISE_NOT_KEPT, Kind.UNHAPPY, Kind.PRAISE]
REPLY_CHOICES = [(True, ReplyChannel.SMS), (True, ReplyChannel.WORKER), (False, None)]


def start(turn):
    turn.goto("tellus", step="kind")
    turn.say(prompts.TELLUS_KIND)


def step(turn):
    state = turn.state
    {"kind": _kind, "which": _which, "praise_who": _praise_who, "body": _body,
     "reply": _reply}[state["step"]](turn, state)


def _kind(turn, state):
    choice = parse_choice(turn.text, len(KINDS))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.TELLUS_KIND)
    kind = KINDS[choice - 1]
    if kind == Kind.PROMISE_NOT_KEPT:
        turn.update(step="which", kind=kind.value)
        return turn.say(prompts.render(prompts.TELLUS_WHICH, total=len(_promises(turn))))
    if kind == Kind.PRAISE:
        turn.update(step="praise_who", kind=kind.value)
        return turn.say(prompts.TELLUS_PRAISE_WHO)
    turn.update(step="body", kind=kind.value)
    turn.say(prompts.TELLUS_BODY)


def _promises(turn):
    return promises.current_set(turn.person.cohort).promises


def _which(turn, state):
    items = _promises(turn)
    if turn.text.strip().lower() == "l":
        return turn.say(*[f"{p.position} {localised(p.text, p.translations, get_locale())}" for p in items])
    choice = parse_choice(turn.text, len(items))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.render(prompts.TELLUS_WHICH, total=len(items)))
    turn.update(step="body", promise_id=str(items[choice - 1].id))
    turn.say(prompts.TELLUS_BODY)


def _praise_who(turn, state):
    turn.update(step="body", praise_for=turn.text.strip()[:200])
    turn.say(prompts.TELLUS_BODY)


def _body(turn, state):
    turn.update(step="reply", body=turn.text.strip(), last_part=turn.text, last_part_at=utcnow().isoformat())
    turn.say(prompts.TELLUS_WANTS_REPLY)


def _continues(state):
    """A long text the network split arrives as several full-length texts seconds apart: they are one message.
    A short text, even a quick one, is an answer to our question."""
    window = timedelta(seconds=current_app.config["SMS_JOIN_WINDOW_SECONDS"])
    recent = utcnow() - datetime.fromisoformat(state["last_part_at"]) < window
    return recent and segments.filled_a_part(state.get("last_part", ""))


def _reply(turn, state):
    if _continues(state):
        return turn.update(body=f"{state['body']} {turn.text.strip()}", last_part=turn.text,
                           last_part_at=utcnow().isoformat())
    choice = parse_choice(turn.text, len(REPLY_CHOICES))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.TELLUS_WANTS_REPLY)
    wants_reply, channel = REPLY_CHOICES[choice - 1]
    _send(turn, state, wants_reply, channel)


def _send(turn, state, wants_reply, reply_channel):
    message = tellus.send_message(
        actor=turn.actor, young_person_id=turn.person.id, kind=Kind(state["kind"]), body=state["body"],
        channel=Channel.SMS, promise_id=UUID(state["promise_id"]) if state.get("promise_id") else None,
        praise_for=state.get("praise_for"), wants_reply=wants_reply, reply_channel=reply_channel)
    due = deadlines.deadline_at(message.received_at, current_app.config["ACK_WORKING_DAYS"])
    prompt = prompts.TELLUS_THANKS_REPLY if wants_reply else prompts.TELLUS_THANKS
    turn.goto("menu")
    turn.say(prompts.render(prompt, date=format_date(due, "EEE d MMM"), ref=str(message.id)[:6].upper()))
