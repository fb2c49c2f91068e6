"""The main menu: check the promise, Tell Us We Care, surveys, help, I don't feel safe."""
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_menu_choice
from voiceapp.channels.sms.flows import promise_check, survey, tellus, unsafe
from voiceapp.channels.sms.flows.home import back_to_menu
from voiceapp.channels.sms.options import parse_option

# The words of each menu item, in every language (the reader folds case, spelling and Arabic forms). Only
# the whole reply counts: "you broke the promise" is a message, not a wish to check it.
MENU_WORDS = (
    ("check", "check the promise", "promise", "the promise", "promises", "rate", "الوعد", "وعد", "تحقق"),
    ("tell us", "tell us we care", "tellus", "complain", "complaint", "أخبرنا", "اخبرنا", "شكوى"),
    ("survey", "surveys", "questions", "استبيان", "استبيانات"),
    ("help", "info", "مساعدة"),
    ("unsafe", "not safe", "i dont feel safe", "i don't feel safe", "dont feel safe", "لست بأمان", "غير آمن"),
)
ACTIONS = {1: promise_check.start, 2: tellus.start, 3: survey.start, 5: unsafe.start}


def start(turn):
    back_to_menu(turn)


def step(turn):
    choice = parse_menu_choice(turn.text) or parse_option(turn.text, MENU_WORDS, _language(turn), contained=False)
    if choice == 4:
        return turn.say(prompts.help_text())
    if choice in ACTIONS:
        return ACTIONS[choice](turn)
    if tellus.is_a_message(turn.text):
        return tellus.offer(turn)       # they wrote something: keep it and offer to send it
    start(turn)


def _language(turn):
    return turn.person.language if turn.person else None
