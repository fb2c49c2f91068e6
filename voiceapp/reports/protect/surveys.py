"""Surveys as published: each question's answers by cohort, suppressed, with shares of each cohort; and by
age band and voice group, each group's answers suppressed with that group's respondents."""
from voiceapp.people.models import Cohort
from voiceapp.reports import disclosure
from voiceapp.reports.protect.cells import breakdown, cell, count, pct, withheld

COHORTS = tuple(c.value for c in Cohort)


def _labels(question):
    if question["kind"] == "scale":
        return [str(v) for v in range(question["scale_min"], question["scale_max"] + 1)], \
            list(range(question["scale_min"], question["scale_max"] + 1))
    if question["kind"] == "yes_no":
        return ["Yes", "No"], [1, 0]
    return question["options"], list(range(len(question["options"])))


def _single(question, values, rules):
    """Answers that add up to each cohort's respondents: a two-way table with secondary suppression."""
    labels, keys = _labels(question)
    rows = tuple(tuple(values.get((question["id"], c, k), 0) for c in COHORTS) for k in keys)
    table = disclosure.suppress_table(disclosure.Table(rows), rules)
    return {"options": [{"label": label,
                         "by_cohort": {c: {"count": cell(table.cells[i][j]),
                                           "share": pct(disclosure.share(table.cells[i][j], table.col_totals[j],
                                                                         rules))}
                                       for j, c in enumerate(COHORTS)},
                         "all": {"count": cell(table.row_totals[i]),
                                 "share": pct(disclosure.share(table.row_totals[i], table.grand_total, rules))}}
                        for i, label in enumerate(labels)],
            "respondents": {**{c: cell(table.col_totals[j]) for j, c in enumerate(COHORTS)},
                            "all": cell(table.grand_total)}}


def _multiple(question, choices, answered, rules):
    """Ticked options do not add up (one person ticks several): primary suppression, shares of respondents."""
    labels, keys = _labels(question)
    respondents = {c: count(answered.get((question["id"], c), 0), rules) for c in COHORTS}
    by_cohort = {c: breakdown({str(k): choices.get((question["id"], c, k), 0) for k in keys}, rules)
                 for c in COHORTS}
    return {"options": [{"label": label,
                         "by_cohort": {c: _ticked(by_cohort[c]["cells"][str(k)], respondents[c], rules)
                                       for c in COHORTS}}
                        for label, k in zip(labels, keys)],
            "respondents": {c: cell(respondents[c]) for c in COHORTS}}


def _ticked(shown, respondents, rules):
    if shown["value"] is None:
        return {"count": shown, "share": withheld()}
    return {"count": shown, "share": pct(disclosure.share(shown["value"], respondents, rules))}


def _group_single(question, values, name, group, rules):
    """One group's answers to a question whose answers add up to its respondents: suppressed together with
    that total (secondary suppression), so no hidden answer can be worked out from the others."""
    labels, keys = _labels(question)
    counts = {str(k): values.get((question["id"], name, group, k), 0) for k in keys}
    published = breakdown(counts, rules, sum(counts.values()))
    return {"respondents": published["total"],
            "answers": [{"label": label, "count": published["cells"][str(k)], "share": published["shares"][str(k)]}
                        for label, k in zip(labels, keys)]}


def _group_multiple(question, choices, answered, name, group, rules):
    """One group's ticked options: each count alone, as a share of the group's respondents."""
    labels, keys = _labels(question)
    respondents = count(answered.get((question["id"], name, group), 0), rules)
    ticked = breakdown({str(k): choices.get((question["id"], name, group, k), 0) for k in keys}, rules)["cells"]
    return {"respondents": cell(respondents),
            "answers": [{"label": label, **_ticked(ticked[str(k)], respondents, rules)}
                        for label, k in zip(labels, keys)]}


def _by_group(question, by_group, rules, order):
    """The question's answers by age band and voice group (voice groups overlap: each stands alone)."""
    published = {}
    for name, groups in order.items():
        if question["kind"] == "multiple_choice":
            published[name] = {g: _group_multiple(question, by_group["choices"], by_group["answered"], name, g, rules)
                               for g in groups}
        else:
            published[name] = {g: _group_single(question, by_group["values"], name, g, rules) for g in groups}
    return published


def protect_surveys(questions, values, choices, answered, rules, by_group=None, order=None):
    """Every question's published answers; with by_group (raw counts from the query) and order ({breakdown:
    groups}), its answers by each group too."""
    published = []
    for q in questions:
        entry = {k: q[k] for k in ("survey", "kind", "prompt")}
        entry["id"] = str(q["id"])
        if q["kind"] == "free_text":
            entry["written_answers"] = cell(count(sum(answered.get((q["id"], c), 0) for c in COHORTS), rules))
        elif q["kind"] == "multiple_choice":
            entry.update(_multiple(q, choices, answered, rules))
        else:
            entry.update(_single(q, values, rules))
        if by_group is not None and q["kind"] != "free_text":
            entry["by_group"] = _by_group(q, by_group, rules, order)
        published.append(entry)
    return published
