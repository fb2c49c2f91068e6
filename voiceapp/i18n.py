"""Language choice: a language picked on a page, the young person's own preference, then Accept-Language."""
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, g, has_request_context, request, session
from flask_babel import format_date, get_locale
from markupsafe import Markup

from voiceapp import languages

CHOSEN = "language"          # the session key the pages' language switcher sets
RIGHT_TO_LEFT = frozenset(language.code for language in languages.REGISTRY if language.direction == "rtl")
# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): in a young person's words they can make a
# staff page, an export or a report read differently from what was sent ("Trojan Source"). Arabic needs
# none of them to show right to left; the marks U+200E, U+200F and U+061C, which cannot reorder text, stay.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def supported():
    return tuple(current_app.config["LANGUAGES"])


def select_locale():
    """Pick the locale for this request."""
    forced = getattr(g, "locale", None) if has_request_context() else None
    if forced in supported():
        return forced
    chosen = session.get(CHOSEN) if has_request_context() else None
    if chosen in supported():
        return chosen
    actor = getattr(g, "actor", None) if has_request_context() else None
    preferred = getattr(actor, "language", None)
    if preferred in supported():
        return preferred
    if has_request_context():
        return request.accept_languages.best_match(supported()) or current_app.config["BABEL_DEFAULT_LOCALE"]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


LONDON = ZoneInfo("Europe/London")


def sms_date(moment, pattern):
    """A date for a text, in the current language: its London calendar day in the pattern given, or as numbers
    where the language's month and day names would send its GSM-7 texts as UCS-2 (languages.Language.sms_date)."""
    language = languages.get(str(get_locale()))
    day = moment.astimezone(LONDON).date() if isinstance(moment, datetime) else moment
    return format_date(day, (language.sms_date if language else None) or pattern)


LANGUAGE_NAMES = {language.code: language.native for language in languages.REGISTRY}   # each in itself


def text_direction(locale):
    return languages.direction(str(locale))


def localised(text, translations, locale):
    """Pick the stored translation of a piece of content, falling back to the English original."""
    return (translations or {}).get(str(locale), text) or text


def without_bidi_controls(text):
    """The text with its direction overrides and isolates taken out, for showing it to someone."""
    return text.translate(BIDI_CONTROLS) if isinstance(text, str) else text


def shown(value):
    """Jinja's finalize: every value a template prints, with no direction override in it."""
    if isinstance(value, Markup):
        return Markup(str(value).translate(BIDI_CONTROLS))
    return without_bidi_controls(value)


# A phone number written in groups ("0113 000 0000", "0800 1111", "+44 7700 900123"): in right-to-left text
# the spaces between its groups take the text's direction and the groups come out in reverse order
# ("0000 000 0113"). A left-to-right mark before and after keeps it in order; the marks cannot reorder
# anything else, so they are safe in SMS, in attributes and in a young person's copy of their data.
GROUPED_NUMBER = re.compile(r"(?<![\u200e\d+])(?:\+\d{1,3}[ \u00a0])?\d{3,}(?:[ \u00a0]\d{3,})+(?![\u200e\d])")
LRM = "\u200e"


def text_in_order(text):
    """An outgoing text with its grouped numbers kept in order when it is written in a right-to-left script: a
    phone takes a text's direction from its letters, whichever locale wrote it (letters, notices, invitations)."""
    return numbers_in_order(text, languages.written_in(text)) if isinstance(text, str) else text


def numbers_in_order(text, locale=None):
    """The text with grouped numbers kept left to right when the locale is written right to left."""
    if not isinstance(text, str) or text_direction(locale if locale is not None else get_locale()) != "rtl":
        return text
    return GROUPED_NUMBER.sub(lambda m: LRM + m.group(0) + LRM, text)
