"""The promise by group publishes shares of answers, not counts: a reader who knows the group's size (printed
beside the share) and tries every count that would round to each printed share learns no hidden count.
Each data set is small and crafted so that a share to 0.1%, or one shown beside a hidden count, gives a
count away."""
from tests.reports import builders as b
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.reports import periods
from voiceapp.reports.build import build_report

H1 = periods.parse("2026-H1")


def _consistent(figure, answers):
    """Every count of `answers` that would be printed as this share (any count when it is withheld)."""
    if figure["value"] is None:
        return set(range(answers + 1))
    places = 0 if isinstance(figure["value"], int) else 1  # the JSON and CSV print 52 or 52.4
    return {k for k in range(answers + 1) if round(100 * k / answers, places) == figure["value"]}


def _recoverable(row):
    """What a reader learns of the group's (kept, not kept, anything else) answers when each young person
    gave one answer, so the group's printed size is its number of answers: the counts fixed to one value."""
    answers = row["people"]["value"]
    if answers is None:
        return {}
    triples = [(k, n, answers - k - n) for k in _consistent(row["kept_share"], answers)
               for n in _consistent(row["not_kept_share"], answers) if k + n <= answers]
    names = ("kept", "not kept", "anything else")
    return {names[i]: {t[i] for t in triples}.pop() for i in range(3) if len({t[i] for t in triples}) == 1}


def _rate(promise, ratings, cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15):
    for rating, n in ratings.items():
        for _ in range(n):
            b.check(b.person(cohort=cohort, age_band=age_band), "2026-05-01 10:00", [(promise, rating, None)])


def test_a_share_beside_a_small_not_kept_count_is_withheld_so_the_3_cannot_be_worked_out(app):
    # 37 kept and 3 not kept of 40: 92.5% kept beside 40 young people would give the 3 away.
    _rate(b.current_promises()[0], {"kept": 37, "not_kept": 3})
    row = build_report(H1)["promise_by_group"]["cohort"]["child_in_care"]
    assert row["people"]["display"] == "40"
    assert (row["kept_share"]["display"], row["not_kept_share"]["display"]) == ("c", "c")
    assert "not kept" not in _recoverable(row)


def test_shares_are_whole_percents_so_a_large_group_s_share_does_not_pin_its_count(app):
    # 250 aged 16-17: 131 kept, 89 not kept, 30 partly. To 0.1% (52.4%, 35.6%) each count would be exact;
    # to whole percent, 52% and 36% of 250 fit 129 to 131 and 89 to 91.
    _rate(b.current_promises()[0], {"kept": 131, "not_kept": 89, "partly": 30}, age_band=AgeBand.AGE_16_17)
    row = build_report(H1)["promise_by_group"]["age_band"]["16-17"]
    assert (row["kept_share"], row["not_kept_share"]) == ({"value": 52, "display": "52%"},
                                                          {"value": 36, "display": "36%"})
    assert _recoverable(row) == {}


def test_every_group_s_hidden_counts_stay_hidden(app):
    # Small counts in several groups: 12 care leavers (2 not kept), 45 aged 10-12 (4 partly, 41 kept),
    # 20 aged 13-15 (all kept), 33 aged 16-17 (30 kept, 3 not kept).
    in_care, leaving = b.current_promises()[0], b.current_promises(Cohort.CARE_LEAVER)[0]
    _rate(leaving, {"kept": 10, "not_kept": 2}, cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21)
    _rate(in_care, {"kept": 41, "partly": 4}, age_band=AgeBand.AGE_10_12)
    _rate(in_care, {"kept": 20})
    _rate(in_care, {"kept": 30, "not_kept": 3}, age_band=AgeBand.AGE_16_17)
    groups = build_report(H1)["promise_by_group"]
    hidden = {("cohort", "care_leaver"): "not kept", ("age_band", "10-12"): "anything else",
              ("age_band", "16-17"): "not kept"}
    for (name, group), small in hidden.items():
        row = groups[name][group]
        assert row["people"]["value"] is not None, (name, group)
        assert small not in _recoverable(row), (name, group, row)
    assert groups["age_band"]["13-15"]["kept_share"]["display"] == "100%"
