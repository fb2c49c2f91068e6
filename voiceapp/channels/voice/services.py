"""Use cases behind the phone line: calls, keypad promise ratings and voice messages."""
from uuid import UUID

import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto, signals
from voiceapp.auth.actors import Actor
from voiceapp.channel_enum import Channel
from voiceapp.channels.voice import tasks as voice_tasks
from voiceapp.channels.voice.models import VoiceCall, VoiceRecording
from voiceapp.database import transaction
from voiceapp.errors import DomainError
from voiceapp.extensions import db
from voiceapp.jobs import enqueue
from voiceapp.people import phones
from voiceapp.people import services as people
from voiceapp.promises import services as promises
from voiceapp.safeguarding import unheard
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Kind, Message, ReplyChannel

KEYPAD_RATINGS = {"1": "kept", "2": "partly", "3": "not_kept", "4": "dont_know"}
KEYPAD_KINDS = {"1": Kind.PROMISE_NOT_KEPT, "2": Kind.UNHAPPY, "3": Kind.PRAISE}
# The answer a caller chooses: a text to the phone they call from (a mobile only), a call back, or none.
KEYPAD_REPLIES = {"1": (True, ReplyChannel.SMS), "2": (True, ReplyChannel.CALL), "3": (False, None)}
KEYPAD_INFORMATION = {"1": "yes", "2": "no", "3": "not_sure"}
# How many times a question is asked again when the caller says nothing (Twilio's Gather timing out).
SILENCE_REPEATS = 2


def start_call(*, call_sid, phone):
    """Find or record the call (a retried webhook finds the same row) and who is calling."""
    call = db.session.scalar(sa.select(VoiceCall).where(VoiceCall.call_sid == call_sid))
    if call is not None:
        return call
    try:
        person = people.find_by_phone(phone, from_carrier=True)
        digest = phones.lookup_hash(phones.normalise(phone, from_carrier=True))
    except DomainError:
        person, digest = None, crypto.lookup_hash("phone:" + phone)
    with transaction():
        call = VoiceCall(call_sid=call_sid, phone_hash=digest, young_person_id=person.id if person else None,
                         state={"ratings": []})
        db.session.add(call)
    return call


def get_call(call_sid):
    return db.session.scalar(sa.select(VoiceCall).where(VoiceCall.call_sid == call_sid))


def promises_for(call):
    person = people.get_young_person(call.young_person_id)
    return promises.published_set(person.cohort).promises


def is_draft(call):
    """The caller's promise is a draft: the call says so before the first promise."""
    return promises.published_set(people.get_young_person(call.young_person_id).cohort).is_draft


def begin_promise_check(call):
    """Pressing 1 again starts the check again: the call keeps one rating per promise, never two."""
    with transaction():
        call.state = {**call.state, "ratings": []}


def hear_silence(*, call, question):
    """The caller said nothing at `question`. Returns True when it has now been asked again SILENCE_REPEATS
    times: the call ends, and the promise ratings given so far are saved first (nothing said is lost)."""
    last = call.state.get("silence") or {}
    count = last.get("count", 0) + 1 if last.get("question") == question else 1
    with transaction():
        call.state = {**call.state, "silence": {"question": question, "count": count}}
    if count <= SILENCE_REPEATS:
        return False
    ratings = call.state.get("ratings", [])
    if ratings:
        _save_check(call, ratings)
    return True


def caller_has_a_mobile(call):
    """Whether a text can reach the phone this call comes from (the young person's number on record)."""
    person = people.get_young_person(call.young_person_id)
    return person.phone is not None and phones.is_mobile(crypto.decrypt(person.phone.number_encrypted))


def choose_kind(*, call, digits):
    """The kind of voice message from the keypad; None when the key means nothing here."""
    kind = KEYPAD_KINDS.get(digits)
    if kind is not None:
        with transaction():
            call.state = {**call.state, "kind": kind.value, "promise_id": None}
    return kind


def choose_promise(*, call, digits):
    """Which promise was not kept, by its number; None when there is no such promise."""
    items = promises_for(call)
    number = int(digits) if digits.isdecimal() and len(digits) <= 2 else 0
    if not 1 <= number <= len(items):
        return None
    with transaction():
        call.state = {**call.state, "promise_id": str(items[number - 1].id)}
    return items[number - 1]


def choose_reply(*, call, digits):
    """Whether and how the caller wants an answer; a text only when they call from a mobile."""
    choice = KEYPAD_REPLIES.get(digits)
    if choice is None or (choice[1] == ReplyChannel.SMS and not caller_has_a_mobile(call)):
        return None
    with transaction():
        call.state = {**call.state, "wants_reply": choice[0],
                      "reply_channel": choice[1].value if choice[1] else None}
    return choice


