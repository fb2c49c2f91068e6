"""Participation as published: totals and breakdowns, suppressed, with reach against known cohort sizes."""
from voiceapp.channel_enum import Channel
from voiceapp.people.models import AgeBand, Cohort, VoiceGroup
from voiceapp.reports.disclosure import share
from voiceapp.reports.protect.cells import breakdown, cell, count, pct

ORDER = {"cohort": [c.value for c in Cohort], "age_band": [a.value for a in AgeBand],
         "voice_group": [g.value for g in VoiceGroup], "channel": [c.value for c in Channel],
         "activity": ["promise_check", "tell_us", "survey"]}
PARTITIONS = ("cohort", "age_band")  # every young person is in exactly one of these


def _full(name, counts):
    return {k: counts.get(k, 0) for k in ORDER[name]}


def protect_participation(raw, rules, cohort_sizes):
    total = raw["total"]
    published = {"total": cell(count(total, rules))}
    for name in ORDER:
        counts = _full(name, raw[name])
        published[name] = breakdown(counts, rules, total if name in PARTITIONS else None)
    published["reach"] = _reach(published["cohort"]["cells"], raw["cohort"], cohort_sizes, rules)
    return published


def _reach(cells, raw_counts, cohort_sizes, rules):
    """Share of each cohort that took part, where the council has told us the cohort's size."""
    reach = {}
    for cohort, size in (cohort_sizes or {}).items():
        if cohort in cells and size:
            shown = cells[cohort]
            reach[cohort] = {"size": size, "share": pct(share(raw_counts.get(cohort, 0), size, rules))
                             if shown["value"] is not None else {"value": None, "display": "c"}}
    return reach
