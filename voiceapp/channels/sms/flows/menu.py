"""The main menu: check the promise, Tell Us We Care, surveys, help, I don't feel safe."""
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_menu_choice
from voiceapp.channels.sms.flows import promise_check, survey, tellus, unsafe
from voiceapp.channels.sms.flows.home import back_to_menu


def start(turn):
    back_to_menu(turn)


def step(turn):
    choice = parse_menu_choice(turn.text)
    if choice == 1:
        return promise_check.start(turn)
    if choice == 2:
        return tellus.start(turn)
    if choice == 3:
        return survey.start(turn)
    if choice == 4:
        return turn.say(prompts.help_text())
    if choice == 5:
        return unsafe.start(turn)
    start(turn)
