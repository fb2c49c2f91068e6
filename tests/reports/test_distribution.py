"""Response times from day-pair counts: working days taken, quantiles like percentile_cont, timeliness."""
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, strategies as st

from voiceapp.reports.distribution import quantile, timeliness, working_days_taken
from voiceapp.reports.stats import median_and_p90


def test_an_answer_the_same_day_took_no_working_days():
    assert working_days_taken(date(2026, 5, 5), date(2026, 5, 5)) == 0


def test_good_friday_and_easter_monday_are_not_counted():
    # Thursday 2 April 2026 to Tuesday 7 April: Good Friday, the weekend and Easter Monday are skipped.
    assert working_days_taken(date(2026, 4, 2), date(2026, 4, 7)) == 1


def test_a_message_sent_at_the_weekend_counts_from_monday():
    assert working_days_taken(date(2026, 5, 9), date(2026, 5, 11)) == 0
    assert working_days_taken(date(2026, 5, 9), date(2026, 5, 12)) == 1


@given(st.lists(st.integers(0, 30), min_size=1, max_size=60))
def test_quantiles_of_a_histogram_match_the_median_and_p90_of_the_values(values):
    histogram = {}
    for v in values:
        histogram[v] = histogram.get(v, 0) + 1
    median, p90 = median_and_p90(sorted(values))
    assert quantile(histogram, 0.5) == pytest.approx(median)
    assert quantile(histogram, 0.9) == pytest.approx(p90)


def test_an_empty_histogram_has_no_quantile():
    assert quantile({}, 0.5) is None


def test_unanswered_messages_are_late_once_their_deadline_has_passed_and_not_yet_due_before():
    now = datetime(2026, 5, 20, 12, tzinfo=timezone.utc)
    pairs = {(date(2026, 5, 1), date(2026, 5, 1)): 3,     # same day: on time
             (date(2026, 5, 1), date(2026, 5, 6)): 2,     # 2 working days (4 May is a bank holiday): late
             (date(2026, 5, 1), None): 4,                 # deadline long gone: late
             (date(2026, 5, 20), None): 1}                # due tomorrow: not yet due
    result = timeliness(pairs, 1, now)
    assert (result["on_time"], result["late"], result["not_yet_due"]) == (3, 6, 1)
    assert result["histogram"] == {0: 3, 2: 2}
