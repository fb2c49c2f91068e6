"""Joining from an unknown number: a short flow (cohort, age band, language) or a worker's invitation code."""
from flask import current_app
from flask_babel import force_locale

from voiceapp.auth import codes
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_choice
from voiceapp.channels.sms.flows import tellus
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.channels.sms.keywords import LANGUAGE_WORDS
from voiceapp.channels.sms.options import parse_age, parse_option
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.people import services as people

COHORTS = [Cohort.CHILD_IN_CARE, Cohort.CARE_LEAVER]
AGE_BANDS = list(AgeBand)
LANGUAGES = ["en", "ar"]
COHORT_WORDS = (
    ("in care", "child in care", "looked after", "foster", "foster care", "cla", "still in care",
     "في الرعاية", "برعاية"),
    ("care leaver", "leaver", "left care", "leaving care", "care experienced", "i left care",
     "غادرت الرعاية", "تركت الرعاية", "خارج الرعاية"),
)


def _mode():
    return current_app.config["SMS_JOIN_MODE"]   # "open" or "invitation"


def start(turn, first_text=None):
    """Join questions; a first text that says something is kept, and offered as a message once they join."""
    kept = first_text if tellus.is_a_message(first_text) else None
    if kept:
        turn.say(prompts.JOIN_KEPT)
    _ask_first(turn, kept)


def _ask_first(turn, kept):
    extra = {"kept": kept.strip()} if kept else {}
    if _mode() == "invitation":
        turn.goto("join", step="code", **extra)
        return turn.say(prompts.JOIN_CODE)
    turn.goto("join", step="cohort", **extra)
    turn.say(prompts.JOIN_COHORT)


def step(turn):
    state = turn.state
    handler = {"code": _code, "cohort": _cohort, "age": _age, "language": _language}.get(state.get("step"))
    if handler is None:
        return start(turn)
    handler(turn, state)


QUESTIONS = {"code": prompts.JOIN_CODE, "cohort": prompts.JOIN_COHORT, "age": prompts.JOIN_AGE,
             "language": prompts.JOIN_LANGUAGE}


def language_named(turn):
    """A language's name while joining: the answer at "Language?", otherwise a switch that keeps their place."""
    state = turn.state
    if state.get("step") == "language":
        return _language(turn, state)
    turn.say(prompts.LANGUAGE_SET, QUESTIONS.get(state.get("step"), prompts.JOIN_COHORT))


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
    turn.update(step="language", age_band=band.value)
    turn.say(prompts.JOIN_LANGUAGE)


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
    choice = parse_option(turn.text, [LANGUAGE_WORDS.get(code, ()) + (code,) for code in LANGUAGES])
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.JOIN_LANGUAGE)
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort(state["cohort"]),
                                        age_band=AgeBand(state["age_band"]), language=LANGUAGES[choice - 1],
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
