"""Themes as published: mentions and people per priority, by source, with the change from last period."""
from voiceapp.reports.protect.cells import breakdown, cell, count

SOURCES = ("tell_us", "promise_comment", "survey")


def _trend(now, before):
    if now["value"] is None or before["value"] is None:
        return {"value": None, "display": "c", "direction": None}
    difference = now["value"] - before["value"]
    direction = "up" if difference > 0 else "down" if difference < 0 else "same"
    return {"value": difference, "display": f"{difference:+d}", "direction": direction}


def _theme(theme, raw, previous, rules):
    sources = breakdown({s: raw[s] for s in SOURCES}, rules, raw["mentions"])
    mentions, before = sources["total"], cell(count(previous["mentions"], rules))
    return {"number": theme["number"], "short_title": theme["short_title"], "title": theme["title"],
            "mentions": mentions, "people": cell(count(raw["people"], rules)),
            "by_source": sources["cells"], "previous_mentions": before, "trend": _trend(mentions, before)}


def protect_themes(themes, raw, previous, rules):
    """Ranked by published mentions; withheld ones after, then those nobody raised, each in priority order,
    so no rank leaks a count. A priority nobody raised, or one withheld, has no rank."""
    rows = [_theme(t, raw[t["number"]], previous[t["number"]], rules) for t in themes]
    rows.sort(key=_order)
    ranked = [r for r in rows if r["mentions"]["value"]]
    for row in rows:
        row["rank"] = ranked.index(row) + 1 if row["mentions"]["value"] else None
    return rows


def _order(row):
    shown = row["mentions"]["value"]
    return shown == 0, shown is None, -(shown or 0), row["number"]


def protect_theme_groups(themes, raw, people_by_group, rules, order):
    """Young people raising each theme by cohort and age band (which add up to the theme's people, so they
    are suppressed together with it) and by voice group (which overlap: each count alone)."""
    published = {}
    for theme in themes:
        number, total = theme["number"], raw[theme["number"]]["people"]
        published[str(number)] = {
            name: breakdown({g: people_by_group.get((number, name, g), 0) for g in groups}, rules,
                            total if name != "voice_group" else None)["cells"]
            for name, groups in order.items()}
    return published
