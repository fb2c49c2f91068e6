"""Working days, complaint clocks and SAR due dates, checked against hand-worked calendars."""
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from voiceapp.tellus.deadlines import (
    STAGES, add_working_days, deadline_at, escalation_window_closes, extension_refusal, is_working_day,
    sar_due_date, stage_deadlines, timeliness, working_days_between,
)

UTC = timezone.utc


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def end_gmt(y, m, d):
    """The end of a London day in winter (GMT = UTC)."""
    return utc(y, m, d, 23, 59, 59, 999999)


def end_bst(y, m, d):
    """The end of a London day in summer (BST = UTC+1)."""
    return utc(y, m, d, 22, 59, 59, 999999)


# --- working days ------------------------------------------------------------------------------------------

def test_weekends_are_not_working_days_and_weekdays_are():
    assert [is_working_day(date(2026, 1, d)) for d in range(5, 12)] == [True] * 5 + [False] * 2


@pytest.mark.parametrize("day", [date(2021, 12, 25), date(2021, 12, 26), date(2021, 12, 27), date(2021, 12, 28)])
def test_christmas_on_a_saturday_closes_the_day_itself_boxing_day_and_both_substitute_days(day):
    assert not is_working_day(day)


@pytest.mark.parametrize("day", [date(2027, 12, 25), date(2027, 12, 26), date(2027, 12, 27), date(2027, 12, 28)])
def test_christmas_2027_on_a_saturday_closes_four_days(day):
    assert not is_working_day(day)


def test_christmas_eve_and_the_day_after_the_substitutes_are_working_days():
    assert is_working_day(date(2021, 12, 24)) and is_working_day(date(2021, 12, 29))


def test_christmas_2022_on_a_sunday_closes_boxing_day_and_the_tuesday_substitute():
    assert [is_working_day(date(2022, 12, d)) for d in (23, 24, 25, 26, 27, 28)] == [
        True, False, False, False, False, True]


def test_boxing_day_on_a_saturday_2026_closes_the_saturday_and_the_monday_substitute():
    assert [is_working_day(date(2026, 12, d)) for d in (24, 25, 26, 27, 28, 29)] == [
        True, False, False, False, False, True]


def test_good_friday_and_easter_monday_2026_are_not_working_days():
    assert not is_working_day(date(2026, 4, 3)) and not is_working_day(date(2026, 4, 6))
    assert is_working_day(date(2026, 4, 2)) and is_working_day(date(2026, 4, 7))


def test_the_early_may_and_spring_bank_holidays_2026_are_not_working_days():
    assert not is_working_day(date(2026, 5, 4)) and not is_working_day(date(2026, 5, 25))
    assert is_working_day(date(2026, 5, 5)) and is_working_day(date(2026, 5, 26))


def test_one_working_day_after_friday_23_december_2022_is_wednesday_28th():
    assert add_working_days(date(2022, 12, 23), 1) == date(2022, 12, 28)


def test_one_working_day_after_maundy_thursday_2026_is_tuesday_7_april():
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_two_working_days_after_23_december_2021_skip_both_substitute_days():
    assert add_working_days(date(2021, 12, 23), 2) == date(2021, 12, 29)


def test_one_working_day_after_christmas_eve_2027_is_wednesday_29th():
    assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_a_friday_plus_one_working_day_is_the_monday_and_plus_five_the_next_friday():
    assert add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 12)
    assert add_working_days(date(2026, 1, 9), 5) == date(2026, 1, 16)


def test_bank_holiday_mondays_in_may_push_the_next_working_day_to_tuesday():
    assert add_working_days(date(2026, 5, 1), 1) == date(2026, 5, 5)
    assert add_working_days(date(2026, 5, 22), 1) == date(2026, 5, 26)


def test_zero_working_days_is_the_day_of_receipt_and_negative_counts_are_refused():
    assert add_working_days(date(2026, 1, 10), 0) == date(2026, 1, 10)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 10), -1)


