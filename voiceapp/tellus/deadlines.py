"""Working days (SI 2006/1738 reg 2), statutory complaint clocks and subject access request due dates."""
import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Mapping
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=None)
def _closed_days(first_year: int, last_year: int) -> frozenset[date]:
    """Every England bank holiday (substitute days included) plus the reg 2 days themselves, for a year range."""
    years = range(first_year, last_year + 1)
    closed = set(holidays.UnitedKingdom(subdiv="ENG", years=years))
    # Reg 2 names Christmas Day and Boxing Day as days, not as bank holidays: when they fall at a weekend the
    # library lists the substitute days, and we also keep the real dates closed whatever the library calls them.
    for year in years:
        closed.update({date(year, 12, 25), date(year, 12, 26)})
    # Good Friday is always a Friday and always an England bank holiday, so the library's entry is the day itself.
    return frozenset(closed)


def is_working_day(d: date) -> bool:
    """A working day is not a Saturday, Sunday, Christmas Day, Boxing Day, Good Friday or England bank holiday."""
    return d.weekday() < 5 and d not in _closed_days(d.year, d.year)


def next_working_day(d: date) -> date:
    """The day itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(d):
        d += ONE_DAY
    return d


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after start, where start is day 0 (n=0 gives start itself)."""
    if n < 0:
        raise ValueError("n must be zero or more")
    day = start
    while n:
        day += ONE_DAY
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after start up to and including end; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(start + ONE_DAY * i) for i in range(1, (end - start).days + 1))


def _london_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(LONDON).date()


def end_of_day(d: date) -> datetime:
    """The last instant of a Europe/London calendar day, in UTC."""
    return datetime.combine(d, time.max, tzinfo=LONDON).astimezone(timezone.utc)


def deadline_at(received_at: datetime, working_days: int) -> datetime:
    """End (Europe/London) of the given working day after receipt, in UTC; receipt on a closed day counts as
    receipt on the next working day."""
    # Day 0 is the London calendar date of receipt, not the UTC one (a text at 00:30 BST is the next day).
    # A complaint sent on a Saturday cannot be read until Monday, so, following reg 2's plain meaning, it is
    # treated as received on Monday (day 0) and day 1 is Tuesday.
    day_zero = next_working_day(_london_date(received_at))
    return end_of_day(add_working_days(day_zero, working_days))


def timeliness(deadline: datetime, now: datetime, due_soon: timedelta) -> str:
    """Overdue after the deadline; due_soon within `due_soon` of it, the deadline instant included; else on_time."""
    if now > deadline:
        return "overdue"
    return "due_soon" if deadline - now <= due_soon else "on_time"


@dataclass(frozen=True)
class Clock:
    """One statutory time limit: `working_days` after `after` (None means the stage's start).

    A clock that ends with a step staff record (the review panel met, it reported) names the ComplaintStage
    column that holds when it happened: `recorded_as`."""
    name: str
    working_days: int
    extended_working_days: int | None = None
    after: str | None = None
    recorded_as: str | None = None


@dataclass(frozen=True)
class Stage:
    number: int
    clocks: tuple[Clock, ...]
    escalate_within: int | None  # working days after this stage's response to ask for the next stage

    @property
    def extendable(self) -> bool:
        """Whether any of the stage's clocks has a longer, extended limit."""
        return any(clock.extended_working_days for clock in self.clocks)


# Children Act 1989 representations procedure: SI 2006/1738 regs 14 (stage 1), 17 (stage 2), 18-20 (stage 3).
STAGES: dict[int, Stage] = {
    1: Stage(1, (Clock("response", 10, extended_working_days=20),), escalate_within=20),
    2: Stage(2, (Clock("response", 25, extended_working_days=65),), escalate_within=20),
    3: Stage(3, (Clock("panel", 30, recorded_as="panel_held_at"),
                 Clock("panel_report", 5, after="panel", recorded_as="panel_reported_at"),
                 Clock("council_response", 15, after="panel_report")), escalate_within=None),
}

# The steps of a stage that staff record, in order, each with the clock it must follow: the one table the
# clocks, the complaint use cases and the request schema all read.
RECORDED_STEPS: dict[str, Clock] = {clock.name: clock for stage in STAGES.values() for clock in stage.clocks
                                    if clock.recorded_as}


def recorded_steps_of(number: int) -> tuple[str, ...]:
    """The names of the steps staff record at this stage (stage 3: the panel, then its report)."""
    return tuple(clock.name for clock in _stage(number).clocks if clock.recorded_as)


def _stage(number: int) -> Stage:
    try:
        return STAGES[number]
    except KeyError:
        raise ValueError(f"no complaint stage {number}") from None


def stage_deadlines(stage: int, started_at: datetime, *, extended: bool = False,
                    happened: Mapping[str, datetime] | None = None) -> dict[str, datetime]:
    """Each clock of a stage: its working days after the stage started, or after the step it follows."""
    spec = _stage(stage)
    if extended and not spec.extendable:
        raise ValueError(f"stage {stage} cannot be extended")
    happened = happened or {}
    deadlines: dict[str, datetime] = {}
    for clock in spec.clocks:
        days = clock.extended_working_days if extended and clock.extended_working_days else clock.working_days
        # A later step runs from when the earlier one really happened if we know it, else from its deadline.
        anchor = started_at if clock.after is None else happened.get(clock.after, deadlines[clock.after])
        deadlines[clock.name] = deadline_at(anchor, days)
    return deadlines


def extension_refusal(stage: int, *, reason: str | None, already_extended: bool) -> str | None:
    """Why an extension may not be granted (no reason given, already extended, stage has none), or None."""
    if not _stage(stage).extendable:
        return f"stage {stage} cannot be extended"
    if already_extended:
        return "a stage can be extended only once"
    if not (reason or "").strip():
        return "an extension needs a recorded reason"
    return None


def escalation_window_closes(responded_at: datetime, *, stage: int = 1) -> datetime:
    """The last moment to ask for the next stage: 20 working days after this stage's response."""
    days = _stage(stage).escalate_within
    if days is None:
        raise ValueError(f"stage {stage} is the last stage; the next step is the Ombudsman")
    return deadline_at(responded_at, days)


def _same_day_months_later(d: date, months: int) -> date:
    year, month = divmod(d.month - 1 + months, 12)
    year, month = d.year + year, month + 1
    # No such day (31 Jan -> Feb): the ICO uses the last day of that month.
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def sar_due_date(received: date, *, extended: bool = False) -> date:
    """Same date next month (else that month's last day), moved to the next working day (ICO, Art 12(3))."""
    # The ICO counts from the day of receipt whether or not it is a working day; a complex request may take
    # two further months.
    return next_working_day(_same_day_months_later(received, 3 if extended else 1))
