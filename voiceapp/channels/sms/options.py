"""Numbered questions answered in words: one forgiving reader for every option list, and ages as people say them.

Every numbered question (the menu, joining, the kind of message, the reply choice, promise information, survey
options) reads its reply with read_option: the number, letter or number word first, then the words of each
option in any language, one slip of the keyboard forgiven ("yse"), and an answer followed by more words keeps
those words as the reason ("no they never tell me anything").
"""
import re
from dataclasses import dataclass
from functools import lru_cache

from voiceapp.channels.sms import answers

# A short reply may name an option inside a few words ("im a care leaver"); a longer one is a message.
_CONTAINED_MAX_TOKENS = 5
_NEGATIONS = frozenset({"not", "no", "never", "dont", "didnt", "isnt", "wasnt", "cant", "لا", "لم", "مش", "ما", "ليس"})
_REASON_SEPARATORS = " ,.;:-–—!\n\t"


@dataclass(frozen=True)
class Answer:
    """An answer read from a reply, and the words that came with it (the reason), if any."""
    value: object
    reason: str | None = None


def _words(text):
    return _tokens(str(text))


@lru_cache(maxsize=8192)
def _tokens(text):
    # Every numbered reply is read against every phrase of its options in every language (hundreds): the
    # phrases are the same text after text, so each is split into words once per process.
    return tuple(answers.tokens(text))


def _one_slip(said, word):
    """Within one letter typed wrong, missed, doubled or two swapped: for words long enough to be sure."""
    if said == word or min(len(said), len(word)) < 3:
        return said == word
    if len(said) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(said, word)) if a != b]
        swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and said[diffs[0]] == word[diffs[1]] \
            and said[diffs[1]] == word[diffs[0]]
        return swapped or (len(diffs) == 1 and len(word) >= 4)
    short, long_ = sorted((said, word), key=len)
    if len(long_) - len(short) != 1 or len(short) < 4:
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _meanings(said, options, exact):
    """The options (1-based) whose phrases match the reply's words: all of them (exact) or inside them."""
    found = set()
    for number, phrases in enumerate(options, 1):
        for phrase in phrases:
            words = _words(phrase)
            if not words:
                continue
            if exact and (words == said or (len(said) == len(words) == 1 and _one_slip(said[0], words[0]))):
                found.add(number)
            elif not exact and len(words) < len(said) and _inside(words, said):
                found.add(number)
    return found


def _inside(words, said):
    return any(said[i:i + len(words)] == words for i in range(len(said) - len(words) + 1))


def _without_fillers(said):
    """The reply's words without politeness ("yes please", "2 thanks x")."""
    fillers = sorted({_words(filler) for filler in answers.FILLERS} - {()}, key=len, reverse=True)
    kept, i = [], 0
    while i < len(said):
        width = next((len(f) for f in fillers if said[i:i + len(f)] == f), 0)
        if not width:
            kept.append(said[i])
        i += width or 1
    return tuple(kept)


def parse_option(body, options, language=None, *, contained=True):
    """One option (1-based) from its number, letter or number word, or from the words of one option in any
    language; options lists, for each option in order, the phrases that mean it. With contained, a short
    reply naming one option among other words ("im a care leaver") answers too. None when unclear."""
    if not isinstance(body, str):
        return None
    choice = answers.parse_choice(body, len(options))
    if choice is not None:
        return choice
    said = _without_fillers(_words(body))
    if not said:
        return None
    found = _meanings(said, options, exact=True)
    if not found and contained and len(said) <= _CONTAINED_MAX_TOKENS and not _NEGATIONS & set(said):
        found = _meanings(said, options, exact=False)
    return found.pop() if len(found) == 1 else None


def with_reason(body, read):
    """The answer read(text) gives for the whole reply, or for its first words with the rest kept as the
    reason ("no they never tell me anything", "yes, because they listened"); None when neither reads."""
    if not isinstance(body, str):
        return None
    value = read(body)
    if value is not None:
        return Answer(value)
    words = body.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        value = read(" ".join(words[:size]).rstrip(_REASON_SEPARATORS))
        if value is not None:
            reason = " ".join(words[size:]).strip(_REASON_SEPARATORS)
            return Answer(value, reason or None)
    return None


