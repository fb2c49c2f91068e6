"""Joining from an unknown number: a short flow (cohort, age band, language) or a worker's invitation code."""
from flask import current_app
from flask_babel import force_locale

from voiceapp.auth import codes
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_choice
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.people import services as people

COHORTS = [Cohort.CHILD_IN_CARE, Cohort.CARE_LEAVER]
AGE_BANDS = list(AgeBand)
LANGUAGES = ["en", "ar"]


def _mode():
    return current_app.config["SMS_JOIN_MODE"]   # "open" or "invitation"


def start(turn):
    if _mode() == "invitation":
        turn.goto("join", step="code")
        return turn.say(prompts.JOIN_CODE)
    turn.goto("join", step="cohort")
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
    choice = parse_choice(turn.text, len(COHORTS))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.JOIN_COHORT)
    turn.update(step="age", cohort=COHORTS[choice - 1].value)
    turn.say(prompts.JOIN_AGE)


def _age(turn, state):
    choice = parse_choice(turn.text, len(AGE_BANDS))
    if choice is None:
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.JOIN_AGE)
    turn.update(step="language", age_band=AGE_BANDS[choice - 1].value)
    turn.say(prompts.JOIN_LANGUAGE)


def _language(turn, state):
    choice = parse_choice(turn.text, len(LANGUAGES))
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
        back_to_menu(turn)
