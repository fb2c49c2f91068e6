"""Tell Us, We Care as published: counts by kind and theme, timeliness, times taken, outcomes, praise."""
from voiceapp.reports import disclosure
from voiceapp.reports.distribution import quantile
from voiceapp.reports.protect.cells import breakdown, cell, count, pct, rounded, withheld

TIMELY = ("on_time", "late", "not_yet_due")


def _times(histogram, rules, cells):
    """Median and 90th percentile in working days, withheld for fewer answers than a percentage needs, or
    when on time or late is withheld (quantiles of a small set can give those counts away)."""
    answered = sum(histogram.values())
    if answered < rules.min_denominator or any(cells[k]["value"] is None for k in ("on_time", "late")):
        return {"answered": cell(count(answered, rules)), "median": withheld(), "p90": withheld()}
    median, p90 = quantile(histogram, 0.5), quantile(histogram, 0.9)
    return {"answered": cell(count(answered, rules)),
            "median": {"value": rounded(median), "display": f"{median:g} working days"},
            "p90": {"value": rounded(p90), "display": f"{p90:g} working days"}}


def _timeliness(raw, total, rules, limit):
    published = breakdown({k: raw[k] for k in TIMELY}, rules, total)
    on_time, late = published["cells"]["on_time"], published["cells"]["late"]
    if on_time["value"] is None or late["value"] is None:
        due_share = withheld()
    else:
        due_share = pct(disclosure.share(on_time["value"], on_time["value"] + late["value"], rules))
    published.update(limit_working_days=limit, on_time_share=due_share,
                     measured_against=raw.get("limit_source", "working_days"),
                     times=_times(raw["histogram"], rules, published["cells"]))
    return published


def _optional(raw, rules):
    return None if raw is None else breakdown(raw, rules)


def protect_tellus(raw, rules, themes):
    """`themes` are the published theme rows: messages by theme are their Tell Us cells, the very same
    figures, so the two tables can never disagree about a priority."""
    total = sum(raw["by_kind"].values())
    by_kind = breakdown(raw["by_kind"], rules, total)
    return {
        "total": cell(count(total, rules)),
        "by_kind": by_kind,
        "by_theme": {"cells": {str(t["number"]): t["by_source"]["tell_us"]
                               for t in sorted(themes, key=lambda t: t["number"])}},
        "acknowledged": _timeliness(raw["acknowledged"], total, rules, raw["limits"]["acknowledge"]),
        "answered": _timeliness(raw["answered"], total, rules, raw["limits"]["answer"]),
        "outcomes": _optional(raw["outcomes"], rules),
        "complaints_by_stage": _optional(raw["complaint_stages"], rules),
        "satisfaction": _optional(raw["satisfaction"], rules),
        # The by-kind figure itself: counted again alone it would show a praise count withheld there as the
        # complement of a small kind, and so that kind too.
        "praise": {"messages": by_kind["cells"].get("praise", cell(count(0, rules))),
                   "passed_on_to_managers": None if raw["praise_passed_on"] is None
                   else cell(count(raw["praise_passed_on"], rules))},
        "previous_total": cell(count(raw["previous_total"], rules)),
    }
