"""Tell Us, We Care by text: the kind, which promise or who to praise, the message, whether to reply."""

from datetime import datetime, timedelta
from uuid import UUID

from flask import current_app
from flask_babel import get_locale

from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.channels.sms.answers import parse_choice
from voiceapp.channels.sms.options import NO, YES, parse_option
from voiceapp.database import utcnow
from voiceapp.i18n import localised, sms_date
from voiceapp.messaging import segments
from voiceapp.promises import services as promises
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Kind, ReplyChannel

KINDS = [Kind.PROMISE_NOT_KEPT, Kind.UNHAPPY, Kind.PRAISE]
REPLY_CHOICES = [(True, ReplyChannel.SMS), (True, ReplyChannel.WORKER), (False, None)]


def start(turn):
    turn.goto("tellus", step="kind")
    turn.say(prompts.TELLUS_KIND)


def step(turn):
    state = turn.state
    {"offer": _offer, "kind": _kind, "which": _which, "praise_who": _praise_who, "body": _body,
     "reply": _reply}[state["step"]](turn, state)


# Free text where a number was asked is offered as a message from this many words ("what is this" is not one).
OFFER_WORDS = 4


def is_a_message(text):
    """Words enough to be something they want to tell us, not a slip, a greeting or a question about us."""
    return len((text or "").split()) >= OFFER_WORDS


def offer(turn, text=None):
    """Free text where a number was asked for (the menu, a new number's first text): kept as the start of a
    message and offered for sending as Tell Us, We Care; nothing goes until they say yes."""
    body = (text or turn.text).strip()
    turn.goto("tellus", step="offer", body=body, last_part=body, last_part_at=utcnow().isoformat())
    turn.say(prompts.TELLUS_OFFER)


def _offer(turn, state):
    choice = parse_option(turn.text, (YES + ("send", "send it", "أرسل"), NO + ("dont send", "don't send")),
                          turn.person.language)
    if choice == 1:
        turn.update(step="kind")
        return turn.say(prompts.TELLUS_KIND_AFTER)
    if choice == 2:
        turn.say(prompts.TELLUS_NOT_SENT)
        return back_to_menu(turn)
    if is_a_message(turn.text):
        return _more(turn, state, prompts.TELLUS_OFFER)
    turn.say(prompts.NOT_UNDERSTOOD, prompts.TELLUS_OFFER)


# A reply this many words long at "What is it about?" is the message itself, typed straight away.
MESSAGE_WORDS = 3


# The words of each kind, in every language.
KIND_WORDS = (
    ("promise", "a promise", "promise not kept", "a promise not kept", "broken promise", "broke a promise",
     "not kept", "وعد", "وعد لم يحفظ", "الوعد"),
    ("unhappy", "unhappy with support", "not happy", "support", "sad", "upset", "angry", "complaint",
     "complain", "غير راض", "غير راض عن الدعم", "زعلان", "شكوى", "الدعم"),
    ("praise", "praise for someone", "thanks to", "thank someone", "say thank you", "compliment", "shout out",
     "شكر", "شكر لشخص", "مدح"),
)


def _kind(turn, state):
    choice = parse_option(turn.text, KIND_WORDS, turn.person.language, contained=False)
    if choice is None and state.get("body"):
        return _more(turn, state, prompts.TELLUS_KIND_AFTER)
    if choice is None and len(turn.text.split()) >= MESSAGE_WORDS:
        # They just wrote it: keep it as the message and ask what it is about afterwards.
        turn.update(body=turn.text.strip(), last_part=turn.text, last_part_at=utcnow().isoformat())
        return turn.say(prompts.TELLUS_KIND_AFTER)
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.TELLUS_KIND)
    kind = KINDS[choice - 1]
    if kind == Kind.PROMISE_NOT_KEPT:
        turn.update(step="which", kind=kind.value)
        return turn.say(prompts.render(prompts.TELLUS_WHICH, total=len(_promises(turn))))
    if kind == Kind.PRAISE:
        turn.update(step="praise_who", kind=kind.value)
        return turn.say(prompts.TELLUS_PRAISE_WHO)
    turn.update(kind=kind.value)
    _ask_for_body(turn)


def _ask_for_body(turn):
    """Next the message itself, unless it came first; then whether they want a reply."""
    if turn.state.get("body"):
        turn.update(step="reply")
        return turn.say(prompts.TELLUS_WANTS_REPLY)
    turn.update(step="body")
    turn.say(prompts.TELLUS_BODY)


