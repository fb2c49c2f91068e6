"""Wilson intervals, the two-proportion test and median/p90, checked against hand-worked values."""
import pytest

from voiceapp.reports.stats import Change, median_and_p90, proportion_change, wilson_interval


def rounded(interval, places=3):
    return tuple(round(x, places) for x in interval)


@pytest.mark.parametrize("successes, n, expected", [
    (8, 10, (0.490, 0.943)),
    (50, 100, (0.404, 0.596)),
    (0, 10, (0.0, 0.278)),
    (10, 10, (0.722, 1.0)),
])
def test_the_wilson_interval_matches_published_values(successes, n, expected):
    assert rounded(wilson_interval(successes, n)) == expected


def test_the_wilson_interval_of_nobody_is_none_and_impossible_counts_are_refused():
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


def test_a_rise_from_45_to_60_percent_of_100_is_significant_at_95_percent():
    # Pooled p = 0.525, se = sqrt(0.525 * 0.475 * 0.02) = 0.07062, z = 0.15 / 0.07062 = 2.124, p = 0.034.
    change = proportion_change(45, 100, 60, 100)
    assert change.difference == pytest.approx(0.15)
    assert change.z == pytest.approx(2.124, abs=1e-3)
    assert change.p_value == pytest.approx(0.0337, abs=1e-4)
    assert change.significant


def test_a_rise_from_5_to_7_out_of_10_is_not_significant():
    # Pooled p = 0.6, se = sqrt(0.6 * 0.4 * 0.2) = 0.2191, z = 0.913, p = 0.361.
    change = proportion_change(5, 10, 7, 10)
    assert change.z == pytest.approx(0.913, abs=1e-3)
    assert change.p_value == pytest.approx(0.361, abs=1e-3)
    assert not change.significant


def test_no_change_when_nobody_in_either_period_said_yes_and_none_when_a_period_is_empty():
    assert proportion_change(0, 10, 0, 12) == Change(0.0, 0.0, 1.0, False)
    assert proportion_change(3, 0, 4, 10) is None


def test_median_and_p90_interpolate_like_percentile_cont():
    # p90 of 1..10: position 0.9 * 9 = 8.1, so 9 + 0.1 * (10 - 9).
    assert median_and_p90(list(range(1, 11))) == pytest.approx((5.5, 9.1))
    assert median_and_p90([3, 1, 2]) == pytest.approx((2, 2.8))


def test_median_and_p90_of_one_value_is_that_value_and_of_none_is_none():
    assert median_and_p90([7]) == (7, 7)
    assert median_and_p90([]) is None
