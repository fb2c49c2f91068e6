"""Back to the main menu: where every flow ends, kept apart so flows need not import the menu."""
from voiceapp.channels.sms import prompts


def back_to_menu(turn):
    turn.goto("menu")
    turn.say(prompts.MENU)
