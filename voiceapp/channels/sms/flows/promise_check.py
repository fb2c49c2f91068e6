"""Checking the promise by text: one promise per message, forgiving answers, a comment at the end."""
from uuid import UUID

from flask_babel import get_locale

from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.channels.sms.options import NO, NOT_SURE, YES, parse_option, read_rating
from voiceapp.i18n import localised
from voiceapp.promises import services as promises


def _promises(turn):
    return promises.published_set(turn.person.cohort).promises


# The promise-information answers in order (1 yes 2 no 3 not sure), by number or words; 0 or anything else skips.
INFORMATION = ("yes", "no", "not_sure")
INFORMATION_WORDS = (YES, NO, NOT_SURE)


def start(turn):
    turn.goto("promise", i=0, ratings=[], tries=0)
    if promises.published_set(turn.person.cohort).is_draft:
        turn.say(prompts.PROMISE_DRAFT)
    _ask(turn, 0)


def _ask(turn, index):
    items = _promises(turn)
    promise = items[index]
    turn.say(prompts.render(prompts.PROMISE_QUESTION, n=index + 1, total=len(items),
                            text=localised(promise.text, promise.translations, get_locale())))


def step(turn):
    state = turn.state
    if state.get("comment"):
        return _finish(turn, state)
    if state.get("information"):
        return _information(turn)
    answer = read_rating(turn.text, turn.person.language)
    rating = answer.value if answer else None
    if rating is None and state["tries"] == 0:
        turn.update(tries=1)
        return turn.say(prompts.NOT_UNDERSTOOD, prompts.PROMISE_HINT)
    ratings = list(state["ratings"])
    items = _promises(turn)
    if rating not in (None, "skip"):
        # "no they never tell me anything": the rating, and their reason kept with it.
        ratings.append({"promise_id": str(items[state["i"]].id), "rating": rating, "comment": answer.reason})
    index = state["i"] + 1
    turn.update(i=index, ratings=ratings, tries=0)
    if index < len(items):
        return _ask(turn, index)
    if ratings and promises.promise_information_due(turn.person.id):
        turn.update(information=True)
        return turn.say(prompts.PROMISE_INFORMATION)
    turn.update(comment=True)
    turn.say(prompts.PROMISE_COMMENT)


def _information(turn):
    """Once a half-year, after the last promise: has their social worker explained the promise?"""
    choice = parse_option(turn.text, INFORMATION_WORDS, turn.person.language, contained=False)
    turn.update(information=False, promise_information=INFORMATION[choice - 1] if choice else None, comment=True)
    turn.say(prompts.PROMISE_COMMENT)


def _finish(turn, state):
    comment = None if turn.text.strip() in ("0", "٠") else turn.text.strip()
    answers = [{"promise_id": UUID(r["promise_id"]), "rating": r["rating"], "comment": r.get("comment")}
               for r in state["ratings"]]
    if answers:
        promises.record_promise_check(actor=turn.actor, young_person_id=turn.person.id, answers=answers,
                                      channel=turn.channel, comment=comment,
                                      promise_information=state.get("promise_information"))
    turn.goto("menu")
    turn.say(prompts.PROMISE_DONE)
    if not answers:
        back_to_menu(turn)
