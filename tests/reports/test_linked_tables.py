"""Tables that share a total (by cohort and by age band; a breakdown and a figure printed again elsewhere) are
suppressed together: a reader who writes down every sum the report prints, and solves, learns no hidden count.
Each data set is small and crafted so that suppressing each table on its own would give a count away."""
from fractions import Fraction

import pytest

from tests.factories import SurveyFactory
from tests.reports import builders as b
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.reports import periods
from voiceapp.reports.build import build_report
from voiceapp.tellus.models import Kind

H1 = periods.parse("2026-H1")
COHORTS = ("child_in_care", "care_leaver")


class Reader:
    """Sums the report prints, as equations; a withheld figure (or a total printed nowhere) is an unknown."""

    def __init__(self):
        self.unknowns, self.rows = {}, []

    def term(self, figure, name):
        if figure["display"] == "c":
            return {self.unknowns.setdefault(name, len(self.unknowns)): 1}, 0
        return {}, figure["value"]

    def unknown(self, name):
        return {self.unknowns.setdefault(name, len(self.unknowns)): 1}, 0

    def adds_up(self, parts, total):
        """sum(parts) == total, each a (term, constant) pair."""
        coefficients, constant = {}, 0
        for sign, (term, value) in [(1, p) for p in parts] + [(-1, total)]:
            for k, c in term.items():
                coefficients[k] = coefficients.get(k, 0) + sign * c
            constant -= sign * value
        self.rows.append((coefficients, constant))

    def solvable(self):
        """The unknowns whose value the equations fix (each a unit vector in their row space)."""
        n = len(self.unknowns)
        matrix = [[Fraction(c.get(k, 0)) for k in range(n)] for c, _ in self.rows]
        rank = _rank(matrix)
        names = {i: name for name, i in self.unknowns.items()}
        return {names[k] for k in range(n) if _rank(matrix + [[Fraction(int(i == k)) for i in range(n)]]) == rank}


def _rank(matrix):
    rows, rank = [row[:] for row in matrix], 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                factor = rows[r][col] / rows[rank][col]
                rows[r] = [a - factor * p for a, p in zip(rows[r], rows[rank])]
        rank += 1
    return rank


def _question(report, prompt):
    return next(q for q in report["surveys"] if q["prompt"] == prompt)


def _read_single(reader, question):
    """The cohort table (answers by cohort with an 'all' column) and the answers by age band."""
    options, bands = question["options"], question["by_group"]["age_band"]
    grand = reader.term(question["respondents"]["all"], "all respondents")
    for i, option in enumerate(options):
        every = reader.term(option["all"]["count"], f"all {i}")
        reader.adds_up([reader.term(option["by_cohort"][c]["count"], f"{c} {i}") for c in COHORTS], every)
        reader.adds_up([reader.term(band["answers"][i]["count"], f"{g} {i}") for g, band in bands.items()], every)
    for c in COHORTS:
        reader.adds_up([reader.term(o["by_cohort"][c]["count"], f"{c} {i}") for i, o in enumerate(options)],
                       reader.term(question["respondents"][c], f"{c} respondents"))
    for g, band in bands.items():
        reader.adds_up([reader.term(a["count"], f"{g} {i}") for i, a in enumerate(band["answers"])],
                       reader.term(band["respondents"], f"{g} respondents"))
    reader.adds_up([reader.term(o["all"]["count"], f"all {i}") for i, o in enumerate(options)], grand)
    reader.adds_up([reader.term(question["respondents"][c], f"{c} respondents") for c in COHORTS], grand)
    reader.adds_up([reader.term(band["respondents"], f"{g} respondents") for g, band in bands.items()], grand)


def _read_ticks(reader, question, respondents_known):
    """Ticked options: by cohort and by age band each adds up to the option's ticks (printed nowhere) and
    the respondents by cohort and by age band to the question's respondents (taken as known: everyone who
    did the survey may be printed elsewhere)."""
    bands = question["by_group"]["age_band"]
    for i, option in enumerate(question["options"]):
        ticks = reader.unknown(f"ticked {i}")
        reader.adds_up([reader.term(option["by_cohort"][c]["count"], f"{c} {i}") for c in COHORTS], ticks)
        reader.adds_up([reader.term(band["answers"][i]["count"], f"{g} {i}") for g, band in bands.items()], ticks)
    everyone = ({}, respondents_known)
    reader.adds_up([reader.term(question["respondents"][c], f"{c} respondents") for c in COHORTS], everyone)
    reader.adds_up([reader.term(band["respondents"], f"{g} respondents") for g, band in bands.items()], everyone)