def read_option(body, options, language=None, *, contained=True):
    """parse_option, with an answer followed by more words keeping them as its reason."""
    return with_reason(body, lambda text: parse_option(text, options, language, contained=contained))


RATING_OPTIONS = tuple(answers.RATING_DIGITS.values())


def parse_rating(body, language=None):
    """answers.parse_rating, forgiving one slip of the keyboard in a one-word reply ("yse", "nver")."""
    value = answers.parse_rating(body, language)
    if value is not None or not isinstance(body, str):
        return value
    said = _without_fillers(_words(body))
    if len(said) != 1:
        return None
    # A one-word reply matches a one-word rating phrase within one slip, so only phrases one letter shorter,
    # as long, or one longer can match: read from an index built once, not every phrase of every language.
    word, by_length = said[0], _rating_words_by_length()
    found = {number for length in (len(word) - 1, len(word), len(word) + 1)
             for phrase, number in by_length.get(length, ()) if _one_slip(word, phrase)}
    return RATING_OPTIONS[found.pop() - 1] if len(found) == 1 else None


@lru_cache(maxsize=1)
def _rating_words_by_length():
    """Every one-word rating phrase in every language with its option (1-based), grouped by length."""
    by_length = {}
    for number, rating in enumerate(RATING_OPTIONS, 1):
        for code in answers.RATING_WORDS.values():
            for phrase in code[rating]:
                words = _words(phrase)
                if len(words) == 1:
                    by_length.setdefault(len(words[0]), []).append((words[0], number))
    return by_length


def read_rating(body, language=None):
    """A promise rating, with the words after it kept as the reason."""
    return with_reason(body, lambda text: parse_rating(text, language))


# Yes, no and not sure as option phrases, for the questions numbered 1 yes 2 no 3 not sure.
YES = tuple(word for words in answers.YES_NO_WORDS.values() for word in words[True])
NO = tuple(word for words in answers.YES_NO_WORDS.values() for word in words[False])
NOT_SURE = tuple(word for words in answers.RATING_WORDS.values() for word in words["dont_know"])


def parse_yes_no(body, language=None):
    """True or False from the yes/no words, forgiving one slip of the keyboard ("yse")."""
    value = answers.parse_yes_no(body, language)
    if value is not None:
        return value
    said = _without_fillers(_words(body)) if isinstance(body, str) else ()
    found = _meanings(said, (YES, NO), exact=True) if said else set()
    return (found.pop() == 1) if len(found) == 1 else None


# Ages: "15", "fifteen", "twenty one", "im 15", "15 years old", "عمري ١٥".
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
_UNITS = ("zero one two three four five six seven eight nine").split()
_AGE_WORDS = {word: value for value, word in enumerate(_TEENS, 10)} | {"twenty": 20}
_AGE_NOISE = frozenset("i im am a my age aged is its years year yrs yr old y o and عمري سنة سنه سنوات انا عندي".split())


def _numbers(words):
    values, i = [], 0
    while i < len(words):
        word = words[i]
        if word.isdecimal() and len(word) <= 3:
            values.append(int(word))
        elif word in _AGE_WORDS:
            value = _AGE_WORDS[word]
            if value == 20 and i + 1 < len(words) and words[i + 1] in _UNITS:
                value, i = 20 + _UNITS.index(words[i + 1]), i + 1
            values.append(value)
        elif re.fullmatch(r"\d{1,3}[a-z]+", word):      # "15yrs", "15yo"
            values.append(int(re.match(r"\d+", word)[0]))
        elif word not in _AGE_NOISE:
            return None
        i += 1
    return values


def parse_age(body, youngest=10, oldest=25):
    """An age in years from a reply that is only an age and the words around one ("im 15"); None otherwise.
    A single digit is not an age here: the age question numbers its bands 1 to 5."""
    if not isinstance(body, str):
        return None
    values = _numbers(list(_words(body)))
    if not values or len(values) != 1:
        return None
    age = values[0]
    return age if youngest <= age <= oldest else None
