"""When an SMS may go out: quiet hours in Europe/London, and pacing per sender (REL-04, TW-16)."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

LONDON = ZoneInfo("Europe/London")


def _quiet_window():
    cfg = current_app.config
    return time.fromisoformat(cfg["QUIET_HOURS_START"]), time.fromisoformat(cfg["QUIET_HOURS_END"])


def in_quiet_hours(moment):
    """True between the quiet-hours start and end, London time (DST handled by the zone)."""
    start, end = _quiet_window()
    local = moment.astimezone(LONDON).time()
    return local >= start or local < end if start > end else start <= local < end


def quiet_hours_end(moment):
    """The first moment after `moment` when quiet hours are over, as UTC."""
    _, end = _quiet_window()
    local = moment.astimezone(LONDON)
    candidate = datetime.combine(local.date(), end, tzinfo=LONDON)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), end, tzinfo=LONDON)
    return candidate.astimezone(moment.tzinfo)


def earliest_send(moment, *, direct_reply, urgent):
    """Direct replies and safeguarding messages go now; anything else waits for the morning."""
    if direct_reply or urgent or not in_quiet_hours(moment):
        return moment
    return quiet_hours_end(moment)


def seconds_per_segment():
    return 1.0 / float(current_app.config["SMS_SEGMENTS_PER_SECOND"])
