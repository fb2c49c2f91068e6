"""SMS keywords (STOP, START, HELP, MENU, UNSAFE, language names): a whole message that is one command."""
import enum
import re
import unicodedata
from dataclasses import dataclass

from voiceapp import languages


class Keyword(str, enum.Enum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    MENU = "menu"
    UNSAFE = "unsafe"
    LANGUAGE = "language"


# Words are written naturally: they pass through the same folding as incoming texts (case, spacing, أ/إ/آ,
# ة/ه, ى/ي, diacritics), so a table never needs to list those variants. The English words work in every
# language; each language's own words are in its registry entry (voiceapp/languages.py).
ENGLISH_WORDS: dict[Keyword, tuple[str, ...]] = {
    # Twilio's own opt-out list, so the app mirrors exactly what the platform has already blocked (TW-09).
    # Other languages' words are the app's courtesy: Twilio does not block on them, the app suppresses sends.
    Keyword.OPT_OUT: ("stop", "stopall", "stop all", "unsubscribe", "cancel", "end", "quit", "revoke",
                      "optout", "opt out"),
    # Never "yes": young people type yes as an answer (TW-10).
    Keyword.OPT_IN: ("start", "unstop"),
    Keyword.HELP: ("help", "help me", "helpme", "help pls", "help please", "info"),
    Keyword.MENU: ("menu",),
    Keyword.UNSAFE: ("unsafe", "not safe", "notsafe"),
}
KEYWORD_WORDS: dict[Keyword, tuple[str, ...]] = {
    keyword: words + tuple(word for language in languages.REGISTRY
                           for word in language.keywords.get(keyword.value, ()))
    for keyword, words in ENGLISH_WORDS.items()
}

# Each registered language's words for itself (in its own script and in English): "ARABIC", "فارسی".
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {language.code: language.words for language in languages.REGISTRY}

# Emoji modifiers that ride on a base emoji: a zero-width joiner plus the sign it joins (🤷‍♀️), skin tones (👍🏽).
_EMOJI_JOINED = re.compile("\u200d[\u2600-\u27bf\U0001F000-\U0001FAFF]?")
_DROPPED_CHARS = frozenset("\u0640" + "".join(map(chr, range(0x1F3FB, 0x1F400))))  # tatweel, skin tones
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me"})  # invisible format marks, diacritics, keycaps, VS16

# Spellings people use interchangeably on phone keyboards, and digits in Arabic-Indic or Persian forms.
_SPELLING = {"إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه"}
_DIGITS = {chr(base + n): str(n) for base in (0x0660, 0x06F0) for n in range(10)}
_STRICT = str.maketrans(_SPELLING | _DIGITS)
_LOOSE = str.maketrans(_SPELLING | _DIGITS | {"أ": "ا"})


def fold(text: str, *, loose_alef: bool = False) -> str:
    """NFKC, casefold, drop invisible marks, diacritics and emoji modifiers, unify Arabic spellings and digits."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _EMOJI_JOINED.sub("", text)
    text = "".join(ch for ch in text
                   if ch not in _DROPPED_CHARS and unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    # أ stays distinct unless asked: keywords need ابدأ (start) apart from أبدا (never).
    return text.translate(_LOOSE if loose_alef else _STRICT)


def trim(text: str) -> str:
    """The text without leading or trailing characters that are not letters or digits (spaces, punctuation, emoji)."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _key(text: str) -> str:
    # "Stop-all", "STOP  ALL" and "stop all!" are all "stop all".
    return re.sub(r"[\s\-_]+", " ", trim(fold(text)))


@dataclass(frozen=True)
class KeywordMatch:
    keyword: Keyword
    language: str | None = None  # the locale code, for Keyword.LANGUAGE only


def _build_index() -> dict[str, KeywordMatch]:
    entries = [(word, KeywordMatch(keyword)) for keyword, words in KEYWORD_WORDS.items() for word in words]
    entries += [(word, KeywordMatch(Keyword.LANGUAGE, code))
                for code, words in LANGUAGE_WORDS.items() for word in words]
    index: dict[str, KeywordMatch] = {}
    for word, match in entries:
        # A word with two meanings is a table mistake: fail at import, not on a young person's message.
        if index.setdefault(_key(word), match) != match:
            raise ValueError(f"SMS keyword {word!r} is listed with two meanings")
    return index


_INDEX = _build_index()


def match_keyword(body: str) -> KeywordMatch | None:
    """The keyword when the WHOLE message, trimmed of spaces, punctuation and emoji, is one; otherwise None."""
    if not isinstance(body, str):
        return None
    return _INDEX.get(_key(body))


def _build_greetings() -> dict[str, tuple[str, ...]]:
    greetings: dict[str, tuple[str, ...]] = {}
    for language in languages.REGISTRY:
        for word in language.greetings:
            key = _key(word)
            if key in _INDEX:
                raise ValueError(f"SMS greeting {word!r} is also a keyword")
            if language.code not in greetings.get(key, ()):
                greetings[key] = greetings.get(key, ()) + (language.code,)
    return greetings


_GREETINGS = _build_greetings()


def greeting_languages(body: str) -> tuple[str, ...]:
    """The languages a whole-message hello is said in ("xin chào": vi; "سلام": ar, fa, ps, ckb), else ()."""
    if not isinstance(body, str):
        return ()
    return _GREETINGS.get(_key(body), ())
