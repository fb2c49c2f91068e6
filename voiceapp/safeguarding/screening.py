"""Screening free text for risk of harm: a pure function from a message to the lexicon entries it matches.

Screening only puts a message in front of a human; it never decides anything about a young person.
"""
from __future__ import annotations

import array
import collections
import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from voiceapp import languages
from voiceapp.safeguarding import normalise

CATEGORIES = (
    "suicide_self_harm",
    "physical_abuse",
    "sexual_abuse",
    "emotional_abuse",
    "neglect",
    "sexual_exploitation",
    "criminal_exploitation",
    "missing_or_homeless",
    "immediate_danger",
    "harm_by_carer_or_worker",
    "threat_to_keep_quiet",
    "domestic_abuse",
)


@dataclass(frozen=True)
class Hit:
    category: str
    term: str
    language: str


@dataclass(frozen=True)
class Screening:
    hits: tuple[Hit, ...] = ()

    @property
    def is_risk(self) -> bool:
        return bool(self.hits)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({hit.category for hit in self.hits}))


def screen(text: str | None, language: str | None = None) -> Screening:
    """Screen text for signs of risk of harm with every lexicon installed.

    A young person may write in any language whatever their profile says (a new number has no language
    yet; an Arabic speaker may write English, Arabic script or Arabizi), so `language` never narrows the
    screening: it is accepted only so callers can keep passing it, and it chooses the reply elsewhere.
    Results are immutable, so repeats of a text are remembered.
    """
    return _screen_cached(text)


@functools.lru_cache(maxsize=1024)
def _screen_cached(text: str | None) -> Screening:
    if not text or not text.strip():
        return Screening()
    raw = normalise.tokens(text)
    return Screening(tuple(dict.fromkeys(hit for lang in lexicon_languages() for hit in _lexicon(lang).scan(raw))))


def warm_up() -> None:
    """Load every lexicon now (a second or two of CPU), so no young person's text waits for it."""
    for language in lexicon_languages():
        _lexicon(language)


@functools.lru_cache(maxsize=1)
def lexicon_languages() -> tuple[str, ...]:
    """Languages that have a lexicon file, e.g. ("ar", "en")."""
    folder = resources.files("voiceapp.safeguarding") / "lexicons"
    return tuple(sorted(f.name.removesuffix(".yaml") for f in folder.iterdir() if f.name.endswith(".yaml")))


def missing_lexicons() -> tuple[str, ...]:
    """Registered languages with no lexicon yet: their texts are still screened with every other lexicon."""
    return tuple(code for code in languages.CODES if code not in lexicon_languages())


@functools.lru_cache(maxsize=None)
def _lexicon(language: str) -> _Lexicon:
    path = resources.files("voiceapp.safeguarding") / "lexicons" / f"{language}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _Lexicon(normalise.read_lexicon(language, data, CATEGORIES))


@dataclass
class _Message:
    """A message as one lexicon reads it: its words after txt-speak and splitting glued words, and for
    each word the lexicon words it may stand for."""
    words: list[str]
    source: list[int]          # which written token each word came from
    glue: list[bool]           # whether a word split from a glued token is a small joining word ("im")
    candidates: list[tuple[str, ...]]   # may include slips ("sucide" -> "suicide")
    close: list[tuple[str, ...]]        # the same word, only with prefixes off or doubled letters folded

    @functools.cached_property
    def where(self) -> dict[str, list[int]]:
        """Positions of each lexicon word in the message; only needed once a match is being checked."""
        where: dict[str, list[int]] = {}
        for position, candidates in enumerate(self.candidates):
            for candidate in candidates:
                where.setdefault(candidate, []).append(position)
        return where


