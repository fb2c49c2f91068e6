"""Twilio's voice webhooks: a keypad menu, promise ratings, a recorded message, and 'I don't feel safe'."""
from flask import Blueprint, request, url_for
from flask_babel import force_locale
from twilio.twiml.voice_response import VoiceResponse

from voiceapp.channels.twiml import twiml_response
from voiceapp.channels.twilio_auth import twilio_signed
from voiceapp.channels.voice import prompts, services
from voiceapp.extensions import limiter
from voiceapp.i18n import localised
from voiceapp.people import services as people
from voiceapp.promises.models import Channel

bp = Blueprint("twilio_voice", __name__, url_prefix="/twilio/voice")
limiter.exempt(bp)


def _language(call):
    if call is None or call.young_person_id is None:
        return "en"
    return people.get_young_person(call.young_person_id).language


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
        build(response, spoken)
    return twiml_response(response)


def _menu(response, language, call):
    gather = response.gather(num_digits=1, input="dtmf speech", action=url_for(".menu_choice"), timeout=8)
    _say(gather, prompts.MENU, language)
    response.redirect(url_for(".incoming_call"))


@bp.route("", methods=["POST"])
@twilio_signed
def incoming_call():
    call = services.start_call(call_sid=request.form.get("CallSid", ""), phone=request.form.get("From", ""))

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
def menu_choice():
    call = services.get_call(request.form.get("CallSid", ""))
    digits = (request.form.get("Digits") or request.form.get("SpeechResult") or "").strip()[:1]
    if digits == "9":
        return _unsafe(call)
    if call is None or call.young_person_id is None:
        return _answer(call, lambda response, language: _say(response, prompts.UNKNOWN, language))
    if digits == "1":
        return _answer(call, lambda response, language: _ask_promise(response, language, call, 0))
    if digits == "2":
        return _answer(call, _record)

    def again(response, language):
        _say(response, prompts.NOT_HEARD, language)
        _menu(response, language, call)
    return _answer(call, again)


def _unsafe(call):
    from voiceapp.safeguarding import alerts, replies
    alerts.report_unsafe(young_person_id=call.young_person_id if call else None, channel=Channel.VOICE)
    return _answer(call, lambda response, language: _say(
        response, replies.crisis_reply(language, unsafe=True), language))


def _ask_promise(response, language, call, index):
    promise = services.promises_for(call)[index]
    gather = response.gather(num_digits=1, action=url_for(".promise_rating", i=index), timeout=10)
    _say(gather, prompts.PROMISE % {"n": index + 1,
                                    "text": localised(promise.text, promise.translations, language)}, language)


@bp.route("/promise", methods=["POST"])
@twilio_signed
def promise_rating():
    call = services.get_call(request.form.get("CallSid", ""))
    index = request.args.get("i", default=0, type=int)
    more = services.rate_promise(call=call, index=index, digits=request.form.get("Digits", ""))

    def build(response, language):
        if more:
            return _ask_promise(response, language, call, index + 1)
        _say(response, prompts.PROMISE_DONE, language)
        response.hangup()
    return _answer(call, build)


def _record(response, language):
    _say(response, prompts.RECORD, language)
    response.record(action=url_for(".recorded"), max_length=180, finish_on_key="#", play_beep=True,
                    transcribe=True, transcribe_callback=url_for(".transcribed"))


@bp.route("/recorded", methods=["POST"])
@twilio_signed
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
