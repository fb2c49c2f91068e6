"""Language choice: a language picked on a page, the young person's own preference, then Accept-Language."""
from flask import current_app, g, has_request_context, request, session

CHOSEN = "language"          # the session key the pages' language switcher sets
RIGHT_TO_LEFT = {"ar", "fa", "ps", "ckb", "ur"}


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


LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}   # each in its own language, for the switcher


def text_direction(locale):
    return "rtl" if str(locale).split("_")[0] in RIGHT_TO_LEFT else "ltr"


def localised(text, translations, locale):
    """Pick the stored translation of a piece of content, falling back to the English original."""
    return (translations or {}).get(str(locale), text) or text
