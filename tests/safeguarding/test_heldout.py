"""The screener on wording it was never tuned on: the held-out set in tests/safeguarding/heldout/.

The project's own corpus must be caught in full (test_screening.py) because every rule was written
from it. The held-out set measures what that is worth on new wording, so it has a floor, not a
target of 100%. Before the set was first screened we aimed for 80% in every language; the first run gave
75% in English and 80% in Arabic (docs/safeguarding-lexicon.md keeps the figures). The floor below guards
against regressions from there; benchmarks/safeguarding.py prints the current figures. A miss here is never fixed by copying the message into a
lexicon (see the note at the top of heldout/en.yaml).
"""
import pytest

from tests.safeguarding.labelled import load, path
from voiceapp.safeguarding.screening import lexicon_languages, screen

RECALL_FLOOR = 0.70          # share of held-out disclosures that raise an alert, per language
MAX_FALSE_POSITIVE_RATE = 0.05


@pytest.mark.parametrize("language", lexicon_languages())
def test_every_lexicon_has_a_held_out_set_of_disclosures_and_ordinary_talk(language):
    risk, ordinary = load("heldout", language)
    assert path("heldout", language).exists(), f"write tests/safeguarding/heldout/{language}.yaml first"
    assert len(risk) >= 50 and len(ordinary) >= 40


@pytest.mark.parametrize("language", lexicon_languages())
def test_most_held_out_disclosures_raise_an_alert(language):
    risk, _ = load("heldout", language)
    missed = [text for _, text in risk if not screen(text).is_risk]
    recall = 1 - len(missed) / len(risk)
    assert recall >= RECALL_FLOOR, f"held-out recall {recall:.0%} is under {RECALL_FLOOR:.0%}"


@pytest.mark.parametrize("language", lexicon_languages())
def test_held_out_ordinary_talk_is_rarely_flagged(language):
    _, ordinary = load("heldout", language)
    flagged = [text for text in ordinary if screen(text).is_risk]
    assert len(flagged) / len(ordinary) < MAX_FALSE_POSITIVE_RATE, flagged
