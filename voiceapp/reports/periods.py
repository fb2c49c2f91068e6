"""Reporting periods: financial-year halves and quarters (April to March), or any date range."""
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.|/)(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    """A run of whole London calendar days, first to last inclusive, named like "2026-H1"."""
    label: str
    first: date
    last: date

    def __post_init__(self):
        if self.last < self.first:
            raise ValueError("a period must end on or after the day it starts")

    @property
    def starts_at(self) -> datetime:
        """The first instant of the first day in London, as UTC (what the database stores)."""
        return _london_midnight(self.first)

    @property
    def ends_before(self) -> datetime:
        """The first instant after the last day, as UTC: periods are half-open in SQL."""
        return _london_midnight(self.last + timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> "Period":
        """The period just before this one, of the same kind: H2 -> H1, Q1 -> last year's Q4, a range -> the
        same number of days before it."""
        kind = _kind(self.label)
        if kind == "half":
            year, half = int(self.label[:4]), int(self.label[-1])
            return half_year(year - 1, 2) if half == 1 else half_year(year, 1)
        if kind == "quarter":
            year, quarter = int(self.label[:4]), int(self.label[-1])
            return quarter_of(year - 1, 4) if quarter == 1 else quarter_of(year, quarter - 1)
        last = self.first - timedelta(days=1)
        return date_range(last - timedelta(days=self.days - 1), last)

    def describe(self) -> str:
        """In words for a cover page: "1 April 2026 to 30 September 2026"."""
        return f"{_words(self.first)} to {_words(self.last)}"


def _words(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _london_midnight(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=LONDON).astimezone(timezone.utc)


def _kind(label: str) -> str:
    if _HALF.match(label):
        return "half"
    return "quarter" if _QUARTER.match(label) else "range"


def half_year(year: int, half: int) -> Period:
    """H1 is April to September of `year`, H2 is October to March of the next calendar year."""
    if half == 1:
        return Period(f"{year}-H1", date(year, 4, 1), date(year, 9, 30))
    return Period(f"{year}-H2", date(year, 10, 1), date(year + 1, 3, 31))


def quarter_of(year: int, quarter: int) -> Period:
    """Financial-year quarters: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March."""
    month = 4 + 3 * (quarter - 1)
    first = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    after = date(first.year + (first.month + 2) // 12, (first.month + 2) % 12 + 1, 1)
    return Period(f"{year}-Q{quarter}", first, after - timedelta(days=1))


def date_range(first: date, last: date) -> Period:
    return Period(f"{first.isoformat()}..{last.isoformat()}", first, last)


# The service's records start long after 2000; a period outside these years is a typing slip, and year 1 or
# 9999 would overflow the date arithmetic of the report and its previous period.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse(text: str) -> Period:
    """Read "2026-H1", "2026-Q3" or "2026-04-01..2026-06-30" (a slash works too); ValueError otherwise."""
    text = (text or "").strip()
    if match := _HALF.match(text):
        period = _bounded(lambda: half_year(int(match[1]), int(match[2])))
    elif match := _QUARTER.match(text):
        period = _bounded(lambda: quarter_of(int(match[1]), int(match[2])))
    elif match := _RANGE.match(text):
        period = _bounded(lambda: date_range(date.fromisoformat(match[1]), date.fromisoformat(match[2])))
    else:
        raise ValueError(f"{text!r} is not a period: use 2026-H1, 2026-Q1 or 2026-04-01..2026-09-30")
    return period


def _bounded(build) -> Period:
    try:
        period = build()
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a period: {error}") from None
    if period.first.year < FIRST_YEAR or period.last.year > LAST_YEAR:
        raise ValueError(f"a period must lie between {FIRST_YEAR} and {LAST_YEAR}")
    return period


def containing(day: date) -> Period:
    """The financial half-year a day falls in."""
    year = day.year if day.month >= 4 else day.year - 1
    return half_year(year, 1 if 4 <= day.month <= 9 else 2)
