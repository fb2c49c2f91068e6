"""A texted answer to "are you happy with our answer?" after a message was closed."""
from flask_babel import lazy_gettext as _l

from voiceapp.channels.sms.answers import parse_menu_choice
from voiceapp.channels.sms.options import read_rating
from voiceapp.tellus import satisfaction

THANKS = _l("Thank you for telling us.")
# The forgiving rating words serve here too: yes/yeah/👍 is yes, kinda is partly, nah/👎 is no.
ANSWERS = {"kept": "yes", "partly": "partly", "not_kept": "no"}


def waiting(turn):
    """The closed message whose question is waiting, when this text is in the menu and answers it."""
    if turn.person is None or turn.conversation.flow != "menu":
        return None
    if parse_menu_choice(turn.text) is not None:
        return None    # in the menu a digit is a menu choice; the question asks for yes, partly or no
    if _answer(turn) is None:
        return None    # only a rating word can answer, so most texts need no look in the database
    message = satisfaction.waiting_question(turn.person.id)
    if message is None or not satisfaction.awaits_answer(message):
        return None
    return message


def _answer(turn):
    """yes, partly or no, with whatever they wrote after it as the reason ("yes, because they listened")."""
    reading = read_rating(turn.text, turn.person.language)
    return reading if reading is not None and reading.value in ANSWERS else None


def answer(turn, message):
    reading = _answer(turn)
    satisfaction.record_answer(actor=turn.actor, message_id=message.id, channel=turn.channel,
                               answer=ANSWERS[reading.value], why=reading.reason)
    turn.say(THANKS)
