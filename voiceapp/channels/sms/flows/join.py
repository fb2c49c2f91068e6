"""Joining from an unknown number: the language first (each in its own script, or straight from a hello in
one), then cohort and age band; or a worker's invitation code."""
from flask import current_app
from flask_babel import force_locale

from voiceapp import languages
from voiceapp.auth import codes
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_choice
from voiceapp.channels.sms.flows import tellus
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.channels.sms.keywords import LANGUAGE_WORDS, greeting_languages, match_keyword
from voiceapp.channels.sms.options import parse_age, parse_option
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.people import services as people

COHORTS = [Cohort.CHILD_IN_CARE, Cohort.CARE_LEAVER]
AGE_BANDS = list(AgeBand)
COHORT_WORDS = (
    ("in care", "child in care", "looked after", "foster", "foster care", "cla", "still in care",
     "في الرعاية", "برعاية"),
    ("care leaver", "leaver", "left care", "leaving care", "care experienced", "i left care",
     "غادرت الرعاية", "تركت الرعاية", "خارج الرعاية"),
)


def offered():
    """The languages the question offers, in registry order (VOICEAPP_LANGUAGES may narrow them)."""
    return [code for code in languages.CODES if code in current_app.config["LANGUAGES"]]


def language_question(choices):
    """'1 English\n2 عربي\n3 فارسی...': each language in its own script, one per line, so right-to-left
    names keep their numbers beside them (a line is a paragraph of its own direction). Not translated."""
    return "\n".join(f"{i} {languages.sms_name(code)}" for i, code in enumerate(choices, 1))


def _mode():
    return current_app.config["SMS_JOIN_MODE"]   # "open" or "invitation"


def start(turn, *, chosen=None, first_text=None):
    """The first reply to an unknown number. A language already chosen (its name texted) skips the question;
    a hello said in one language starts in it; a hello several languages share asks which of those. A first
    text that says something is kept, and offered as a message once they have joined."""
    kept = first_text.strip() if tellus.is_a_message(first_text) else turn.state.get("kept")
    extra = {"kept": kept} if kept else {}
    if _mode() == "invitation":
        turn.goto("join", step="code", **extra)
        return turn.say(prompts.JOIN_CODE)
    choices = offered()
    if chosen is None and not match_keyword(turn.text):
        heard = [code for code in greeting_languages(turn.text) if code in choices]
        chosen = heard[0] if len(heard) == 1 else None
        choices = heard if len(heard) > 1 else choices
    if chosen in offered():
        return _chosen(turn, chosen, **extra)
    turn.goto("join", step="language", choices=choices, **extra)
    turn.say(language_question(choices))


def _chosen(turn, language, **extra):
    turn.conversation.language = language
    turn.goto("join", step="cohort", language=language, **extra)
    with force_locale(language):
        if not turn.conversation.privacy_notice_sent:
            turn.conversation.privacy_notice_sent = True
            turn.say(prompts.privacy_text())
        if extra.get("kept"):
            turn.say(prompts.JOIN_KEPT)     # in their language, once they have chosen it
        turn.say(prompts.JOIN_COHORT)


def step(turn):
    state = turn.state
    handler = {"code": _code, "cohort": _cohort, "age": _age, "language": _language}.get(state.get("step"))
    if handler is None:
        return start(turn)
    handler(turn, state)


def _code(turn, state):
    person = codes.claim_invitation_by_phone(code=turn.text, phone=turn.phone)
    if person is None:
        return turn.say(prompts.JOIN_BAD_CODE)
    _welcome(turn, person)


def _cohort(turn, state):
    choice = parse_option(turn.text, COHORT_WORDS)
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.JOIN_COHORT)
    turn.update(step="age", cohort=COHORTS[choice - 1].value)
    turn.say(prompts.JOIN_AGE)


def _age(turn, state):
    band = age_band(turn.text)
    if band is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.JOIN_AGE)
    state = {**state, "age_band": band.value}
    language = state.get("language") or turn.conversation.language
    if language in offered():
        return _join(turn, state, language)
    # A conversation that started before the language came first: ask it now, then join.
    turn.goto("join", **{**state, "step": "language", "choices": offered()})
    turn.say(language_question(offered()))


def age_band(text):
    """The band from its number (1 to 5), or from an age said as a number or words ("15", "fifteen", "im 15")."""
    choice = parse_choice(text, len(AGE_BANDS))
    if choice is not None:
        return AGE_BANDS[choice - 1]
    age = parse_age(text)
    if age is None:
        return None
    return next(band for band in AGE_BANDS if int(band.value.split("-")[0]) <= age <= int(band.value.split("-")[1]))


def _language(turn, state):
    choices = [code for code in state.get("choices") or offered() if code in offered()] or offered()
    choice = parse_option(turn.text, [LANGUAGE_WORDS.get(code, ()) + (code,) for code in choices])
    if choice is None:
        return turn.say(language_question(choices))
    if state.get("cohort") and state.get("age_band"):
        turn.conversation.language = choices[choice - 1]
        return _join(turn, state, choices[choice - 1])
    _chosen(turn, choices[choice - 1], **({"kept": state["kept"]} if state.get("kept") else {}))


def _join(turn, state, language):
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort(state["cohort"]),
                                        age_band=AgeBand(state["age_band"]), language=language,
                                        phone=turn.phone, phone_from_carrier=True)
    _welcome(turn, person)


def _welcome(turn, person):
    turn.person = person
    turn.conversation.language = person.language
    with force_locale(person.language):
        turn.conversation.privacy_notice_sent = True
        turn.say(prompts.JOIN_DONE, prompts.privacy_text())
        if turn.state.get("kept"):
            return tellus.offer(turn, turn.state["kept"])
        back_to_menu(turn)
