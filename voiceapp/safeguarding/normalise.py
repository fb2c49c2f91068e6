"""Normalising for screening: folding text, reading words as a lexicon would, reading lexicon files."""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Indel

# Apostrophes vanish rather than split words, so "can't", "cant" and "can`t" all become "cant".
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`\u00b4]")
# Zero-width characters and the Arabic tatweel (a stretching stroke) carry no meaning but break words apart.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u0640]")
# Three or more of the same letter become two ("sooooo" -> "soo"); digits are left alone so "999" survives.
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_TOKEN = re.compile(r"[^\W_]+")
_DOUBLED = re.compile(r"(.)\1+")
# Combining marks: Latin accents, Arabic tashkeel, and the hamza and madda written above or below a letter.
_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
                    "\u20d0-\u20ff\ufe20-\ufe2f]")
# Arabic letters written several ways are folded to one spelling; Arabic-Indic digits become 0-9.
_LETTER_FORMS = str.maketrans(
    {"\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647",
     "\u0671": "\u0627", **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)
MAX_EXPANSIONS = 10_000  # per entry: bigger patterns cost memory; use near: instead
SETTINGS = {"fuzzy_min_length": 5, "wrong_letter_min_length": 9, "two_slips_min_length": 9,
            "unless_window": 3, "near_window": 8}
ENTRY_KEYS = {"phrase", "fuzzy", "unless", "near", "alone"}
FILE_KEYS = {"language", "settings", "prefixes", "article", "endings", "real_words", "one_letter_words",
             "txt_speak", "lists", "categories"}
# Limits that keep a hostile or broken message (one 64 KB "word") from tying screening up.
LONGEST_WORD = 30      # no real word is longer, so longer tokens are not checked for slips
LONGEST_GLUED = 400    # longer runs without a space are not split into words


# ---- text ------------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Return text in the one canonical form that both messages and lexicons are compared in."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    if not text.isascii():
        # Decomposing then dropping combining marks removes accents and Arabic tashkeel, and turns
        # hamza-carrying alef/waw/yeh into the bare letters.
        text = _MARKS.sub("", unicodedata.normalize("NFD", text)).translate(_LETTER_FORMS)
    return _REPEATS.sub(r"\1\1", _APOSTROPHES.sub("", text))


def tokens(text: str) -> list[str]:
    """Split text into folded words (letters and digits, so Arabizi such as "3ayez" stays whole)."""
    return _TOKEN.findall(fold(text))


def skeleton(word: str) -> str:
    """Collapse every doubled letter, so "kil", "kill" and "killl" share one skeleton."""
    return _DOUBLED.sub(r"\1", word) if _DOUBLED.search(word) else word


def strip_prefixes(word: str, prefixes: tuple[str, ...]) -> list[str]:
    """Forms of word with up to two attached prefixes removed (Arabic "و" and, "ب" with, "ال" the)."""
    forms, todo = [], [(word, 0)] if word[:1] in _first_letters(prefixes) else []
    while todo:
        form, depth = todo.pop()
        for prefix in prefixes if depth < 2 else ():
            rest = form[len(prefix):]
            if form.startswith(prefix) and len(rest) >= 3:
                forms.append(rest)
                todo.append((rest, depth + 1))
    return forms


@functools.lru_cache(maxsize=16)
def _first_letters(prefixes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p[:1] for p in prefixes)


def segment(word: str, known: frozenset[str], longest: int = 20) -> tuple[str, ...] | None:
    """Split a glued word ("ikillmyself") into the fewest known words, or None if it cannot be split."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            prior = best[start]
            if prior is not None and word[start:end] in known:
                if best[end] is None or len(prior) + 1 < len(best[end]):
                    best[end] = prior + (word[start:end],)
    found = best[-1]
    return found if found is not None and len(found) > 1 else None


def deletions(word: str, depth: int) -> set[str]:
    """Every form of word with up to depth letters deleted, including word itself."""
    forms, edge = {word}, {word}
    for _ in range(depth):
        edge = {form[:i] + form[i + 1:] for form in edge for i in range(len(form))}
        forms |= edge
    return forms


class SlipIndex:
    """Finds lexicon words within a few slips of a written word, without comparing against every word.

    Words within a slip or two share a form with letters deleted from each (the symmetric-delete method):
    lexicon words are filed under every form with up to two letters deleted, and a written word is looked
    up with up to one deleted, which covers up to two missing letters, a wrong letter, or one extra letter.
    A dictionary lookup narrows thousands of words to a handful, which rapidfuzz then measures.
    """

    def __init__(self, words, depth: int = 2):
        self.depth = depth
        found: dict[str, set[str]] = {}
        for word in words:
            for form in deletions(word, depth):
                found.setdefault(form, set()).add(word)
        # Tuples, not sets: the garbage collector need not keep walking a few hundred thousand of them.
        self.by_deletion = {form: tuple(words) for form, words in found.items()}

    def near(self, word: str) -> set[str]:
        """Lexicon words that may be a slip or two away from word."""
        found: set[str] = set()
        for form in deletions(word, 1):
            found.update(self.by_deletion.get(form, ()))
        found.discard(word)
        return found


class Reader:
    """How one language's lexicon reads a written word: txt-speak, dropped endings, prefixes, doubled
    letters, slips and glued-together words. Per-word work is cached: young people reuse the same words."""

    def __init__(self, file: LexiconFile, vocab: frozenset[str], phrase_words: set[str], fuzzy_words: set[str]):
        self.file, self.settings, self.txt, self.vocab = file, file.settings, file.txt, vocab
        self.known = vocab | set(self.txt) | {w for ws in self.txt.values() for w in ws}
        # Glued words are split only into phrase words and txt-speak, and into one letter only where the
        # lexicon says so ("i" + "kms"), so "period" never becomes "pe r i od".
        self.glue = set(self.txt) | set(file.one_letter_words)
        self.pieces = frozenset(w for w in (phrase_words | self.glue | {w for ws in self.txt.values() for w in ws})
                                if len(w) > 1 or w in self.glue)
        # Words starting with a letter no lexicon word has (Arabic in the English lexicon) are skipped fast.
        self.alphabet = frozenset(w[0] for w in self.known)
        self.slip_index = SlipIndex(w for w in fuzzy_words if len(w) >= 4 and w != "*")
        skeletons: dict[str, list[str]] = {}
        for word in vocab:
            skeletons.setdefault(skeleton(word), []).append(word)
        self.skeletons = {k: tuple(v) for k, v in skeletons.items()}
        self.reading = functools.lru_cache(maxsize=50_000)(self._reading)
        self.candidates = functools.lru_cache(maxsize=50_000)(self._candidates)
        self.slips = functools.lru_cache(maxsize=50_000)(self._slips)

    def _reading(self, token: str):
        """A written token's words, their glue flags (if it was split), candidates and close candidates."""
        words, glue = self._expand(token)
        found = [self.candidates(word) for word in words]
        return words, glue, tuple(f[0] for f in found), tuple(f[1] for f in found)

    def _expand(self, token: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """Words a token stands for, and which of them are glue if it was a glued-together run of words."""
        if token in self.txt:
            return self.txt[token], ()
        if token in self.known or len(token) < 4 or token[0] not in self.alphabet:
            return (token,), ()
        for ending, becomes in self.file.endings.items():
            # Dropped endings are the commonest txt-speak of all ("cuttin", "sleepin").
            if token.endswith(ending) and token[:-len(ending)] + becomes in self.known:
                return (token[:-len(ending)] + becomes,), ()
        # A lexicon word with a prefix stuck on ("بالسوسايد"), or only a slip away from one, is one word,
        # not several glued together.
        prefixed = any(form in self.vocab for form in strip_prefixes(token, self.file.prefixes))
        pieces = None if prefixed or self.slips(token) or len(token) > LONGEST_GLUED else segment(token, self.pieces)
        if pieces is None:
            return (token,), ()
        words, glue = [], []
        for piece in pieces:
            mapped = self.txt.get(piece, (piece,))
            words.extend(mapped)
            glue.extend([piece in self.glue] * len(mapped))
        return tuple(words), tuple(glue)

    def _candidates(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Lexicon words this written word may stand for (itself, doubled letters, attached prefixes, the
        article, slips), and the close ones among them (all but slips)."""
        if word[0] not in self.alphabet and not self.file.prefixes:
            return (), ()
        close: set[str] = set()
        article = self.file.article
        for form in [word, *strip_prefixes(word, self.file.prefixes)]:
            for form in (form, article + form) if article and not form.startswith(article) else (form,):
                if form in self.vocab:
                    close.add(form)
                close.update(self.skeletons.get(skeleton(form), ()))
        found = set(close)
        # Slips are looked for in the word as written and with one prefix off ("بتذلني" -> "تذلني" ~ "ذلني").
        for form in [word, *(word[len(p):] for p in self.file.prefixes if word.startswith(p))]:
            if form not in self.file.real_words:
                found |= self.slips(form)
        return tuple(found), tuple(close)

    def _slips(self, word: str) -> frozenset[str]:
        """Lexicon words this word may be a misspelling of, measured with rapidfuzz.

        Missing, extra and swapped letters are forgiven from fuzzy_min_length letters; a wrong letter only
        in long words, because one changed letter usually makes another real word ("noise"/"noose").
        """
        size, settings = len(word), self.settings
        if not 4 <= size <= LONGEST_WORD:
            return frozenset()
        depth = 2 if size >= settings["two_slips_min_length"] else 1
        wrong_from = settings["wrong_letter_min_length"] or float("inf")
        found = set()
        for choice in self.slip_index.near(word):
            swapped = len(choice) == size and sorted(choice) == sorted(word) and OSA.distance(word, choice) == 1
            missing_or_extra = Indel.distance(word, choice, score_cutoff=depth) <= depth
            wrong = OSA.distance(word, choice, score_cutoff=1) <= 1
            if swapped or (missing_or_extra and size >= settings["fuzzy_min_length"]) or (wrong and size >= wrong_from):
                found.add(choice)
        return frozenset(found)

    def rejoin(self, raw: list[str]) -> tuple[list[str], set[int]]:
        """The message with spaced-out letters joined ("k i l l", "k m s") and words split by a stray space
        joined where that makes a lexicon word ("my self", "over dose"), and which tokens were joined."""
        letters: list[str] = []
        for spaced, run in itertools.groupby(raw, key=lambda t: len(t) == 1 and t.isalpha()):
            run = list(run)
            letters.extend(["".join(run)] if spaced and len(run) >= 3 else run)
        joined: list[str] = []
        for token in letters:
            if joined and joined[-1] + token in self.known:
                joined[-1] += token
            else:
                joined.append(token)
        written = set(raw)
        return joined, {i for i, token in enumerate(joined) if token not in written}


# ---- lexicon files ---------------------------------------------------------------------------------------
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
