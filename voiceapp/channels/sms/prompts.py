"""Every text the SMS conversation sends, short enough for one segment where the language allows."""
from flask import current_app
from flask_babel import lazy_gettext as _l

MENU = _l("Reply 1 Check the promise, 2 Tell Us We Care, 3 Surveys, 4 Help, 5 I don't feel safe")
PRIVACY = _l("Your texts are private unless you are in danger. More: %(url)s")
HELP = _l("In danger? Call 999. Childline 0800 1111 any time. Us: %(contact)s. Send MENU to start again")
HOLDING = _l("Thanks, we got your message. We will reply soon.")
NOT_UNDERSTOOD = _l("Sorry, I did not get that.")
LANGUAGE_SET = _l("OK, we will text you in English.")

JOIN_COHORT = _l("Hi! To join, reply 1 if you are in care or 2 if you are a care leaver.")
JOIN_AGE = _l("How old are you? 1 10-12, 2 13-15, 3 16-17, 4 18-21, 5 22-25")
JOIN_CODE = _l("Hi! Please send the code your worker gave you.")
JOIN_BAD_CODE = _l("That code did not work. Check it, or ask your worker for a new one.")
JOIN_DONE = _l("Welcome! You have joined.")
JOIN_KEPT = _l("We have kept your message. First, a few quick questions so we can answer you.")

PROMISE_QUESTION = _l("%(n)s/%(total)s We promise to %(text)s. Kept? 1 yes 2 partly 3 no 4 not sure 0 skip")
PROMISE_HINT = _l("Reply 1 yes, 2 partly, 3 no, 4 not sure, or 0 to skip.")
PROMISE_COMMENT = _l("Thanks! Anything to add? Reply with a comment, or 0 to finish.")
PROMISE_DONE = _l("Thank you. Your answers are saved. Send MENU for more.")
PROMISE_NONE = _l("Sorry, there is no promise to check yet. Send MENU for more.")
PROMISE_DRAFT = _l("This promise is a DRAFT: the council has not published it yet. Tell us what you think of it.")
PROMISE_INFORMATION = _l("Has your social worker given you the promise and explained it? 1 yes 2 no 3 not sure 0 skip")

TELLUS_KIND = _l("What is it about? 1 A promise not kept, 2 Unhappy with support, 3 Praise for someone")
TELLUS_WHICH = _l("Which promise? Reply with its number, 1 to %(total)s. Send L for the list.")
TELLUS_PRAISE_WHO = _l("Who do you want to praise? Send their name or team.")
TELLUS_BODY = _l("Tell us what happened. You can use more than one text.")
TELLUS_WANTS_REPLY = _l("Do you want a reply? 1 Yes by text, 2 Yes through my worker, 3 No")
TELLUS_THANKS_REPLY = _l("Thank you. A senior leader will read this by %(ack)s and answer you by %(response)s. "
                         "Ref %(ref)s")
TELLUS_THANKS = _l("Thank you. A senior leader will read this by %(ack)s. Ref %(ref)s")
TELLUS_KIND_AFTER = _l("Got your message. Is it about 1 A promise not kept, 2 Unhappy with support, 3 Praise?")
TELLUS_ADDED = _l("Added to your message.")
TELLUS_OFFER = _l("Do you want to send this to a senior leader as Tell Us We Care? 1 Yes, 2 No")
TELLUS_NOT_SENT = _l("OK, we have not sent it.")

SURVEY_NONE = _l("There are no surveys for you right now. Send MENU for more.")
SURVEY_CHOOSE = _l("Which survey? %(choices)s")
SURVEY_SCALE = _l("Reply %(low)s to %(high)s")
SURVEY_MULTI = _l("Send all that fit, like 1 3")
SURVEY_YES_NO = _l("Reply yes or no")
SURVEY_SKIP = _l("0 to skip")
SURVEY_DONE = _l("Thank you for answering. Send MENU for more.")


def render(prompt, **values):
    """The prompt in the current locale, with its values filled in."""
    return str(prompt) % values if values else str(prompt)


def help_text():
    return render(HELP, contact=current_app.config["SERVICE_CONTACT"])


def privacy_text():
    url = current_app.config.get("PRIVACY_URL") or current_app.config["PUBLIC_URL"].rstrip("/") + "/privacy"
    return render(PRIVACY, url=url)


def numbered(options):
    """'1 Foster home, 2 Children's home' for a list of options."""
    return ", ".join(f"{i} {option}" for i, option in enumerate(options, 1))


ALL = [MENU, PRIVACY, HELP, HOLDING, NOT_UNDERSTOOD, LANGUAGE_SET, JOIN_COHORT, JOIN_AGE, 
       JOIN_CODE, JOIN_BAD_CODE, JOIN_DONE, PROMISE_QUESTION, PROMISE_HINT, PROMISE_COMMENT, PROMISE_DONE,
       PROMISE_NONE, PROMISE_DRAFT, PROMISE_INFORMATION, TELLUS_KIND, TELLUS_WHICH, TELLUS_PRAISE_WHO, TELLUS_BODY, TELLUS_WANTS_REPLY, TELLUS_KIND_AFTER, TELLUS_ADDED,
       TELLUS_OFFER, TELLUS_NOT_SENT, JOIN_KEPT,
       TELLUS_THANKS_REPLY, TELLUS_THANKS, SURVEY_NONE, SURVEY_CHOOSE, SURVEY_SCALE, SURVEY_MULTI,
       SURVEY_YES_NO, SURVEY_SKIP, SURVEY_DONE]
