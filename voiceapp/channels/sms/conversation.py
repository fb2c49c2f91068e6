"""The SMS conversation: keywords first, then the flow the number is in. No Flask request in here."""
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale

from voiceapp.channels.sms import optout, prompts
from voiceapp.channels.sms.flows import join, menu, promise_check, satisfaction, survey, tellus, unsafe
from voiceapp.channels.sms.keywords import Keyword, match_keyword
from voiceapp.database import utcnow
from voiceapp.errors import DomainError

FLOWS = {"menu": menu, "join": join, "promise": promise_check, "tellus": tellus, "survey": survey}


def handle(turn):
    """Answer one inbound text; returns the texts to reply with (possibly none)."""
    keyword = match_keyword(turn.text)
    if keyword and keyword.keyword == Keyword.LANGUAGE:
        _switch_language(turn, keyword.language)
    with force_locale(_language(turn)):
        _handle(turn, keyword)
        turn.conversation.updated_at = utcnow()
        return list(turn.replies)


def _language(turn):
    if turn.person is not None:
        return turn.person.language
    return turn.conversation.language or current_app.config["BABEL_DEFAULT_LOCALE"]


def _handle(turn, keyword):
    if keyword and keyword.keyword in (Keyword.OPT_OUT, Keyword.OPT_IN):
        return _opt(turn, keyword.keyword)
    if turn.person is not None and turn.person.sms_opted_out_at:
        return  # recorded, never answered: they asked for no texts
    if keyword:
        return _keyword(turn, keyword.keyword)
    if _expired(turn):
        tellus.finish_unfinished(turn)      # normally the sweep has already sent it (channels/sms/tasks.py)
        turn.goto("menu")
    if turn.person is not None:
        _first_contact(turn)        # a new number has it once its language is known (flows/join.py)
    if turn.person is None and turn.conversation.flow != "join":
        return join.start(turn, first_text=turn.text)
    try:
        question = satisfaction.waiting(turn)
        if question is not None:
            return satisfaction.answer(turn, question)
        FLOWS[turn.conversation.flow].step(turn)
    except DomainError as error:
        turn.say(error.message)
        menu.start(turn)


def _expired(turn):
    ttl = timedelta(seconds=current_app.config["SMS_STATE_TTL_SECONDS"])
    return turn.conversation.flow != "menu" and utcnow() - turn.conversation.updated_at > ttl


def _first_contact(turn):
    """The bite-sized privacy notice, once, on a number's first conversation (PRIV-10)."""
    if not turn.conversation.privacy_notice_sent:
        turn.conversation.privacy_notice_sent = True
        turn.say(prompts.privacy_text())


def _opt(turn, keyword):
    # Twilio answers STOP/START itself on the Messaging Service; a second reply from us would double it.
    if turn.person is not None:
        optout.set_opted_out(turn.person, keyword == Keyword.OPT_OUT)
    turn.goto("menu")


def _keyword(turn, keyword):
    if keyword == Keyword.HELP:
        turn.say(prompts.help_text())
    elif keyword == Keyword.UNSAFE:
        unsafe.start(turn)
    elif keyword == Keyword.MENU or keyword == Keyword.LANGUAGE:
        if keyword == Keyword.LANGUAGE:
            turn.say(prompts.LANGUAGE_SET)
        if turn.person is None:
            return join.start(turn, chosen=turn.conversation.language if keyword == Keyword.LANGUAGE else None)
        tellus.finish_unfinished(turn)      # MENU in the middle of a message sends what they wrote
        menu.start(turn)


def _switch_language(turn, language):
    if language not in current_app.config["LANGUAGES"]:
        return
    turn.conversation.language = language
    if turn.person is not None:
        turn.person.language = language