@pytest.fixture
def survey_report(app):
    """24 aged 13-15 (18 yes, 6 no), 12 aged 16-17 (10 yes, 2 no), 3 aged 10-12 (yes), all children in care.
    Apart, the age-band table would show 24, 12 and c respondents beside the cohort table's 39 in all."""
    survey = SurveyFactory()
    for i in range(24):
        b.respond(b.person(age_band=AgeBand.AGE_13_15), survey, {4: 1 if i < 18 else 0, 3: [0, 1] if i < 20 else [2]})
    for i in range(12):
        b.respond(b.person(age_band=AgeBand.AGE_16_17), survey, {4: 1 if i < 10 else 0, 3: [0]})
    for _ in range(3):
        b.respond(b.person(age_band=AgeBand.AGE_10_12), survey, {4: 1, 3: [3]})
    return build_report(H1)


def test_no_hidden_survey_answer_can_be_solved_from_the_cohort_table_and_the_age_band_table(survey_report):
    question = _question(survey_report, "Do you know your plan?")
    reader = Reader()
    _read_single(reader, question)
    assert question["by_group"]["age_band"]["10-12"]["respondents"]["display"] == "c"
    assert question["by_group"]["age_band"]["16-17"]["answers"][1]["count"]["display"] == "c"
    assert reader.unknowns and reader.solvable() == set()


def test_no_hidden_ticked_count_or_respondents_can_be_solved_by_cohort_against_age_band(survey_report):
    question = _question(survey_report, "Who helps you?")
    reader = Reader()
    _read_ticks(reader, question, respondents_known=39)
    assert question["by_group"]["age_band"]["10-12"]["respondents"]["display"] == "c"
    assert reader.unknowns and reader.solvable() <= {f"ticked {i}" for i in range(4)}


@pytest.fixture
def promise_groups(app):
    """40 children in care (10 aged 10-12, 15 aged 13-15, 15 aged 16-17) and 3 care leavers aged 16-17 rate a
    promise: apart, 40 by cohort beside 10 + 15 + 18 by age band would give the 3 care leavers away."""
    in_care, leaving = b.current_promises()[0], b.current_promises(Cohort.CARE_LEAVER)[0]
    for band, n in ((AgeBand.AGE_10_12, 10), (AgeBand.AGE_13_15, 15), (AgeBand.AGE_16_17, 15)):
        for _ in range(n):
            b.check(b.person(age_band=band), "2026-05-01 10:00", [(in_care, "kept", None)])
    for _ in range(3):
        b.check(b.person(cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_16_17), "2026-05-01 10:00",
                [(leaving, "not_kept", None)])
    return build_report(H1)["promise_by_group"]


def test_the_promise_s_people_by_cohort_and_by_age_band_hide_the_3_care_leavers_together(promise_groups):
    reader = Reader()
    everyone = reader.unknown("young people who rated")
    for name in ("cohort", "age_band"):
        reader.adds_up([reader.term(row["people"], f"{name} {g}") for g, row in promise_groups[name].items()],
                       everyone)
    assert promise_groups["cohort"]["care_leaver"]["people"]["display"] == "c"
    assert promise_groups["cohort"]["child_in_care"]["people"]["display"] == "c"
    assert promise_groups["cohort"]["child_in_care"]["kept_share"]["display"] == "c"
    assert promise_groups["age_band"]["13-15"]["people"]["display"] == "15"
    assert reader.solvable() <= {"young people who rated"}


def test_praise_counted_again_is_the_by_kind_figure_so_a_withheld_kind_stays_hidden(app):
    # 3 unhappy, 8 praise, 20 about a promise: by kind hides the 3 and its complement, the 8.
    for kind, n in ((Kind.UNHAPPY, 3), (Kind.PRAISE, 8), (Kind.PROMISE_NOT_KEPT, 20)):
        for _ in range(n):
            b.message(b.person(), "2026-06-02 09:00", kind=kind, praise_for="IRO team" if kind == Kind.PRAISE else None)
    tellus = build_report(H1)["tellus"]
    by_kind = tellus["by_kind"]["cells"]
    assert (by_kind["unhappy"]["display"], by_kind["praise"]["display"], tellus["by_kind"]["total"]["display"]) == \
        ("c", "c", "31")
    assert tellus["praise"]["messages"]["display"] == "c"
    reader = Reader()
    reader.adds_up([reader.term(c, k) for k, c in by_kind.items()], reader.term(tellus["by_kind"]["total"], "total"))
    reader.adds_up([reader.term(tellus["praise"]["messages"], "praise")], reader.term(by_kind["praise"], "praise"))
    assert reader.solvable() == set()
