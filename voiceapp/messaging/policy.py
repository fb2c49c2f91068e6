"""When an SMS may go out: quiet hours in Europe/London, and pacing per sender (REL-04, TW-16)."""
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from voiceapp.messaging.models import OutboundStatus

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


@dataclass(frozen=True)
class Verdict:
    """What becomes of a claimed text now: status None means send it; QUEUED means again at send_after."""
    status: OutboundStatus | None = None
    send_after: datetime | None = None


SEND = Verdict()


def verdict(now, *, direct_reply, urgent, valid_until, opted_out, pace):
    """The rules every text meets at the moment it would leave, in order: an opted-out young person gets
    nothing at all (TW-09); a time-bound text past its time is dropped; quiet hours hold all but direct
    replies and urgent texts; the sender's pace (`pace`: when it next allows this text, or None) comes last."""
    if opted_out:
        return Verdict(OutboundStatus.SUPPRESSED)
    if valid_until is not None and valid_until < now:
        return Verdict(OutboundStatus.EXPIRED)
    earliest = earliest_send(now, direct_reply=direct_reply, urgent=urgent)
    if earliest > now:
        return Verdict(OutboundStatus.QUEUED, earliest)
    if pace is not None:
        return Verdict(OutboundStatus.QUEUED, pace)
    return SEND
