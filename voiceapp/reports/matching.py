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


class Matcher:
    """Every active rule, grouped by language: which rules does a piece of writing match?"""

    def __init__(self, rules):
        self._automata = {}
        for rule in rules:
            pattern = words(rule.keyword, rule.language)
            if not pattern.strip():
                continue
            automaton = self._automata.setdefault(rule.language, ahocorasick.Automaton())
            found = automaton.get(pattern, ())
            automaton.add_word(pattern, (*found, rule))
        for automaton in self._automata.values():
            automaton.make_automaton()

    def matches(self, text):
        """The rules the text matches, each once. Text is read in every rules' language: a young person
        may write English with Arabic set as their language, and the scripts never match each other."""
        if not text:
            return []
        found = {}
        for language, automaton in self._automata.items():
            for _, rules in automaton.iter(words(text, language)):
                for rule in rules:
                    found[rule.id] = rule
        return list(found.values())


@functools.lru_cache(maxsize=8)
def matcher_for(rules: tuple):
    """One matcher per distinct set of rules (rules change rarely; building costs milliseconds)."""
    return Matcher(rules)
