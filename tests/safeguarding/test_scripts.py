"""Screening folds each script's spellings to one form: Persian, Pashto and Sorani letters, the zero-width
non-joiner, Ethiopic letters that sound alike, and Vietnamese tone marks."""
import pytest

from voiceapp.safeguarding.normalise import tokens


@pytest.mark.parametrize("written, typed", [
    ("می‌خواهم", "ميخواهم"),     # Persian yeh and the zero-width non-joiner, typed on an Arabic keyboard
    ("کتک", "كتك"),              # Persian kaf and Arabic kaf
    ("ئەمەوێت", "ئهمهويت"),      # Sorani ە and ێ, typed as ه and ي
    ("ڕۆژ", "روژ"),              # Sorani ڕ and ۆ
    ("ڵ", "ل"),
    ("غواړم", "غوارم"),          # Pashto ړ
    ("ښځه", "شځه"),              # Pashto ښ
    ("ګوره", "گوره"),            # Pashto ګ and Persian گ
    ("وهې", "وهي"),              # Pashto ې
    ("ሐዘን", "ሀዘን"),              # Ethiopic ሐ and ሀ sound alike in Amharic
    ("ሠራ", "ሰራ"),
    ("ዐይን", "አይን"),
    ("ፀሐይ", "ጸሀይ"),
    ("ኣነ", "አነ"),                # the fourth form of a laryngeal, often written for the first
    ("Tôi muốn chết", "toi muon chet"),   # Vietnamese tone and vowel marks
    ("đánh", "danh"),            # Vietnamese đ, which has no decomposition
    ("Dua të vdes", "dua te vdes"),       # Albanian ë
])
def test_each_script_is_folded_to_the_form_young_people_type(written, typed):
    assert tokens(written) == tokens(typed)


def test_ethiopic_punctuation_separates_words():
    assert tokens("መሞት፡እፈልጋለሁ።") == ["መሞት", "እፈልጋለሁ"]


def test_arabic_letters_are_unchanged_by_the_new_folding():
    assert tokens("بدي موت") == ["بدي", "موت"]
