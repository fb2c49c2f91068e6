"""Normalising for screening: folding text, reading words as a lexicon would, reading lexicon files.

The public face of three modules: folding.py (text to canonical words), reader.py (how a lexicon reads a
word) and lexicon_files.py (checking and expanding lexicon files). Screening imports these names from here.
"""
from voiceapp.safeguarding.folding import (LONGEST_GLUED, LONGEST_WORD, SlipIndex, arabic_consonants,
                                           arabizi_consonants, deletions, fold,
                                           inflection_keys, segment,
                                           skeleton, strip_prefixes, tokens)
from voiceapp.safeguarding.lexicon_files import (ENTRY_KEYS, FILE_KEYS, MAX_EXPANSIONS, SETTINGS, Entry,
                                                 LexiconFile, expand_pattern, phrase_tokens, read_lexicon)
from voiceapp.safeguarding.reader import Reader

__all__ = ["ENTRY_KEYS", "FILE_KEYS", "LONGEST_GLUED", "LONGEST_WORD", "MAX_EXPANSIONS", "SETTINGS", "Entry",
           "LexiconFile", "Reader", "SlipIndex", "arabic_consonants", "arabizi_consonants", "deletions", "expand_pattern", "fold", "inflection_keys", "phrase_tokens",
           "read_lexicon", "segment", "skeleton", "strip_prefixes", "tokens"]
