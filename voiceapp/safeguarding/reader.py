"""How one language's lexicon reads a written word (the Reader screening matches with)."""
from __future__ import annotations

import functools
import itertools

from rapidfuzz.distance import OSA, Indel

from voiceapp.safeguarding.folding import (LONGEST_GLUED, LONGEST_WORD, SlipIndex, arabic_consonants, arabizi_consonants,
                                           inflection_keys, same_person, segment,
                                           skeleton, strip_prefixes)
from voiceapp.safeguarding.lexicon_files import LexiconFile


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
        # Other forms of the same verb ("بيشغلوني" / "يشغلني" / "شغلوني"), where the lexicon lists its affixes.
        inflected: dict[str, set[tuple[str, str]]] = {}
        for word in vocab if file.inflections else ():
            for key, person in inflection_keys(word, file.inflections):
                inflected.setdefault(key, set()).add((word, person))
        self.inflected = {k: tuple(v) for k, v in inflected.items()}
        # Arabizi read by its consonants: "yedba7ni" is "يذبحني", "2oltelhom" "قلتلهم" (4 consonants or more:
        # with fewer, "da7k" (laughter) would read as "ضحك" (laughed at)).
        consonants: dict[str, set[str]] = {}
        for word in vocab if file.arabizi else ():
            if not word.isascii() and len(key := arabic_consonants(word)) >= 4:
                consonants.setdefault(key, set()).add(word)
        self.consonants = {k: tuple(v) for k, v in consonants.items()}
        # A word with the article is a noun ("الضحك" laughter), never a form of a verb ("يضحك" laughs).
        article = file.article
        self.noun_prefixes = tuple(p for p in file.prefixes if article and (article in p or p == article[-1] * 2))
        self.verb_prefixes = tuple(p for p in file.prefixes if p not in self.noun_prefixes)
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
        # A lexicon word with a prefix stuck on ("بالسوسايد"), another form of a lexicon verb ("عميضربني"),
        # or only a slip away from one, is one word,
        # not several glued together.
        prefixed = any(form in self.vocab for form in strip_prefixes(token, self.file.prefixes)) \
            or bool(self._inflected(token) or self._arabizi(token))
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
        found = set(close) | self._inflected(word) | self._arabizi(word)
        # Slips are looked for in the word as written and with one prefix off ("بتذلني" -> "تذلني" ~ "ذلني").
        for form in [word, *(word[len(p):] for p in self.file.prefixes if word.startswith(p))]:
            if form not in self.file.real_words:
                found |= self.slips(form)
        return tuple(found), tuple(close)

    def _inflected(self, word: str) -> set[str]:
        """Lexicon words that are another form of the same verb, as written or with prefixes off."""
        if not self.inflected or word.startswith(self.noun_prefixes or "\0"):
            return set()
        return {listed for form in [word, *strip_prefixes(word, self.verb_prefixes)]
                for key, person in inflection_keys(form, self.file.inflections)
                for listed, listed_person in self.inflected.get(key, ()) if same_person(person, listed_person)}

    def _arabizi(self, word: str) -> set[str]:
        """Arabic-script lexicon words an Arabizi word may be written for."""
        if not self.consonants:
            return set()
        return {listed for key in arabizi_consonants(word) for listed in self.consonants.get(key, ())}

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