def rate_promise(*, call, index, digits):
    """Keep the keypad answer for promise `index`; after the last one the check is saved, unless the
    promise-information question is due this half-year (then it is saved with that answer). Returns what
    comes next: "promise", "information" or "done"."""
    items = promises_for(call)
    ratings = list(call.state.get("ratings", []))
    if digits in KEYPAD_RATINGS and index < len(items):
        # A retried webhook or a second go at a promise replaces its rating: one per promise.
        ratings = [r for r in ratings if r["promise_id"] != str(items[index].id)]
        ratings.append({"promise_id": str(items[index].id), "rating": KEYPAD_RATINGS[digits]})
    with transaction():
        call.state = {**call.state, "ratings": ratings}
    if index + 1 < len(items):
        return "promise"
    if ratings and promises.promise_information_due(call.young_person_id):
        return "information"
    if ratings:
        _save_check(call, ratings)
    return "done"


def answer_promise_information(*, call, digits):
    """Save the call's ratings with its keypad answer to "has your social worker explained the promise?"."""
    ratings = call.state.get("ratings", [])
    if ratings:
        _save_check(call, ratings, KEYPAD_INFORMATION.get(digits))


def _save_check(call, ratings, information=None):
    answers = [{"promise_id": UUID(r["promise_id"]), "rating": r["rating"]} for r in ratings]
    promises.record_promise_check(actor=Actor(kind="young_person", id=call.young_person_id),
                                  young_person_id=call.young_person_id, answers=answers, channel=Channel.VOICE,
                                  promise_information=information)


def record_voice_message(*, call, recording_sid, recording_url, duration):
    """A voice message becomes a Tell Us message; its audio is fetched later, by a job, from Twilio only.

    Twilio transcribes only some languages: a message from someone who speaks another goes to a person to
    listen to at once, in the same transaction, rather than waiting for words that will never come."""
    existing = db.session.scalar(sa.select(VoiceRecording).where(VoiceRecording.recording_sid == recording_sid))
    if existing is not None:
        return db.session.get(Message, existing.message_id)
    state = call.state or {}
    kind = Kind(state.get("kind") or Kind.UNHAPPY.value)
    if kind == Kind.PROMISE_NOT_KEPT and not state.get("promise_id"):
        kind = Kind.UNHAPPY                 # staff can still change it once they have listened
    reply_channel = ReplyChannel(state["reply_channel"]) if state.get("reply_channel") else None
    message = tellus.send_message(actor=Actor(kind="young_person", id=call.young_person_id),
                                  young_person_id=call.young_person_id, kind=kind,
                                  body=f"(voice message, {duration} seconds)", channel=Channel.VOICE,
                                  promise_id=UUID(state["promise_id"]) if kind == Kind.PROMISE_NOT_KEPT else None,
                                  praise_for="(said in the voice message)" if kind == Kind.PRAISE else None,
                                  wants_reply=bool(state.get("wants_reply")), reply_channel=reply_channel)
    person = people.get_young_person(call.young_person_id)
    with transaction():
        recording = VoiceRecording(message_id=message.id, recording_sid=recording_sid,
                                   recording_url=recording_url, duration_seconds=duration)
        db.session.add(recording)
        db.session.flush()
        if not is_transcribed(person.language):
            unheard.raise_unheard_recording(young_person_id=person.id, recording_id=recording.id,
                                            language=person.language)
        enqueue(voice_tasks.fetch_recording, recording_sid=recording_sid)
    return message


def is_transcribed(language):
    """Whether Twilio's transcription handles this language (VOICEAPP_VOICE_TRANSCRIBED_LANGUAGES)."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    return code in current_app.config["VOICE_TRANSCRIBED_LANGUAGES"]


def add_transcription(*, recording_sid, text, status="completed"):
    """Twilio's transcription becomes the message text, and is screened like any other words; a failed or
    empty one means nobody has the words, so a person is asked to listen instead."""
    recording = db.session.scalar(sa.select(VoiceRecording).where(VoiceRecording.recording_sid == recording_sid))
    if recording is None:
        return None
    message = db.session.get(Message, recording.message_id)
    person = people.get_young_person(message.young_person_id)
    with transaction():
        if status != "completed" or not (text or "").strip():
            unheard.raise_unheard_recording(young_person_id=person.id, recording_id=recording.id,
                                            language=person.language)
            return recording
        recording.transcription = text
        message.body = text
        signals.announce_free_text(source_type="voice_transcription", source_id=recording.id,
                                   young_person_id=person.id, text=text, language=person.language,
                                   channel=Channel.VOICE)
    return recording