class _Lexicon:
    """One language's lexicon, indexed for matching, and the matching that uses it."""

    def __init__(self, file: normalise.LexiconFile):
        self.file, self.settings = file, file.settings
        self.variant_words = [words for words, _ in file.variants]
        self.variant_entry = array.array("I", (entry for _, entry in file.variants))
        file.variants = []   # the variants now live here, in a more compact form
        self.hits = [Hit(e.category, e.term, file.language) for e in file.entries]
        # unless/near phrases with the position of their first real word, which is looked up in the message.
        self.unless = [tuple((p, _first_word(p)) for p in e.unless) for e in file.entries]
        self.near = [tuple((p, _first_word(p)) for p in e.near) for e in file.entries]
        phrase_words = {w for words in self.variant_words for w in words} - {"*"}
        near = {w for e in file.entries for p in e.near for w in p} - {"*"}
        unless = {w for e in file.entries for p in e.unless for w in p} - {"*"}
        # Only words of entries that allow slips (and near words) are looked for as misspellings.
        fuzzy = {w for words, i in zip(self.variant_words, self.variant_entry) if file.entries[i].fuzzy for w in words}
        self.reader = normalise.Reader(file, frozenset(phrase_words | near | unless), phrase_words, fuzzy | near)
        self._index_variants()

    def _index_variants(self) -> None:
        # Each variant is filed under one of its words plus the words either side (None where it has
        # none), choosing the three-word window that fewest variants share, so that a common word in a
        # message only brings up the few variants that could match there.
        shared = collections.Counter(_window(words, i) for words in self.variant_words
                                     for i, w in enumerate(words) if w != "*")
        anchors: dict[str, dict] = {}
        self.anchor_at = array.array("B")
        self.longest = max(map(len, self.variant_words))
        for number, words in enumerate(self.variant_words):
            at = min((i for i, w in enumerate(words) if w != "*"),
                     key=lambda i: (shared[_window(words, i)], -len(words[i])))
            before, word, after = _window(words, at)
            anchors.setdefault(word, {}).setdefault(before, {}).setdefault(after, []).append(number)
            self.anchor_at.append(at)
        # Tuples, not lists, so the garbage collector can stop tracking them.
        self.anchors = {w: {b: {a: tuple(v) for a, v in by_a.items()} for b, by_a in by_b.items()}
                        for w, by_b in anchors.items()}

    # ---- matching ------------------------------------------------------------------------------------
    def scan(self, raw: list[str]) -> list[Hit]:
        """Hits of this lexicon in a message's written tokens, in the order they occur."""
        hits = self._scan_words(raw)
        # Rejoining can also make words that were never meant ("be at" -> "beat"), so both readings are
        # scanned, the second only around the joins, and their hits added together.
        rejoined, joins = self.reader.rejoin(raw)
        margin = self.longest + max(self.settings["near_window"], self.settings["unless_window"])
        for start, end in _spans(sorted(joins), margin, len(rejoined)):
            for entry, hit in self._scan_words(rejoined[start:end]).items():
                hits.setdefault(entry, hit)
        return list(hits.values())

    def _scan_words(self, raw: list[str]) -> dict[int, Hit]:
        message = self._read(raw)
        hits, tried, size = {}, set(), len(message.words)
        # What may stand either side of a word: nothing (a phrase's edge), anything (*), or a candidate.
        sides = [(None, "*", *candidates) for candidates in message.candidates] + [(None,)]
        for i, candidates in enumerate(message.candidates):
            for candidate in candidates:
                filed = self.anchors.get(candidate)
                for number in _filed(filed, sides[i - 1] if i else (None,), sides[i + 1] if i + 1 < size else (None,)) \
                        if filed else ():
                    entry, start = self.variant_entry[number], i - self.anchor_at[number]
                    # An entry already hit need not be matched again; Screening reports each once.
                    if entry not in hits and (number, start) not in tried:
                        tried.add((number, start))
                        if self._match(number, message, start):
                            hits[entry] = self.hits[entry]
        return hits

    def _read(self, raw: list[str]) -> _Message:
        """The message as this lexicon reads it, word by word."""
        message = _Message([], [], [], [], [])
        for i, token in enumerate(raw):
            words, glue, candidates, close = self.reader.reading(token)
            message.words.extend(words)
            message.candidates.extend(candidates)
            message.close.extend(close)
            if len(words) == 1:
                message.source.append(i)
                message.glue.append(True)
            else:
                message.source.extend([i] * len(words))
                message.glue.extend(glue or [True] * len(words))
        return message

    def _match(self, number: int, message: _Message, start: int) -> bool:
        words, entry = self.variant_words[number], self.variant_entry[number]
        return (self._aligned(words, "fuzzy" if self.file.entries[entry].fuzzy else "exact", message, start)
                and self._accept(entry, message, start, start + len(words)))

    def _aligned(self, pattern, how: str, message: _Message, start: int) -> bool:
        """Whether pattern's words match the message's words from start: "exact"ly, "close"ly (prefixes and
        doubled letters aside) or allowing "fuzzy" slips."""
        if start < 0 or start + len(pattern) > len(message.words):
            return False
        allowed = message.candidates if how == "fuzzy" else message.close if how == "close" else None
        for offset, want in enumerate(pattern):
            word = message.words[start + offset]
            if want != "*" and want != word and not (allowed and want in allowed[start + offset]):
                return False
        return True

    def _accept(self, entry: int, message: _Message, start: int, end: int) -> bool:
        """Whether a match of entry at words[start:end] stands, given its glue, alone, unless and near rules."""
        settings = self.settings
        if not self._whole_enough(message, start, end):
            return False
        # `alone` phrases ("help me") only count as the whole message, give or take one word.
        if self.file.entries[entry].alone and len(message.words) - (end - start) > 1:
            return False
        # `unless` allows no slips: a fuzzy "unless" could cancel a real disclosure that merely looks like it.
        window = settings["unless_window"]
        if self._around(self.unless[entry], "close", message, start - window, end + window):
            return False
        window = settings["near_window"]
        return not self.near[entry] or self._around(self.near[entry], "fuzzy", message, start - window, end + window)

    @staticmethod
    def _whole_enough(message: _Message, start: int, end: int) -> bool:
        # A match may leave out part of a glued-together word only if that part is glue ("im"+"gonna"+"kms",
        # "i"+"kill myself"), so "therapist" never reads as "the rapist", nor "append it" as "end it".
        first, last = start, end - 1
        while first > 0 and message.source[first - 1] == message.source[start]:
            first -= 1
        while last + 1 < len(message.source) and message.source[last + 1] == message.source[end - 1]:
            last += 1
        return all(message.glue[k] for k in range(first, start)) and all(message.glue[k] for k in range(end, last + 1))

    def _around(self, phrases, how: str, message: _Message, low: int, high: int) -> bool:
        """Whether any of phrases occurs overlapping message.words[low:high]."""
        for phrase, first in phrases:
            for position in message.where.get(phrase[first], ()):
                start = position - first
                if low - len(phrase) < start < high and self._aligned(phrase, how, message, start):
                    return True
        return False


def _filed(filed: dict, before: tuple, after: tuple) -> list[int]:
    """Variants filed under an anchor word whose neighbouring words fit what is before and after it."""
    found = []
    for word_before in before:
        by_after = filed.get(word_before)
        for word_after in after if by_after else ():
            found.extend(by_after.get(word_after, ()))
    return found


def _spans(points: list[int], margin: int, size: int) -> list[tuple[int, int]]:
    """Merged ranges reaching margin either side of each point, within 0..size."""
    spans: list[list[int]] = []
    for point in points:
        low, high = max(0, point - margin), min(size, point + margin + 1)
        if spans and low <= spans[-1][1]:
            spans[-1][1] = high
        else:
            spans.append([low, high])
    return [(low, high) for low, high in spans]


def _first_word(phrase: tuple[str, ...]) -> int:
    return next(i for i, w in enumerate(phrase) if w != "*")


def _window(words: tuple[str, ...], i: int) -> tuple[str | None, str, str | None]:
    return (words[i - 1] if i else None, words[i], words[i + 1] if i + 1 < len(words) else None)
