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
from voiceapp.tellus.models import Kind, Message

KEYPAD_RATINGS = {"1": "kept", "2": "partly", "3": "not_kept"}
KEYPAD_INFORMATION = {"1": "yes", "2": "no", "3": "not_sure"}


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
    return promises.current_set(person.cohort).promises


def is_draft(call):
    """The caller's promise is a draft: the call says so before the first promise."""
    return promises.current_set(people.get_young_person(call.young_person_id).cohort).is_draft


def rate_promise(*, call, index, digits):
    """Keep the keypad answer for promise `index`; after the last one the check is saved, unless the
    promise-information question is due this half-year (then it is saved with that answer). Returns what
    comes next: "promise", "information" or "done"."""
    items = promises_for(call)
    ratings = list(call.state.get("ratings", []))
    if digits in KEYPAD_RATINGS and index < len(items):
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
    message = tellus.send_message(actor=Actor(kind="young_person", id=call.young_person_id),
                                  young_person_id=call.young_person_id, kind=Kind.UNHAPPY,
                                  body=f"(voice message, {duration} seconds)", channel=Channel.VOICE,
                                  wants_reply=False)
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