def _promises(turn):
    return promises.published_set(turn.person.cohort).promises


def _which(turn, state):
    items = _promises(turn)
    if turn.text.strip().lower() == "l":
        return turn.say(_promise_list(items))
    choice = parse_choice(turn.text, len(items))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.render(prompts.TELLUS_WHICH, total=len(items)))
    turn.update(promise_id=str(items[choice - 1].id))
    _ask_for_body(turn)


def _promise_list(items):
    """Every promise in one text, a line each: one message of as few segments as the words allow, not a
    text per promise."""
    return "\n".join(f"{p.position} {localised(p.text, p.translations, get_locale())}" for p in items)


def _praise_who(turn, state):
    turn.update(praise_for=turn.text.strip()[:200])
    _ask_for_body(turn)


def _body(turn, state):
    turn.update(step="reply", body=turn.text.strip(), last_part=turn.text, last_part_at=utcnow().isoformat())
    turn.say(prompts.TELLUS_WANTS_REPLY)


def _more(turn, state, question):
    """Until they answer our question, whatever else they send is more of their message (a cheap phone takes
    minutes to type the next text). The rest of one long text the network split is joined without a word."""
    split = _continues(state)
    turn.update(body=f"{state['body']} {turn.text.strip()}", last_part=turn.text, last_part_at=utcnow().isoformat())
    if not split:
        turn.say(prompts.TELLUS_ADDED, question)


def _continues(state):
    """A long text the network split arrives as several full-length texts seconds apart."""
    if "last_part_at" not in state:
        return False
    window = timedelta(seconds=current_app.config["SMS_JOIN_WINDOW_SECONDS"])
    recent = utcnow() - datetime.fromisoformat(state["last_part_at"]) < window
    return recent and segments.filled_a_part(state.get("last_part", ""))


def _reply(turn, state):
    choice = reply_choice(turn.text, turn.person.language)
    if choice is None:
        return _more(turn, state, prompts.TELLUS_WANTS_REPLY)
    wants_reply, channel = REPLY_CHOICES[choice - 1]
    _send(turn, state, wants_reply, channel)


# Words for each answer to "Do you want a reply?", besides its number (folded like every text).
REPLY_WORDS = (
    ("yes by text", "by text", "text", "text me", "txt", "txt me", "yes text", "yes txt", "sms",
     "نعم برسالة", "برسالة", "رسالة") + YES,
    ("worker", "my worker", "through my worker", "yes through my worker", "yes worker", "social worker",
     "thru my worker", "via my worker", "yes my worker", "نعم عبر المسؤول عني", "عبر المسؤول عني", "المسؤول عني",
     "المسؤول", "الأخصائي", "العامل"),
    ("no reply", "no thanks", "no thank you", "dont reply", "don't reply") + NO,
)


def reply_choice(text, language):
    """1, 2 or 3 from the digit, a letter, a number word, or the words of the option in any language."""
    return parse_option(text, REPLY_WORDS, language, contained=False)


def finish_unfinished(turn):
    """A message typed but not finished (they stopped at a question, or texted MENU) still goes to senior
    leaders: the reply taken as "by text", the kind as "unhappy with support" if it was never chosen (staff can
    change it). Returns the message, or None when nothing was typed yet."""
    state = turn.state
    if turn.conversation.flow != "tellus" or not state.get("body") or turn.person is None:
        return None
    kind = Kind(state["kind"]) if state.get("kind") else Kind.UNHAPPY
    if kind == Kind.PROMISE_NOT_KEPT and not state.get("promise_id"):
        kind = Kind.UNHAPPY
    return _send(turn, {**state, "kind": kind.value}, True, ReplyChannel.SMS)


def _send(turn, state, wants_reply, reply_channel):
    message = tellus.send_message(
        actor=turn.actor, young_person_id=turn.person.id, kind=Kind(state["kind"]), body=state["body"],
        channel=turn.channel, promise_id=UUID(state["promise_id"]) if state.get("promise_id") else None,
        praise_for=state.get("praise_for"), wants_reply=wants_reply, reply_channel=reply_channel)
    prompt = prompts.TELLUS_THANKS_REPLY if wants_reply else prompts.TELLUS_THANKS
    turn.goto("menu")
    # Read (acknowledged) by one date, answered by a later one: both are the message's own deadlines.
    turn.say(prompts.render(prompt, ack=sms_date(message.ack_due_at, "EEE d MMM"),
                            response=sms_date(message.response_due_at, "EEE d MMM"),
                            ref=str(message.id)[:6].upper()))
    return message
