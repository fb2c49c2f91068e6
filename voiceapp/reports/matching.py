"""Whole-word keyword matching for themes: text and rules folded, split into words and stemmed per language,
then matched as whole word sequences with one Aho-Corasick automaton per language's rules."""
import functools
import re
import unicodedata
from dataclasses import dataclass

import ahocorasick
import snowballstemmer

# Snowball's names for the languages it can stem; a language it lacks is matched on exact (folded) words.
SNOWBALL = {"ar": "arabic", "da": "danish", "de": "german", "el": "greek", "es": "spanish", "fa": "persian",
            "fr": "french", "hu": "hungarian", "it": "italian", "lt": "lithuanian", "nl": "dutch", "en": "english",
            "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
            "uk": "ukrainian"}


# Apostrophes vanish ("children's" is one word); zero-width marks, the tatweel and Arabic short-vowel marks
# carry no meaning here. Other letter forms are left to each language's stemmer, which knows them.
_DROPPED = re.compile("['\u2018\u2019\u02bc`\u00b4\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u0640"
                      "\u064b-\u065f\u0670]")
_WORD = re.compile(r"[^\W_]+")


def tokens(text):
    return _WORD.findall(_DROPPED.sub("", unicodedata.normalize("NFKC", text).casefold()))


@dataclass(frozen=True)
class Rule:
    id: object
    priority_id: object
    keyword: str
    language: str


@functools.lru_cache(maxsize=32)
def _stemmer(language):
    name = SNOWBALL.get(language)
    return snowballstemmer.stemmer(name) if name and name in snowballstemmer.algorithms() else None


@functools.lru_cache(maxsize=200_000)
def _stem(language, word):
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text, language):
    """The text as its language's stems between single spaces, with a space at each end, so a keyword
    " rent " can only match the whole word "rent" (or "rents", "renting"), never "parents"."""
    return " " + " ".join(_stem(language, w) for w in tokens(text or "")) + " "


# Stands in for a word that is in no rule of a language: it matches nothing, and no word can be it.
_OTHER = "\x00"
_FORMS_KEPT = 200_000  # words whose forms a matcher remembers (a rebuild meets the same words again and again)


class Matcher:
    """Every active rule, grouped by language: which rules does a piece of writing match?

    Each word of a text is looked up once: the languages in whose rules its stem appears, and that stem. A
    text is then searched only in those languages, as its stems with every other word a placeholder, which
    finds exactly the whole-word sequences the rules name and skips languages none of its words are in."""

    def __init__(self, rules):
        self._automata, self._vocabulary, self._forms = {}, {}, {}
        for rule in rules:
            pattern = words(rule.keyword, rule.language)
            if not pattern.strip():
                continue
            automaton = self._automata.setdefault(rule.language, ahocorasick.Automaton())
            found = automaton.get(pattern, ())
            automaton.add_word(pattern, (*found, rule))
            self._vocabulary.setdefault(rule.language, set()).update(pattern.split())
        for automaton in self._automata.values():
            automaton.make_automaton()

    def _forms_of(self, word):
        """((language, stem), ...) for each language whose rules use this word's stem."""
        forms = self._forms.get(word)
        if forms is None:
            if len(self._forms) >= _FORMS_KEPT:
                self._forms.clear()
            forms = tuple((language, stem) for language, vocabulary in self._vocabulary.items()
                          if (stem := _stem(language, word)) in vocabulary)
            self._forms[word] = forms
        return forms

    def matches(self, text):
        """The rules the text matches, each once. Text is read in every rules' language: a young person
        may write English with Arabic set as their language, and the scripts never match each other."""
        if not text:
            return []
        found, streams, said, known = {}, {}, tokens(text), self._forms
        for position, word in enumerate(said):
            forms = known.get(word)
            for language, stem in forms if forms is not None else self._forms_of(word):
                stems = streams.get(language)
                if stems is None:
                    stems = streams[language] = [_OTHER] * len(said)
                stems[position] = stem
        for language, stems in streams.items():
            for _, rules in self._automata[language].iter(" " + " ".join(stems) + " "):
                for rule in rules:
                    found[rule.id] = rule
        return list(found.values())


@functools.lru_cache(maxsize=8)
def matcher_for(rules: tuple):
    """One matcher per distinct set of rules (rules change rarely; building costs milliseconds)."""
    return Matcher(rules)
