"""Twilio's voice webhooks: a keypad menu, promise ratings, a recorded message, and 'I don't feel safe'."""
import logging
from functools import wraps

from flask import Blueprint, current_app, request, url_for
from flask_babel import force_locale
from twilio.twiml.voice_response import VoiceResponse

from voiceapp import languages
from voiceapp.channel_enum import Channel
from voiceapp.channels.twiml import twiml_response
from voiceapp.channels.twilio_auth import twilio_signed
from voiceapp.channels.voice import prompts, services
from voiceapp.extensions import db, limiter
from voiceapp.i18n import localised, numbers_in_order
from voiceapp.messaging import calls
from voiceapp.people import services as people
from voiceapp.safeguarding import alerts, replies
from voiceapp.safeguarding import offline
from voiceapp.tellus.models import Kind

log = logging.getLogger(__name__)
bp = Blueprint("twilio_voice", __name__, url_prefix="/twilio/voice")
limiter.exempt(bp)


def _language(call):
    if call is None or call.young_person_id is None:
        return "en"
    return languages.base(people.get_young_person(call.young_person_id).language)


def _say(response, text, language):
    voice = prompts.VOICES.get(language, prompts.VOICES["en"])
    response.say(str(text), **voice)


def _answer(call, build):
    """Build TwiML in the caller's language, or in English with an apology where we have no voice."""
    language = _language(call)
    spoken = language if language in prompts.VOICES else "en"
    response = VoiceResponse()
    with force_locale(spoken):
        if spoken != language:
            _say(response, prompts.NO_VOICE, spoken)
            _say(response, str(prompts.NO_VOICE_TEXT_US) % {"language": languages.get(language).english}, spoken)
        build(response, spoken)
    return twiml_response(response)


def _menu(response, language, call):
    gather = response.gather(num_digits=1, input="dtmf speech", action=url_for(".menu_choice"), timeout=8)
    _say(gather, prompts.MENU, language)
    response.redirect(url_for(".incoming_call", silent=1))


def _ended_by_silence(call, question):
    """When Twilio's Gather timed out (it follows the <Redirect> marked silent): None while the question may
    be asked again, else the goodbye that says where help is and ends the call (what was said is kept)."""
    if request.args.get("silent") != "1" or call is None or call.young_person_id is None:
        return None
    if not services.hear_silence(call=call, question=question):
        return None

    def goodbye(response, language):
        config = current_app.config
        _say(response, numbers_in_order(str(prompts.SILENT_GOODBYE) % {
            "emergency": config["CRISIS_EMERGENCY_NUMBER"], "childline": config["CRISIS_CHILDLINE_NUMBER"]},
            language), language)
        response.hangup()
    return _answer(call, goodbye)


