"""Report how the safeguarding screener does: recall and false alarms per language and per kind of harm, on
the project's corpus and on the held-out set, and what screening every lexicon costs each text.

Run from the repository root:  python benchmarks/safeguarding_corpus.py [--quiet]
It only reports and always exits 0; the pass/fail rules live in tests/safeguarding/test_screening.py and
tests/safeguarding/test_heldout.py.
"""
import argparse
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voiceapp.safeguarding import normalise  # noqa: E402
from tests.safeguarding.labelled import FOLDERS, load  # noqa: E402
from voiceapp.safeguarding.screening import _lexicon, _screen_cached, lexicon_languages  # noqa: E402

screen = _screen_cached.__wrapped__   # time the real work, not the cache of repeated texts
LONG_MESSAGE = 1600   # characters: the longest free text we expect from a young person
REPEATS = 50


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timing(values):
    return f"p50 {statistics.median(values):.3f} ms   p99 {percentile(values, 0.99):.3f} ms"


def scores(risk, ordinary):
    """(caught with its kind, caught at all, falsely flagged) for labelled messages."""
    found = [(category, screen(text).categories) for category, text in risk]
    flagged = [(text, screen(text).categories) for text in ordinary if screen(text).is_risk]
    return ([c for c, got in found if c in got], [c for c, got in found if got], flagged)


def share(part, whole):
    return f"{len(part) / len(whole):6.1%}" if whole else "    - "


def report(folder, language, quiet):
    """Print one labelled set's recall per kind of harm, its false alarms, and every miss."""
    risk, ordinary = load(folder, language)
    right_kind, flagged_at_all, false_alarms = scores(risk, ordinary)
    print(f"\n== {folder} / {language}: {len(risk)} risk messages, {len(ordinary)} ordinary messages")
    print(f"recall (alert raised)          {share(flagged_at_all, risk)}  ({len(risk) - len(flagged_at_all)} missed)")
    print(f"recall (with the right kind)   {share(right_kind, risk)}")
    print(f"false-positive rate            {share(false_alarms, ordinary)}  ({len(false_alarms)} flagged)")
    print(f"  {'kind of harm':<26} {'n':>4} {'alert':>7} {'kind':>7}")
    for category in sorted({c for c, _ in risk}):
        cases = [c for c, _ in risk if c == category]
        alert = [c for c in flagged_at_all if c == category]
        kind = [c for c in right_kind if c == category]
        print(f"  {category:<26} {len(cases):>4} {share(alert, cases)} {share(kind, cases)}")
    if quiet:
        return
    for category, text in risk:
        got = screen(text).categories
        if category not in got:
            print(f"  {'MISSED ' if not got else 'KIND   '} [{category}] {text}" + (f"  -> {', '.join(got)}" if got else ""))
    for text, categories in false_alarms:
        print(f"  FLAGGED {text}  -> {', '.join(categories)}")


def milliseconds(work, clock=time.perf_counter):
    started = clock()
    work()
    return (clock() - started) * 1000


def cost_of_every_lexicon():
    """Per text: screening with every lexicon, against the old way (its own language's lexicon and English)."""
    texts = [(language, text) for folder in FOLDERS for language in lexicon_languages()
             for text in [t for _, t in load(folder, language)[0]] + load(folder, language)[1]]
    for language, text in texts:   # the first reading of a word is cached in each lexicon's reader
        screen(text)
    every, old, added = [], [], []
    for language, text in texts:
        raw = normalise.tokens(text)
        both = milliseconds(lambda: [_lexicon(code).scan(raw) for code in lexicon_languages()])
        own = milliseconds(lambda: [_lexicon(code).scan(raw) for code in dict.fromkeys([language, "en"])])
        every.append(both)
        old.append(own)
        added.append(max(0.0, both - own))
    print(f"\n== cost per text ({len(texts)} texts, words already met once)")
    print(f"every lexicon ({', '.join(lexicon_languages())})   {timing(every)}")
    print(f"own language + English   {timing(old)}")
    print(f"added by every lexicon   {timing(added)}")
    long_text = " ".join(text for _, text in texts[::3])[:LONG_MESSAGE]
    wall = [milliseconds(lambda: screen(long_text)) for _ in range(REPEATS)]
    # CPU time too: on a busy shared machine wall-clock time mostly measures waiting for a core.
    cpu = [milliseconds(lambda: screen(long_text), time.process_time) for _ in range(REPEATS)]
    print(f"{LONG_MESSAGE}-char message, every lexicon   {timing(wall)}   (CPU {timing(cpu)})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    for language in lexicon_languages():
        _lexicon(language)
    print(f"lexicons {', '.join(lexicon_languages())} loaded in {time.perf_counter() - started:.2f} s; "
          "every text is screened with all of them")
    for folder in FOLDERS:
        for language in lexicon_languages():
            report(folder, language, args.quiet)
    cost_of_every_lexicon()
    return 0


if __name__ == "__main__":
    sys.exit(main())
