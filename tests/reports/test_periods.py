"""Reporting periods: financial-year halves and quarters, date ranges, the period before, London midnights."""
from datetime import date, datetime, timezone

import pytest

from voiceapp.reports import periods


def test_h1_runs_from_april_to_september():
    half = periods.parse("2026-H1")
    assert (half.first, half.last) == (date(2026, 4, 1), date(2026, 9, 30))


def test_h2_runs_from_october_to_the_next_march():
    half = periods.parse("2026-H2")
    assert (half.first, half.last) == (date(2026, 10, 1), date(2027, 3, 31))


@pytest.mark.parametrize("label, first, last", [
    ("2026-Q1", date(2026, 4, 1), date(2026, 6, 30)),
    ("2026-Q2", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-Q3", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-Q4", date(2027, 1, 1), date(2027, 3, 31)),
])
def test_quarters_follow_the_financial_year(label, first, last):
    quarter = periods.parse(label)
    assert (quarter.first, quarter.last) == (first, last)


def test_the_period_before_a_half_or_quarter_is_the_one_before_it():
    assert periods.parse("2026-H1").previous().label == "2025-H2"
    assert periods.parse("2026-H2").previous().label == "2026-H1"
    assert periods.parse("2026-Q1").previous().label == "2025-Q4"
    assert periods.parse("2026-Q3").previous().label == "2026-Q2"


def test_any_date_range_is_a_period_and_its_previous_is_as_long():
    span = periods.parse("2026-05-01..2026-05-10")
    assert span.days == 10
    assert (span.previous().first, span.previous().last) == (date(2026, 4, 21), date(2026, 4, 30))
    assert periods.parse("2026-05-01/2026-05-10") == span


def test_a_half_starts_at_london_midnight_which_is_23_00_utc_in_summer_time():
    half = periods.parse("2026-H1")
    assert half.starts_at == datetime(2026, 3, 31, 23, 0, tzinfo=timezone.utc)
    assert half.ends_before == datetime(2026, 9, 30, 23, 0, tzinfo=timezone.utc)
    assert periods.parse("2026-H2").ends_before == datetime(2027, 4, 1, 0, 0, tzinfo=timezone.utc) - \
        (datetime(2027, 4, 1, tzinfo=timezone.utc) - datetime(2027, 3, 31, 23, tzinfo=timezone.utc))


@pytest.mark.parametrize("text", ["2026", "2026-H3", "2026-Q5", "H1", "2026-09-30..2026-04-01", ""])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        periods.parse(text)


def test_a_day_belongs_to_its_financial_half():
    assert periods.containing(date(2027, 2, 1)).label == "2026-H2"
    assert periods.containing(date(2026, 4, 1)).label == "2026-H1"


def test_a_period_is_described_in_words():
    assert periods.parse("2026-H1").describe() == "1 April 2026 to 30 September 2026"
