"""What the phone line says, and which voice says it."""
from flask_babel import lazy_gettext as _l

from voiceapp import languages

# Twilio <Say> voices from the language registry; a language without one is spoken in English with an apology.
VOICES = {language.code: language.voice for language in languages.REGISTRY if language.voice}

WELCOME = _l("Hello, this is Tell Us, We Care from Leeds.")
MENU = _l("Press 1 to tell us if we keep our promises. Press 2 to leave a message for senior leaders. "
          "Press 9 if you do not feel safe.")
UNKNOWN = _l("We do not know this phone number yet. Send a text to this number to join. "
             "If you are in danger, call 999. Childline is 0800 1111.")
PROMISE = _l("Promise %(n)s. We promise to %(text)s. Press 1 if we keep it, 2 if we partly keep it, "
             "3 if we do not, 4 if you do not know, or 0 to skip.")
PROMISE_DONE = _l("Thank you. Your answers are saved. Goodbye.")
PROMISE_DRAFT = _l("This promise is a draft. The council has not published it yet, and we want to know what you think.")
PROMISE_INFORMATION = _l("Has your social worker given you the promise and explained it? Press 1 for yes, 2 for no, "
                         "3 if you are not sure, or 0 to skip.")
KIND = _l("What is your message about? Press 1 for a promise we did not keep, 2 if you are unhappy with "
          "your support, or 3 to praise someone.")
WHICH_PROMISE = _l("Which promise? Press its number, 1 to %(total)s, then the hash key.")
REPLY_MOBILE = _l("Do you want an answer? Press 1 for a text to this phone, 2 for a call back, or 3 for no answer.")
REPLY_LANDLINE = _l("Do you want an answer? Press 2 for a call back to this number, or 3 for no answer.")
RECORD = _l("After the beep, tell us what you want senior leaders to know. Press the hash key when you finish.")
RECORDED = _l("Thank you. A senior leader will listen to your message. Goodbye.")
NOT_HEARD = _l("Sorry, I did not get that.")
# A call back: we ring the young person and read the answer a senior leader wrote.
CALL_BACK = _l("Hello, this is Tell Us, We Care from Leeds, calling with our answer to your message. "
               "Here it is.")
CALL_BACK_AGAIN = _l("Press 1 to hear it again.")
CALL_BACK_BYE = _l("Thank you for listening. You can see our answer on the website too. Goodbye.")
# After a question met silence three times (asked, then asked again twice): where help is, then goodbye.
SILENT_GOODBYE = _l("We have not heard you, so we will end the call now. Anything you told us is saved. "
                    "If you are in danger, call %(emergency)s. Childline is free on %(childline)s. "
                    "Or send a text to this number and we will answer you. Goodbye.")
NO_VOICE = _l("Sorry, we cannot speak your language on the phone yet. Please send us a text instead.")
# Said in English after the apology, naming the caller's language in English: an offer, not a dead end.
NO_VOICE_TEXT_US = _l("Text us on this number and we will answer you in %(language)s.")
OUT_OF_ORDER = _l("Sorry, we cannot take your call properly just now. If you do not feel safe, press 9. "
                  "Otherwise please call again later, or send us a text.")
OUT_OF_ORDER_BYE = _l("Please call again later, or send us a text. Goodbye.")
