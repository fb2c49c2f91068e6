"""Folding text the way screening compares it: one canonical form, words, prefixes, glued words and slips."""
from __future__ import annotations

import functools
import re
import unicodedata

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
_ARABIC_FORMS = {"\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647",
                 "\u0671": "\u0627", **{chr(0x0660 + d): str(d) for d in range(10)},
                 **{chr(0x06F0 + d): str(d) for d in range(10)}}
# Persian, Pashto and Sorani letters that phones without that keyboard write with the nearest Arabic letter:
# Sorani ە ھ -> ه, ێ -> ي, ۆ -> و, ڵ -> ل, ڕ -> ر; Pashto ې ۍ -> ي, ګ -> گ, ټ ډ ړ ڼ -> ت د ر ن, ښ -> ش, ږ -> ژ.
_PERSO_ARABIC_FORMS = {"\u06d5": "\u0647", "\u06be": "\u0647", "\u06ce": "\u064a", "\u06c6": "\u0648",
                       "\u06b5": "\u0644", "\u0695": "\u0631", "\u06d0": "\u064a", "\u06cd": "\u064a",
                       "\u06ab": "\u06af", "\u067c": "\u062a", "\u0689": "\u062f", "\u0693": "\u0631",
                       "\u06bc": "\u0646", "\u069a": "\u0634", "\u0696": "\u0698"}
# Ethiopic letters that sound the same in Amharic (and are often swapped in Tigrinya) are folded to one row,
# all seven vowel forms at once: ሐ ኀ -> ሀ, ሠ -> ሰ, ዐ -> አ, ፀ -> ጸ; and ሃ ኣ (the fourth form) -> ሀ አ.
_ETHIOPIC_ROWS = {0x1210: 0x1200, 0x1280: 0x1200, 0x1220: 0x1230, 0x12D0: 0x12A0, 0x1340: 0x1338}
_ETHIOPIC_FORMS = {**{chr(row + v): chr(to + v) for row, to in _ETHIOPIC_ROWS.items() for v in range(7)},
                   "\u1203": "\u1200", "\u12a3": "\u12a0", "\u1213": "\u1200", "\u1283": "\u1200",
                   "\u12d3": "\u12a0"}
# Vietnamese đ has no decomposition, so dropping marks leaves it: "chết" and "chet" fold alike, "đánh" to "danh".
_LATIN_FORMS = {"\u0111": "d"}
_LETTER_FORMS = str.maketrans({**_ARABIC_FORMS, **_PERSO_ARABIC_FORMS, **_ETHIOPIC_FORMS, **_LATIN_FORMS})
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


def inflection_keys(word: str, rules: dict[str, tuple[str, ...]], core: int = 3) -> frozenset[tuple[str, str]]:
    """Keys a word shares with the other forms of the same verb, as (stem+object, person).

    Tense and subject affixes come off, the attached object pronoun is kept ("يضربني", "بيضربني",
    "ضربوني" and "عميضربوني" share "ضرب+ني"; "ضربها" does not) and the person prefix becomes a mark:
    "1" for the speaker ("ابعت", "نبيع"), "3" for anyone else ("يبعت", "تبيع"), "" for none (the past
    tense, "بعت"), so "I send" is not read as "he sends" (see same_person). Each affix is tried on and
    off; the stem left must keep core letters, so short words ("بنت", "بيت", "امي") are never cut.
    """
    objects = [(word, "")] + [(word[:-len(o)], o) for o in rules.get("objects", ()) if word.endswith(o)]
    found = set()
    for rest, obj in objects:
        # Subject endings that could end a noun too ("بنت") come off only before an object pronoun.
        subjects = rules.get("subjects", ()) + (rules.get("subjects_before_object", ()) if obj else ())
        stems = {rest} | {rest[:-len(s)] for s in subjects if rest.endswith(s)}
        stems |= {stem[len(t):] for stem in stems for t in rules.get("tenses", ()) if stem.startswith(t)}
        marked = {(stem, "") for stem in stems}
        for mark, persons in (("1", rules.get("speakers", ())), ("3", rules.get("persons", ()))):
            marked |= {(stem[len(p):], mark) for stem in stems for p in persons if stem.startswith(p)}
        found.update((f"{stem}+{obj}", mark) for stem, mark in marked if len(stem) >= core)
    return frozenset(found)


# Arabizi (Arabic in Latin letters and digits) and Arabic script compared by their consonants: long vowels,
# hamza and a final ه are not written alike in the two, and letters that sound alike are one class.
_ARABIC_CONSONANTS = str.maketrans({**dict.fromkeys("\u0627\u0648\u064a\u0649\u0621", ""), "\u0628": "b",
    "\u062a": "t", "\u062b": "t", "\u062c": "j", "\u062d": "7", "\u062e": "5", "\u062f": "d", "\u0630": "d",
    "\u0631": "r", "\u0632": "z", "\u0633": "s", "\u0634": "x", "\u0635": "s", "\u0636": "d", "\u0637": "t",
    "\u0638": "z", "\u0639": "3", "\u063a": "8", "\u0641": "f", "\u0642": "q", "\u0643": "k", "\u0644": "l",
    "\u0645": "m", "\u0646": "n", "\u0647": "h", "\u06af": "j"})
_ARABIZI_PAIRS = (("kh", "5"), ("sh", "x"), ("ch", "x"), ("gh", "8"), ("th", "t"), ("dh", "d"))
_ARABIZI_LETTERS = str.maketrans({**dict.fromkeys("aeiouyw", ""), "g": "j", "c": "k", "p": "b", "v": "f", "6": "t"})
# Only a word with a digit among its letters ("y2tolni", "3ayez") or "kh" is read as Arabizi, so English is not.
_ARABIZI_MARK = re.compile(r"[a-z][235789]|[235789][a-z]|kh")


def arabic_consonants(word: str) -> str:
    """An Arabic-script word's consonants ("يقتلني" -> "qtln"), to compare with Arabizi."""
    return _DOUBLED.sub(r"\1", word.removesuffix("\u0647").translate(_ARABIC_CONSONANTS))


def arabizi_consonants(word: str) -> frozenset[str]:
    """The consonants an Arabizi word may stand for ("yi2tlni" -> "qtln"; 2 is also a bare hamza, 9 also ص)."""
    if not word.isascii() or not _ARABIZI_MARK.search(word):
        return frozenset()
    for pair, letter in _ARABIZI_PAIRS:
        word = word.replace(pair, letter)
    word = word.removesuffix("h").translate(_ARABIZI_LETTERS)
    forms = {word.replace("2", "q").replace("9", "q"), word.replace("2", "").replace("9", "s")}
    return frozenset(_DOUBLED.sub(r"\1", form) for form in forms if form.isalnum())


def same_person(written: str, listed: str) -> bool:
    """Whether a written person mark (from inflection_keys) may stand for a listed one."""
    return not written or not listed or written == listed


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