def test_working_days_between_counts_after_start_up_to_and_including_end():
    assert working_days_between(date(2022, 12, 23), date(2022, 12, 28)) == 1
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1
    assert working_days_between(date(2026, 1, 5), date(2026, 1, 12)) == 5
    assert working_days_between(date(2026, 1, 10), date(2026, 1, 12)) == 1
    assert working_days_between(date(2026, 1, 5), date(2026, 1, 5)) == 0


def test_working_days_between_is_negative_when_the_end_is_before_the_start():
    assert working_days_between(date(2026, 1, 12), date(2026, 1, 5)) == -5


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(0, 80))
def test_counting_back_the_working_days_added_gives_the_same_number(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert n == 0 or is_working_day(end)


# --- deadlines in London time ------------------------------------------------------------------------------

def test_a_deadline_ends_at_the_last_instant_of_the_london_working_day():
    assert deadline_at(utc(2026, 1, 5, 10), 10) == end_gmt(2026, 1, 19)


def test_a_complaint_received_on_a_saturday_counts_as_received_on_monday():
    assert deadline_at(utc(2026, 1, 10, 12), 0) == end_gmt(2026, 1, 12)
    assert deadline_at(utc(2026, 1, 10, 12), 1) == end_gmt(2026, 1, 13)


def test_a_complaint_received_on_good_friday_counts_from_the_tuesday_after_easter():
    assert deadline_at(utc(2026, 4, 3, 9), 10) == end_bst(2026, 4, 21)


def test_day_zero_is_the_london_date_so_a_text_at_half_past_midnight_bst_counts_from_that_day():
    # 23:30 UTC on Monday 1 June is 00:30 BST on Tuesday 2 June.
    assert deadline_at(utc(2026, 6, 1, 23, 30), 1) == end_bst(2026, 6, 3)


def test_a_deadline_across_the_spring_clock_change_ends_at_midnight_bst():
    # Clocks go forward on Sunday 29 March 2026.
    assert deadline_at(utc(2026, 3, 26, 9), 1) == end_gmt(2026, 3, 27)
    assert deadline_at(utc(2026, 3, 26, 9), 2) == end_bst(2026, 3, 30)


def test_a_deadline_across_the_autumn_clock_change_ends_at_midnight_gmt():
    # Clocks go back on Sunday 25 October 2026.
    assert deadline_at(utc(2026, 10, 22, 9), 1) == end_bst(2026, 10, 23)
    assert deadline_at(utc(2026, 10, 22, 9), 2) == end_gmt(2026, 10, 26)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        deadline_at(datetime(2026, 1, 5, 10), 1)


# --- timeliness ------------------------------------------------------------------------------------------------

DEADLINE = end_gmt(2026, 1, 19)
TWO_DAYS = timedelta(days=2)


@pytest.mark.parametrize("now, expected", [
    (DEADLINE - TWO_DAYS - timedelta(microseconds=1), "on_time"),
    (DEADLINE - TWO_DAYS, "due_soon"),
    (DEADLINE, "due_soon"),
    (DEADLINE + timedelta(microseconds=1), "overdue"),
])
def test_timeliness_is_due_soon_from_the_warning_time_through_the_deadline_and_overdue_after(now, expected):
    assert timeliness(DEADLINE, now, TWO_DAYS) == expected


# --- complaint stages --------------------------------------------------------------------------------------

RECEIVED = utc(2026, 1, 5, 9)  # Monday 5 January 2026, no bank holiday until Good Friday


def test_stage_1_is_answered_within_10_working_days_or_20_when_extended():
    assert stage_deadlines(1, RECEIVED) == {"response": end_gmt(2026, 1, 19)}
    assert stage_deadlines(1, RECEIVED, extended=True) == {"response": end_gmt(2026, 2, 2)}


def test_stage_1_received_before_christmas_2026_skips_christmas_boxing_substitute_and_new_year():
    assert stage_deadlines(1, utc(2026, 12, 14, 9)) == {"response": end_gmt(2026, 12, 30)}
    assert stage_deadlines(1, utc(2026, 12, 14, 9), extended=True) == {"response": end_gmt(2027, 1, 14)}


def test_stage_2_takes_25_working_days_and_at_most_65_which_crosses_easter_and_the_clock_change():
    assert stage_deadlines(2, RECEIVED) == {"response": end_gmt(2026, 2, 9)}
    assert stage_deadlines(2, RECEIVED, extended=True) == {"response": end_bst(2026, 4, 8)}


def test_stage_3_panel_in_30_report_5_after_the_panel_and_response_15_after_the_report():
    assert stage_deadlines(3, RECEIVED) == {
        "panel": end_gmt(2026, 2, 16),
        "panel_report": end_gmt(2026, 2, 23),
        "council_response": end_gmt(2026, 3, 16),
    }


def test_stage_3_later_clocks_run_from_when_the_panel_really_met():
    met = utc(2026, 2, 4, 14)  # Wednesday
    deadlines = stage_deadlines(3, RECEIVED, happened={"panel": met})
    assert deadlines["panel_report"] == end_gmt(2026, 2, 11)
    assert deadlines["council_response"] == end_gmt(2026, 3, 4)


def test_stage_3_cannot_be_extended_and_unknown_stages_are_refused():
    with pytest.raises(ValueError):
        stage_deadlines(3, RECEIVED, extended=True)
    with pytest.raises(ValueError):
        stage_deadlines(4, RECEIVED)


def test_the_window_to_escalate_closes_20_working_days_after_the_response():
    assert escalation_window_closes(utc(2026, 1, 19, 15)) == end_gmt(2026, 2, 16)
    assert escalation_window_closes(utc(2026, 1, 19, 15), stage=2) == end_gmt(2026, 2, 16)
    with pytest.raises(ValueError):
        escalation_window_closes(utc(2026, 1, 19, 15), stage=3)


def test_an_extension_needs_a_reason_and_is_granted_only_once():
    assert extension_refusal(1, reason="Waiting for the placement's records", already_extended=False) is None
    assert extension_refusal(1, reason="  ", already_extended=False) == "an extension needs a recorded reason"
    assert extension_refusal(1, reason="Again", already_extended=True) == "a stage can be extended only once"
    assert extension_refusal(3, reason="Panel member ill", already_extended=False) == "stage 3 cannot be extended"


def test_the_stage_table_matches_the_regulations():
    limits = {n: [(c.name, c.working_days, c.extended_working_days) for c in s.clocks] for n, s in STAGES.items()}
    assert limits == {1: [("response", 10, 20)], 2: [("response", 25, 65)],
                      3: [("panel", 30, None), ("panel_report", 5, None), ("council_response", 15, None)]}


# --- subject access requests ---------------------------------------------------------------------------------

@pytest.mark.parametrize("received, due", [
    (date(2026, 1, 31), date(2026, 3, 2)),    # 28 Feb 2026 (last day of Feb) is a Saturday
    (date(2026, 3, 31), date(2026, 4, 30)),   # April has no 31st: its last day, a Thursday
    (date(2024, 1, 31), date(2024, 2, 29)),   # leap year
    (date(2026, 3, 6), date(2026, 4, 7)),     # 6 April is Easter Monday
    (date(2026, 4, 4), date(2026, 5, 5)),     # 4 May is the early May bank holiday
    (date(2026, 11, 25), date(2026, 12, 29)),  # Christmas Fri, Boxing Day Sat, its substitute Mon 28th
    (date(2026, 12, 15), date(2027, 1, 15)),  # across the new year
    (date(2026, 1, 10), date(2026, 2, 10)),   # received on a Saturday: still counted from that day
])
def test_a_subject_access_request_is_due_the_same_date_next_month_or_the_next_working_day(received, due):
    assert sar_due_date(received) == due


def test_a_complex_subject_access_request_may_take_two_more_months():
    assert sar_due_date(date(2026, 1, 31), extended=True) == date(2026, 4, 30)