def _answered_whatever_fails(view):
    """A caller never hears an application error: with the database down (or anything else failing) the
    line still answers, and keypad 9 still gives the crisis words and reaches the safety team on replay."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except Exception as error:
            log.error("voice call could not be handled (%s): answering without the database", type(error).__name__)
            db.session.rollback()
            return _out_of_order()
    return wrapped


def _out_of_order():
    response = VoiceResponse()
    digits = (request.form.get("Digits") or request.form.get("SpeechResult") or "").strip()[:1]
    with force_locale("en"):
        if request.endpoint == "twilio_voice.menu_choice" and digits == "9":
            message = offline.keep_unsafe_choice(channel=Channel.VOICE, phone=request.form.get("From", ""),
                                                 key=request.form.get("CallSid", ""))
            _say(response, message, "en")
        elif request.endpoint == "twilio_voice.incoming_call":
            gather = response.gather(num_digits=1, action=url_for(".menu_choice"), timeout=8)
            _say(gather, prompts.OUT_OF_ORDER, "en")
            _say(response, prompts.OUT_OF_ORDER_BYE, "en")
        else:
            _say(response, prompts.OUT_OF_ORDER_BYE, "en")
        response.hangup()
    return twiml_response(response)


@bp.route("", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def incoming_call():
    call = services.start_call(call_sid=request.form.get("CallSid", ""), phone=request.form.get("From", ""))
    ended = _ended_by_silence(call, "menu")
    if ended is not None:
        return ended

    def build(response, language):
        if call.young_person_id is None:
            _say(response, prompts.UNKNOWN, language)
            gather = response.gather(num_digits=1, action=url_for(".menu_choice"), timeout=5)
            _say(gather, prompts.MENU, language)
            return
        _say(response, prompts.WELCOME, language)
        _menu(response, language, call)
    return _answer(call, build)


@bp.route("/menu", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def menu_choice():
    call = services.get_call(request.form.get("CallSid", ""))
    digits = (request.form.get("Digits") or request.form.get("SpeechResult") or "").strip()[:1]
    if digits == "9":
        return _unsafe(call)
    if call is None or call.young_person_id is None:
        return _answer(call, lambda response, language: _say(response, prompts.UNKNOWN, language))
    if digits == "1":
        services.begin_promise_check(call)
        return _answer(call, lambda response, language: _ask_promise(response, language, call, 0,
                                                                     draft=services.is_draft(call)))
    if digits == "2":
        return _answer(call, _ask_kind)

    def again(response, language):
        _say(response, prompts.NOT_HEARD, language)
        _menu(response, language, call)
    return _answer(call, again)


def _unsafe(call):
    alerts.report_unsafe(young_person_id=call.young_person_id if call else None, channel=Channel.VOICE)
    return _answer(call, lambda response, language: _say(
        response, replies.crisis_reply(language, unsafe=True), language))


def _ask_promise(response, language, call, index, draft=False):
    promise = services.promises_for(call)[index]
    gather = response.gather(num_digits=1, action=url_for(".promise_rating", i=index), timeout=10)
    if draft:
        _say(gather, prompts.PROMISE_DRAFT, language)
    _say(gather, prompts.PROMISE % {"n": index + 1,
                                    "text": localised(promise.text, promise.translations, language)}, language)
    response.redirect(url_for(".promise_rating", i=index, silent=1))


def _ask_information(response, language):
    gather = response.gather(num_digits=1, action=url_for(".promise_information"), timeout=10)
    _say(gather, prompts.PROMISE_INFORMATION, language)
    response.redirect(url_for(".promise_information", silent=1))


@bp.route("/promise", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def promise_rating():
    call = services.get_call(request.form.get("CallSid", ""))
    index = request.args.get("i", default=0, type=int)
    ended = _ended_by_silence(call, f"promise {index}")
    if ended is not None:
        return ended
    if request.args.get("silent") == "1":
        return _answer(call, lambda response, language: _ask_promise(
            response, language, call, index, draft=index == 0 and services.is_draft(call)))
    following = services.rate_promise(call=call, index=index, digits=request.form.get("Digits", ""))

    def build(response, language):
        if following == "promise":
            return _ask_promise(response, language, call, index + 1)
        if following == "information":
            return _ask_information(response, language)
        _say(response, prompts.PROMISE_DONE, language)
        response.hangup()
    return _answer(call, build)


@bp.route("/promise-information", methods=["POST"])
@twilio_signed
def promise_information():
    call = services.get_call(request.form.get("CallSid", ""))
    ended = _ended_by_silence(call, "information")
    if ended is not None:
        return ended
    if request.args.get("silent") == "1":
        return _answer(call, _ask_information)
    services.answer_promise_information(call=call, digits=request.form.get("Digits", ""))

    def build(response, language):
        _say(response, prompts.PROMISE_DONE, language)
        response.hangup()
    return _answer(call, build)


def _gather(response, text, language, action, **options):
    gather = response.gather(num_digits=options.pop("num_digits", 1), action=url_for(action), timeout=10, **options)
    _say(gather, text, language)
    response.redirect(url_for(action, silent=1))   # silence comes back to the same step, which asks again


def _ask_kind(response, language):
    _gather(response, prompts.KIND, language, ".message_kind")


def _ask_reply(response, language, call):
    mobile = services.caller_has_a_mobile(call)
    _gather(response, prompts.REPLY_MOBILE if mobile else prompts.REPLY_LANDLINE, language, ".message_reply")


def _digits():
    return (request.form.get("Digits") or "").strip()


@bp.route("/kind", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def message_kind():
    """What the voice message is about; a promise not kept then asks which promise."""
    call = services.get_call(request.form.get("CallSid", ""))
    ended = _ended_by_silence(call, "kind")
    if ended is not None:
        return ended
    kind = services.choose_kind(call=call, digits=_digits())

    def build(response, language):
        if kind is None:
            if _digits():
                _say(response, prompts.NOT_HEARD, language)
            return _ask_kind(response, language)
        if kind == Kind.PROMISE_NOT_KEPT:
            total = len(services.promises_for(call))
            return _gather(response, prompts.WHICH_PROMISE % {"total": total}, language, ".message_promise",
                           num_digits=2, finish_on_key="#")
        _ask_reply(response, language, call)
    return _answer(call, build)


@bp.route("/which", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def message_promise():
    call = services.get_call(request.form.get("CallSid", ""))
    ended = _ended_by_silence(call, "which")
    if ended is not None:
        return ended
    promise = services.choose_promise(call=call, digits=_digits())

    def build(response, language):
        if promise is None:
            total = len(services.promises_for(call))
            return _gather(response, prompts.WHICH_PROMISE % {"total": total}, language, ".message_promise",
                           num_digits=2, finish_on_key="#")
        _ask_reply(response, language, call)
    return _answer(call, build)


@bp.route("/reply", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def message_reply():
    """Whether and how they want an answer; then the recording."""
    call = services.get_call(request.form.get("CallSid", ""))
    ended = _ended_by_silence(call, "reply")
    if ended is not None:
        return ended
    choice = services.choose_reply(call=call, digits=_digits())

    def build(response, language):
        if choice is None:
            if _digits():
                _say(response, prompts.NOT_HEARD, language)
            return _ask_reply(response, language, call)
        _record(response, language)
    return _answer(call, build)


def _record(response, language):
    _say(response, prompts.RECORD, language)
    response.record(action=url_for(".recorded"), max_length=180, finish_on_key="#", play_beep=True,
                    transcribe=True, transcribe_callback=url_for(".transcribed"))


@bp.route("/recorded", methods=["POST"])
@twilio_signed
@_answered_whatever_fails
def recorded():
    call = services.get_call(request.form.get("CallSid", ""))
    if call is None or call.young_person_id is None:
        return _answer(call, lambda response, language: response.hangup())
    services.record_voice_message(call=call, recording_sid=request.form.get("RecordingSid", ""),
                                  recording_url=request.form.get("RecordingUrl", ""),
                                  duration=int(request.form.get("RecordingDuration") or 0))

    def build(response, language):
        _say(response, prompts.RECORDED, language)
        response.hangup()
    return _answer(call, build)


@bp.route("/transcription", methods=["POST"])
@twilio_signed
def transcribed():
    services.add_transcription(recording_sid=request.form.get("RecordingSid", ""),
                               text=request.form.get("TranscriptionText", ""),
                               status=request.form.get("TranscriptionStatus", "completed"))
    return "", 204


def _spoken(language):
    language = languages.base(language or "en")
    return language if language in prompts.VOICES else "en"


@bp.route("/answer/<uuid:call_id>", methods=["POST"])
@twilio_signed
def answer_call(call_id):
    """A call back we placed: read the written answer, in the young person's language where there is a voice
    (else English), and offer to read it again."""
    found = calls.answer_for(call_id)
    response = VoiceResponse()
    if found is None:
        response.hangup()
        return twiml_response(response)
    row, body = found
    spoken = _spoken(row.language)
    first = request.args.get("again") is None
    with force_locale(spoken):
        if first or _digits() == "1":
            if first:
                _say(response, prompts.CALL_BACK, spoken)
            _say(response, body, spoken)
            gather = response.gather(num_digits=1, action=url_for(".answer_call", call_id=call_id, again=1),
                                     timeout=8)
            _say(gather, prompts.CALL_BACK_AGAIN, spoken)
        _say(response, prompts.CALL_BACK_BYE, spoken)
        response.hangup()
    return twiml_response(response)


@bp.route("/answer/<uuid:call_id>/status", methods=["POST"])
@twilio_signed
def answer_call_status(call_id):
    """Twilio's status callback for a call back: answered, or not (then it is tried once more)."""
    calls.record_call_status(call_id=call_id, status=request.form.get("CallStatus", ""))
    return "", 204
