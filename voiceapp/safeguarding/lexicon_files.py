"""Reading lexicon files: checking their sections and expanding their patterns into word sequences."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from voiceapp.safeguarding.folding import fold, tokens

MAX_EXPANSIONS = 10_000  # per entry: bigger patterns cost memory; use near: instead
SETTINGS = {"fuzzy_min_length": 5, "wrong_letter_min_length": 9, "two_slips_min_length": 9,
            "unless_window": 3, "near_window": 8}
ENTRY_KEYS = {"phrase", "fuzzy", "unless", "near", "alone"}
FILE_KEYS = {"language", "settings", "prefixes", "article", "endings", "real_words", "one_letter_words",
             "txt_speak", "lists", "categories", "inflections", "arabizi"}
INFLECTION_KEYS = {"tenses", "speakers", "persons", "subjects", "subjects_before_object", "objects"}
# Limits that keep a hostile or broken message (one 64 KB "word") from tying screening up.


@dataclass(frozen=True)
class Entry:
    """One entry of a lexicon file, with its unless/near phrases already expanded into word sequences."""
    category: str
    term: str
    fuzzy: bool
    unless: tuple[tuple[str, ...], ...]
    near: tuple[tuple[str, ...], ...]
    alone: bool


@dataclass
class LexiconFile:
    """A lexicon file read and checked: its settings, spelling rules and entries.

    `variants` holds every plain word sequence a pattern expands to, as (words, index into entries).
    """
    language: str
    settings: dict
    prefixes: tuple[str, ...]
    endings: dict[str, str]
    real_words: frozenset[str]
    txt: dict[str, tuple[str, ...]]
    article: str = ""
    one_letter_words: tuple[str, ...] = ()
    inflections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    arabizi: bool = False
    entries: list[Entry] = field(default_factory=list)
    variants: list[tuple[tuple[str, ...], int]] = field(default_factory=list)


def read_lexicon(language: str, data: dict, categories: tuple[str, ...]) -> LexiconFile:
    """Check a parsed lexicon file and expand its patterns; raise ValueError saying what is wrong."""
    unknown = set(data) - FILE_KEYS or set(data.get("settings") or {}) - set(SETTINGS)
    if unknown:
        raise ValueError(f"{language}: unknown section or setting {sorted(unknown)}; check the spelling")
    words = lambda key: [fold(_text(w, key)) for w in data.get(key) or ()]  # noqa: E731
    lexicon = LexiconFile(
        language=language, settings={**SETTINGS, **(data.get("settings") or {})}, prefixes=tuple(words("prefixes")),
        endings={fold(_text(k, "endings")): fold(_text(v, "endings")) for k, v in (data.get("endings") or {}).items()},
        real_words=frozenset(words("real_words")), txt={}, article=fold(_text(data.get("article") or "", "article")),
        one_letter_words=tuple(words("one_letter_words")))
    lexicon.inflections = _inflections(language, data.get("inflections") or {})
    lexicon.arabizi = data.get("arabizi", False) is True
    for key, value in (data.get("txt_speak") or {}).items():
        written = tokens(_text(key, "txt_speak"))
        if len(written) != 1:
            raise ValueError(f"{language} txt_speak: {key!r} must be a single word")
        lexicon.txt[written[0]] = tuple(tokens(_text(value, f"txt_speak {key}")))
    lists = {str(k): [_text(v, f"list {k}") for v in vs] for k, vs in (data.get("lists") or {}).items()}
    for category, items in (data.get("categories") or {}).items():
        if category not in categories:
            raise ValueError(f"{language}: unknown category {category!r}; use one of {', '.join(categories)}")
        for item in items or ():
            _read_entry(lexicon, category, item if isinstance(item, dict) else {"phrase": item}, lists)
    return lexicon


def _inflections(language: str, data: dict) -> dict[str, tuple[str, ...]]:
    """The verb affixes a lexicon's words are also read without (see folding.inflection_keys)."""
    if set(data) - INFLECTION_KEYS:
        raise ValueError(f"{language} inflections: unknown part {sorted(set(data) - INFLECTION_KEYS)}; "
                         f"use {sorted(INFLECTION_KEYS)}")
    # Longest first, so "وني" is tried before "ني".
    return {part: tuple(sorted((fold(_text(a, f"inflections {part}")) for a in affixes or ()), key=len, reverse=True))
            for part, affixes in data.items()}


