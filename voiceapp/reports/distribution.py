"""Response times in working days, worked out from (day received, day answered) counts, never row by row."""
from datetime import date, datetime
from typing import Mapping

from voiceapp.reports.periods import LONDON
from voiceapp.tellus.deadlines import deadline_at, next_working_day, working_days_between


def working_days_taken(received: date, done: date) -> int:
    """Working days from receipt to the answer; receipt on a closed day counts from the next working day
    (as the deadlines do), and an answer on that same closed day took 0."""
    return max(0, working_days_between(next_working_day(received), done))


def quantile(histogram: Mapping[int, int], q: float) -> float | None:
    """The q-quantile of a {value: count} histogram, interpolated like PostgreSQL percentile_cont."""
    n = sum(histogram.values())
    if n == 0:
        return None
    position = q * (n - 1)
    below, fraction = int(position), position - int(position)
    ordered = sorted(histogram.items())
    low, high = _nth(ordered, below), _nth(ordered, min(below + 1, n - 1))
    return low + (high - low) * fraction


def _nth(ordered, index):
    seen = 0
    for value, count in ordered:
        seen += count
        if index < seen:
            return value
    raise IndexError(index)


def timeliness(pairs: Mapping[tuple[date, date | None], int], limit: int, now: datetime) -> dict:
    """On time, late and not yet due against a working-day limit, plus the histogram of days taken."""
    result = {"on_time": 0, "late": 0, "not_yet_due": 0, "histogram": {}}
    for (received, done), n in pairs.items():
        if done is None:
            overdue = deadline_at(_noon(received), limit) < now
            result["late" if overdue else "not_yet_due"] += n
            continue
        taken = working_days_taken(received, done)
        result["histogram"][taken] = result["histogram"].get(taken, 0) + n
        result["on_time" if taken <= limit else "late"] += n
    return result


def _noon(day: date) -> datetime:
    # deadline_at wants a moment; any moment of the London day gives the same deadline.
    return datetime(day.year, day.month, day.day, 12, tzinfo=LONDON)
