"""A texted answer to "are you happy with our answer?" after a message was closed."""
from flask_babel import lazy_gettext as _l

from voiceapp.channels.sms.answers import parse_menu_choice, parse_rating
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
    if not ANSWERS.get(parse_rating(turn.text, turn.person.language)):
        return None    # only a rating word can answer, so most texts need no look in the database
    message = satisfaction.waiting_question(turn.person.id)
    if message is None or not satisfaction.awaits_answer(message):
        return None
    return message


def answer(turn, message):
    satisfaction.record_answer(actor=turn.actor, message_id=message.id, channel=turn.channel,
                               answer=ANSWERS[parse_rating(turn.text, turn.person.language)])
    turn.say(THANKS)
