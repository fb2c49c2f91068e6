"""SQL pieces that must give the same answer on SQLite and PostgreSQL: London dates and periods."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from voiceapp.extensions import db

LONDON = ZoneInfo("Europe/London")


def dialect():
    return db.session.get_bind().dialect.name


def within(column, period):
    """The half-open test every query uses, so a moment is never in two periods."""
    return sa.and_(column >= period.starts_at, column < period.ends_before)


def summer_time_windows(first_year, last_year):
    """The UTC instants British Summer Time starts and ends in each year (from the tz database)."""
    windows = []
    for year in range(first_year, last_year + 1):
        starts = _first_hour_with_offset(year, 3, 1)
        ends = _first_hour_with_offset(year, 10, 0)
        windows.append((starts, ends))
    return windows


def _first_hour_with_offset(year, month, hours):
    """The first whole UTC hour in the month when London's offset from UTC is `hours`."""
    moment = datetime(year, month, 1, tzinfo=timezone.utc)
    while moment.astimezone(LONDON).utcoffset() != timedelta(hours=hours):
        moment += timedelta(hours=1)
    return moment


def london_date(column, period):
    """The Europe/London calendar date of a UTC timestamp column, for grouping by day."""
    if dialect() == "postgresql":
        return sa.cast(sa.func.timezone("Europe/London", column), sa.Date)
    # SQLite has no time zones: add an hour inside the summer-time windows of the years concerned. The
    # windows run a year either side, because answers can come long after the message.
    windows = summer_time_windows(period.first.year - 1, period.last.year + 2)
    shift = sa.case(*[(sa.and_(column >= start, column < end), "+1 hours") for start, end in windows],
                    else_="+0 hours")
    return sa.func.date(column, shift, type_=sa.Date)


def materialized(cte):
    """Compute a WITH query once (SQLite 3.35+ and PostgreSQL 12+ both read AS MATERIALIZED)."""
    return cte.prefix_with("MATERIALIZED")