def _read_entry(lexicon: LexiconFile, category: str, item: dict, lists: dict) -> None:
    where = f"{lexicon.language} {category}"
    if set(item) - ENTRY_KEYS or "phrase" not in item:
        raise ValueError(f"{where}: entry {item!r} needs a phrase and may only have {sorted(ENTRY_KEYS)} "
                         "(a phrase starting with { or * must be in quotes)")
    term = _text(item["phrase"], where)
    where = f"{where} {term!r}"
    index = len(lexicon.entries)
    unless, near = (_sequences(lexicon, item.get(key), lists, where) for key in ("unless", "near"))
    lexicon.entries.append(Entry(category, term, fuzzy=item.get("fuzzy", True) is not False, unless=unless,
                                 near=near, alone=item.get("alone", False) is True))
    lexicon.variants.extend((words, index) for words in _sequences(lexicon, term, lists, where))


def _sequences(lexicon: LexiconFile, raws, lists: dict, where: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences that a phrase (or list of phrases) expands to, after txt-speak."""
    found = []
    for raw in [raws] if isinstance(raws, str) else raws or ():
        for phrase in expand_pattern(_text(raw, where), lists):
            words = tuple(w for t in phrase_tokens(phrase) for w in lexicon.txt.get(t, (t,)))
            if set(words) <= {"*"}:
                raise ValueError(f"{where}: {phrase!r} needs at least one real word")
            found.append(words)
    return tuple(dict.fromkeys(found))


def _text(value, where: str) -> str:
    # YAML reads bare no/yes/on/off as true/false: a lexicon word must never silently become a boolean.
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{where}: {value!r} is not a phrase; put it in quotes")
    return str(value)


def expand_pattern(pattern: str, lists: dict[str, list[str]]) -> list[str]:
    """Expand "(a|b)" alternatives (which may nest) and "{list}" references into the plain phrases they mean."""
    phrases, stop = _expand_sequence(pattern, 0, lists, pattern)
    if stop != len(pattern):
        raise ValueError(f"unbalanced ')' or '|' outside brackets in {pattern!r}")
    return [p for p in dict.fromkeys(" ".join(p.split()) for p in phrases) if p]


def _expand_sequence(pattern: str, at: int, lists, whole: str) -> tuple[list[str], int]:
    """Expand pattern from position at up to an unmatched "|" or ")"; return the phrases and where it stopped."""
    phrases = [""]
    while at < len(pattern) and pattern[at] not in "|)":
        if pattern[at] == "(":
            options, at = _expand_group(pattern, at + 1, lists, whole)
        elif pattern[at] == "{":
            close = pattern.find("}", at)
            name = pattern[at + 1:close].strip() if close > at else ""
            if name not in lists:
                raise ValueError(f"unknown list {{{name}}} in {whole!r}")
            options = [o for item in lists[name] for o in expand_pattern(item, lists)]
            at = close + 1
        else:
            end = at + 1
            while end < len(pattern) and pattern[end] not in "(|){":
                end += 1
            options, at = [pattern[at:end]], end
        phrases = [p + o for p in phrases for o in options]
        if len(phrases) > MAX_EXPANSIONS:
            raise ValueError(f"{whole!r} expands to too many phrases; split it into several entries")
    return phrases, at


def _expand_group(pattern: str, at: int, lists, whole: str) -> tuple[list[str], int]:
    options: list[str] = []
    while True:
        phrases, at = _expand_sequence(pattern, at, lists, whole)
        options.extend(phrases)
        if at >= len(pattern):
            raise ValueError(f"missing ')' in {whole!r}")
        at += 1
        if pattern[at - 1] == ")":
            return options, at


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Words of one expanded lexicon phrase; a lone "*" stays as the any-one-word wildcard."""
    return tuple(token for part in phrase.split() for token in _part_tokens(part))


@functools.lru_cache(maxsize=20_000)
def _part_tokens(part: str) -> tuple[str, ...]:
    # Lexicon alternatives repeat the same few thousand words, so each is folded once.
    return ("*",) if part == "*" else tuple(tokens(part))
