"""Report how the safeguarding screener does on the labelled corpus: recall, false alarms and speed.

Run from the repository root:  python benchmarks/safeguarding_corpus.py
It only reports and always exits 0; the pass/fail rules live in tests/safeguarding/test_screening.py.
"""
import pathlib
import statistics
import sys
import time

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voiceapp.safeguarding.screening import _screen_cached, lexicon_languages  # noqa: E402

screen = _screen_cached.__wrapped__   # time the real work, not the cache of repeated texts

CORPUS = ROOT / "tests" / "safeguarding" / "corpus"
LONG_MESSAGE = 1600   # characters: the longest free text we expect from a young person
REPEATS = 50


def load(language):
    """The corpus for one language as (risk [(category, text)], ordinary [text])."""
    data = yaml.safe_load((CORPUS / f"{language}.yaml").read_text(encoding="utf-8"))
    risk = [(category, str(text)) for category, texts in data["risk"].items() for text in texts]
    return risk, [str(text) for text in data["ordinary"]]


def milliseconds(text, language, clock=time.perf_counter):
    started = clock()
    screen(text, language)
    return (clock() - started) * 1000


def percentiles(timings):
    ordered = sorted(timings)
    return f"p50 {statistics.median(ordered):.3f} ms   p99 {ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]:.3f} ms"


def report(language):
    """Print one language's recall, false alarms, misses and timings."""
    risk, ordinary = load(language)
    texts = [text for _, text in risk] + ordinary
    # The first screening of a message meets some words for the first time; repeats are all cached.
    first = [milliseconds(text, language) for text in texts]
    again = [milliseconds(text, language) for text in texts]
    missed = [(category, text) for category, text in risk if category not in screen(text, language).categories]
    flagged = [(text, screen(text, language).categories) for text in ordinary if screen(text, language).is_risk]
    print(f"\n== {language}: {len(risk)} risk messages, {len(ordinary)} ordinary messages")
    print(f"recall               {1 - len(missed) / len(risk):.1%}  ({len(missed)} missed)")
    print(f"false-positive rate  {len(flagged) / len(ordinary):.1%}  ({len(flagged)} flagged)")
    print(f"time per message     first time {percentiles(first)}   again {percentiles(again)}")
    long_text = " ".join(texts[::3])[:LONG_MESSAGE]
    long_times = [milliseconds(long_text, language) for _ in range(REPEATS)]
    # CPU time too: on a busy shared machine wall-clock time mostly measures waiting for a core.
    long_cpu = [milliseconds(long_text, language, time.process_time) for _ in range(REPEATS)]
    print(f"{LONG_MESSAGE}-char message   {percentiles(long_times)}   (CPU {percentiles(long_cpu)})")
    for category, text in missed:
        print(f"  MISSED  [{category}] {text}")
    for text, categories in flagged:
        print(f"  FLAGGED {text}  -> {', '.join(categories)}")


def main():
    started = time.perf_counter()
    for language in lexicon_languages():
        screen("warm up", language)
    print(f"lexicons {', '.join(lexicon_languages())} loaded in {time.perf_counter() - started:.2f} s")
    for language in lexicon_languages():
        if (CORPUS / f"{language}.yaml").exists():
            report(language)
        else:
            print(f"\n== {language}: no corpus at {CORPUS / f'{language}.yaml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
