"""The promise as published: each promise's counts and shares, its 95% interval and change, suppressed."""
from voiceapp.reports import disclosure
from voiceapp.reports.protect.cells import cell, one_way, pct, rounded, whole_pct, withheld
from voiceapp.reports.protect.cells import count as count_cell
from voiceapp.reports.protect.participation import PARTITIONS
from voiceapp.reports.queries.promises import RATINGS
from voiceapp.reports.stats import proportion_change, wilson_interval


def _table(promises, counts):
    rows = tuple(tuple(counts.get(p["id"], {}).get(r, 0) for r in RATINGS) for p in promises)
    return disclosure.Table(rows, col_labels=RATINGS)


def _suppressed(promises, counts, rules):
    if not promises:
        return None
    return disclosure.suppress_table(_table(promises, counts), rules)


def _kept(table, index, rules):
    """The kept share's cell, count and base, or None when the share is withheld (an interval or a
    change would give the count away)."""
    if table is None:
        return None
    kept, n = table.cells[index][0], table.row_totals[index]
    shown = disclosure.share(kept, n, rules)
    return None if shown.suppressed else (kept.value, n.value, shown)


def _change(now, before):
    if now is None or before is None:
        return {"value": None, "display": "c", "significant": None}
    change = proportion_change(before[0], before[1], now[0], now[1])
    points = rounded(100 * change.difference)
    return {"value": points, "display": f"{points:+.1f} points" + (" (more than chance)" if change.significant else ""),
            "significant": change.significant}


def _row(promise, i, table, previous, rules):
    cells, n = table.cells[i], table.row_totals[i]
    now, before = _kept(table, i, rules), _kept(previous, i, rules)
    interval = wilson_interval(now[0], now[1]) if now else None
    return {
        **{k: promise[k] for k in ("text", "cohort", "set", "theme", "theme_title")},
        "id": str(promise["id"]), "n": cell(n),
        "counts": {r: cell(c) for r, c in zip(RATINGS, cells)},
        "shares": {r: pct(disclosure.share(c, n, rules)) for r, c in zip(RATINGS, cells)},
        "kept_interval": {"low": rounded(100 * interval[0]), "high": rounded(100 * interval[1])} if interval
        else None,
        "previous": {"n": cell(previous.row_totals[i]),
                     "kept_share": pct(disclosure.share(previous.cells[i][0], previous.row_totals[i], rules))},
        "change": _change(now, before),
    }


def protect_promises(promises, counts, previous_counts, rules):
    """One row per promise with published figures, and the column totals across promises."""
    table = _suppressed(promises, counts, rules)
    previous = _suppressed(promises, previous_counts, rules)
    if table is None:
        return {"promises": [], "totals": None}
    rows = [_row(p, i, table, previous, rules) for i, p in enumerate(promises)]
    totals = {"counts": {r: cell(c) for r, c in zip(RATINGS, table.col_totals)}, "n": cell(table.grand_total)}
    return {"promises": rows, "totals": totals}


def protect_promise_information(counts, previous_counts, rules):
    """The strategy's measure: the share of young people who say their current social worker has given them
    the promise and explained it, with its 95% interval and change on last period, through the same
    suppression as every figure."""
    now, before = (_information(c, rules) for c in (counts, previous_counts))
    interval = wilson_interval(now["kept"][0], now["kept"][1]) if now["kept"] else None
    return {"question": "Has your social worker given you the promise and explained what it means?",
            "answers": now["published"], "yes_share": now["published"]["shares"]["yes"],
            "yes_interval": {"low": rounded(100 * interval[0]), "high": rounded(100 * interval[1])} if interval
            else None,
            "previous_yes_share": before["published"]["shares"]["yes"], "change": _change(now["kept"], before["kept"])}


def _information(counts, rules):
    table = disclosure.suppress_table(disclosure.Table((tuple(counts.values()),), col_labels=tuple(counts)), rules)
    cells, n = table.cells[0], table.row_totals[0]
    published = {"cells": {k: cell(c) for k, c in zip(counts, cells)}, "total": cell(n),
                 "shares": {k: pct(disclosure.share(c, n, rules)) for k, c in zip(counts, cells)}}
    return {"published": published, "kept": _kept(table, 0, rules)}


def protect_promise_groups(counts, rules, order):
    """The promise by cohort, age band and voice group: how many young people answered, and the shares of
    their answers that said kept and not kept. Cohorts and age bands split the same young people, so their
    people counts are suppressed together (disclosure.suppress_partitions); a voice group's count stands
    alone (they overlap). A share is published only for a group shown and at least min_denominator strong,
    and only when the count under it is published too (to whole percent: a finer share with the group's size
    could tell a hidden count), so no share can tell what a few young people said."""
    empty = {"people": 0, "answers": 0, "kept": 0, "not_kept": 0}
    rows = {name: {g: counts.get((name, g), empty) for g in groups} for name, groups in order.items()}
    split = {name: {g: row["people"] for g, row in rows[name].items()} for name in order if name in PARTITIONS}
    people = {}
    if split:
        total = sum(next(iter(split.values())).values())
        people = disclosure.suppress_partitions(split, total, one_way(rules))[0]
    published = {}
    for name, groups in rows.items():
        published[name] = {}
        for group, row in groups.items():
            shown = people[name][group] if name in people else count_cell(row["people"], rules)
            published[name][group] = {"people": cell(shown), **_answer_shares(row, shown, rules)}
    return published


def _answer_shares(row, people, rules):
    """The group's kept and not-kept shares of its answers, to whole percent. The answers (kept, not kept,
    anything else) are suppressed as one row through disclosure.py, so a share is withheld whenever its own
    count is, or whenever it with the group's size would give a withheld count away."""
    if people.value == 0 or not row["answers"]:
        return {f"{r}_share": {"value": None, "display": "z"} for r in ("kept", "not_kept")}
    other = row["answers"] - row["kept"] - row["not_kept"]
    table = disclosure.suppress_table(disclosure.Table(((row["kept"], row["not_kept"], other),)), rules)
    answers = table.row_totals[0]
    shares = {}
    for r, counted in zip(("kept", "not_kept"), table.cells[0]):
        if people.suppressed or people.value < rules.min_denominator:
            shares[f"{r}_share"] = withheld()
        else:
            shares[f"{r}_share"] = whole_pct(disclosure.share(counted, answers, rules))
    return shares
