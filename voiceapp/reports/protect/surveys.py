"""Surveys as published: each question's answers by cohort, suppressed, with shares of each cohort; and by
age band and voice group, each group's answers suppressed with that group's respondents."""
from voiceapp.people.models import Cohort
from voiceapp.reports import disclosure
from voiceapp.reports.protect.cells import breakdown, cell, count, one_way, pct, withheld
from voiceapp.reports.protect.participation import PARTITIONS

COHORTS = tuple(c.value for c in Cohort)


def _labels(question):
    if question["kind"] == "scale":
        return [str(v) for v in range(question["scale_min"], question["scale_max"] + 1)], \
            list(range(question["scale_min"], question["scale_max"] + 1))
    if question["kind"] == "yes_no":
        return ["Yes", "No"], [1, 0]
    return question["options"], list(range(len(question["options"])))


def _single_table(question, groups, count_of):
    """A question's answers (one per respondent) by `groups`: options are rows, groups columns."""
    _, keys = _labels(question)
    return disclosure.Table(tuple(tuple(count_of(g, k) for g in groups) for k in keys))


def _single(question, table, rules):
    """Answers that add up to each cohort's respondents: a two-way table with secondary suppression."""
    labels, _ = _labels(question)
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


def _group_column(question, table, j, rules):
    """One group's answers from a table suppressed together with the cohort table (the group's column)."""
    labels, _ = _labels(question)
    respondents = table.col_totals[j]
    return {"respondents": cell(respondents),
            "answers": [{"label": label, "count": cell(table.cells[i][j]),
                         "share": pct(disclosure.share(table.cells[i][j], respondents, rules))}
                        for i, label in enumerate(labels)]}


def _multiple(question, ticked, respondents, rules):
    """Ticked options do not add up (one person ticks several): shares of respondents."""
    labels, keys = _labels(question)
    return {"options": [{"label": label,
                         "by_cohort": {c: _ticked(cell(ticked[str(k)]["cohort"][c]), respondents["cohort"][c], rules)
                                       for c in COHORTS}}
                        for label, k in zip(labels, keys)],
            "respondents": {c: cell(respondents["cohort"][c]) for c in COHORTS}}


def _ticked(shown, respondents, rules):
    if shown["value"] is None:
        return {"count": shown, "share": withheld()}
    return {"count": shown, "share": pct(disclosure.share(shown["value"], respondents, rules))}


def _partitioned(counts, rules, total_published):
    """{breakdown: {group: n}} of the same people, suppressed together (see disclosure.suppress_partitions)."""
    total = sum(next(iter(counts.values())).values())
    return disclosure.suppress_partitions(counts, total, one_way(rules), total_published=total_published)[0]


def _multiple_partitions(question, choices, answered, by_group, order, split, rules):
    """The respondents, and each option's ticks, by cohort and by each breakdown in `split` (age band),
    which splits the same people: each set adds up to one figure, so it is suppressed together. The number
    who ticked an option is printed nowhere; the respondents may be (everyone who did the survey), so they
    are protected as if printed."""
    _, keys = _labels(question)
    q = question["id"]

    def counts(cohort_count, group_count):
        return {"cohort": {c: cohort_count(c) for c in COHORTS},
                **{name: {g: group_count(name, g) for g in order[name]} for name in split}}
    respondents = _partitioned(counts(lambda c: answered.get((q, c), 0),
                                      lambda n, g: by_group["answered"].get((q, n, g), 0)), rules, True)
    ticked = {str(k): _partitioned(counts(lambda c: choices.get((q, c, k), 0),
                                          lambda n, g: by_group["choices"].get((q, n, g, k), 0)), rules, False)
              for k in keys}
    return respondents, ticked


def _group_multiple(question, ticked, respondents, name, group, rules):
    """One group's ticked options as shares of the group's respondents."""
    labels, keys = _labels(question)
    return {"respondents": cell(respondents[name][group]),
            "answers": [{"label": label, **_ticked(cell(ticked[str(k)][name][group]), respondents[name][group],
                                                   rules)}
                        for label, k in zip(labels, keys)]}


def _overlapping_multiple(question, choices, answered, name, group, rules):
    """A voice group's ticked options (voice groups overlap, so each count stands alone)."""
    _, keys = _labels(question)
    q = question["id"]
    respondents = {name: {group: count(answered.get((q, name, group), 0), rules)}}
    ticks = disclosure.suppress_counts({str(k): choices.get((q, name, group, k), 0) for k in keys},
                                       rules=one_way(rules)).cells
    ticked = {k: {name: {group: c}} for k, c in ticks.items()}
    return _group_multiple(question, ticked, respondents, name, group, rules)


def _group_single(question, values, name, group, rules):
    """One voice group's answers: suppressed together with its respondents, the group standing alone."""
    labels, keys = _labels(question)
    counts = {str(k): values.get((question["id"], name, group, k), 0) for k in keys}
    published = breakdown(counts, rules, sum(counts.values()))
    return {"respondents": published["total"],
            "answers": [{"label": label, "count": published["cells"][str(k)], "share": published["shares"][str(k)]}
                        for label, k in zip(labels, keys)]}


def _split(by_group, order):
    """The breakdowns that split the same respondents as the cohorts do (age band); voice groups overlap."""
    return [name for name in order if name in PARTITIONS] if by_group is not None else []


def _answers(question, values, by_group, order, rules):
    """A question with one answer each: the cohort table and one table per breakdown that splits the same
    respondents (age band) share each answer's total and the respondents, so they are suppressed together;
    a voice group's answers are suppressed with its own respondents."""
    q, split = question["id"], _split(by_group, order)
    tables = disclosure.suppress_tables_sharing_rows(
        [_single_table(question, COHORTS, lambda c, k: values.get((q, c, k), 0))] +
        [_single_table(question, order[name], lambda g, k, name=name: by_group["values"].get((q, name, g, k), 0))
         for name in split], rules)
    entry = _single(question, tables[0], rules)
    if by_group is not None:
        entry["by_group"] = {
            name: {g: _group_column(question, tables[1 + split.index(name)], j, rules)
                   for j, g in enumerate(groups)} if name in split else
            {g: _group_single(question, by_group["values"], name, g, rules) for g in groups}
            for name, groups in order.items()}
    return entry


def _ticks(question, choices, answered, by_group, order, rules):
    """A question whose options are ticked: by cohort, and by each group when by_group is given."""
    split = _split(by_group, order)
    respondents, ticked = _multiple_partitions(question, choices, answered, by_group, order, split, rules)
    entry = _multiple(question, ticked, respondents, rules)
    if by_group is not None:
        entry["by_group"] = {
            name: {g: _group_multiple(question, ticked, respondents, name, g, rules) if name in split else
                   _overlapping_multiple(question, by_group["choices"], by_group["answered"], name, g, rules)
                   for g in groups}
            for name, groups in order.items()}
    return entry


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
            entry.update(_ticks(q, choices, answered, by_group, order, rules))
        else:
            entry.update(_answers(q, values, by_group, order, rules))
        published.append(entry)
    return published
