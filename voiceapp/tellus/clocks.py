"""The time limits of a message: fixed at receipt, extended once, and which one is running now."""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from voiceapp.errors import Conflict, Invalid
from voiceapp.tellus import deadlines
from voiceapp.tellus.models import Message, Status

RESPONSE_OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED)


def _setting(name):
    return current_app.config[name]


def due_soon_window():
    return timedelta(hours=_setting("DUE_SOON_HOURS"))


def start_clocks(message):
    """Fix the acknowledge and response deadlines from receipt, never from assignment."""
    message.ack_due_at = deadlines.deadline_at(message.received_at, _setting("ACK_WORKING_DAYS"))
    message.response_due_at = deadlines.deadline_at(message.received_at, _setting("RESPONSE_WORKING_DAYS"))


def reopen(message, *, actor_staff_id, now):
    """Open a closed message again (staff, or the young person writing back); it is owed a fresh answer."""
    message.move_to(Status.ACKNOWLEDGED, actor_staff_id=actor_staff_id, when=now)
    message.satisfaction_asked_at = None
    restart_response_clock(message, now)


def restart_response_clock(message, now):
    """A reopened message gets a new response clock; a formal complaint keeps its stage's statutory clock."""
    if message.complaint_stage is None:
        message.response_due_at = deadlines.deadline_at(now, _setting("RESPONSE_WORKING_DAYS"))
        message.extended_at = message.extension_reason = None


def response_running(message):
    """A complaint's clock runs until its stage is closed; an ordinary message's until it is answered."""
    if message.complaint_stage is not None:
        return message.status != Status.CLOSED
    return message.status in RESPONSE_OPEN


def response_running_sql():
    return sa.or_(sa.and_(Message.complaint_stage.is_(None), Message.status.in_(RESPONSE_OPEN)),
                  sa.and_(Message.complaint_stage.is_not(None), Message.status != Status.CLOSED))


def current_due_sql():
    """The deadline that matters now (acknowledge first, then respond), or NULL when none is running."""
    return sa.case((Message.status == Status.RECEIVED, Message.ack_due_at),
                   (response_running_sql(), Message.response_due_at), else_=None)


def response_clock_name(message):
    stage = message.current_stage
    if stage is None:
        return "respond"
    name, _ = next_stage_clock(stage)
    return f"stage{stage.number}_{name}"


def running_deadlines(message):
    """[(name, due_at)] for each clock still running, earliest first."""
    running = []
    if message.status == Status.RECEIVED:
        running.append(("acknowledge", message.ack_due_at))
    if response_running(message):
        running.append((response_clock_name(message), message.response_due_at))
    return running


def deadline_view(message, now):
    """The deadline that matters now and how it stands; once answered, whether the answer was in time."""
    running = running_deadlines(message)
    if running:
        name, due = running[0]
        return {"name": name, "due_at": due, "timeliness": deadlines.timeliness(due, now, due_soon_window())}
    answered = message.closed_at if message.complaint_stage else (message.responded_at or message.closed_at)
    in_time = answered is not None and answered <= message.response_due_at
    return {"name": response_clock_name(message), "due_at": message.response_due_at,
            "timeliness": "on_time" if in_time else "overdue"}


def happened_steps(stage):
    """{step: when it happened} for each recorded step of a complaint stage that staff have recorded."""
    return {name: getattr(stage, clock.recorded_as) for name, clock in deadlines.RECORDED_STEPS.items()
            if getattr(stage, clock.recorded_as) is not None}


def stage_deadlines(stage):
    """Every statutory clock of a complaint stage, from when it started (later steps from when they happened)."""
    return deadlines.stage_deadlines(stage.number, stage.started_at, extended=stage.extended_at is not None,
                                     happened=happened_steps(stage))


def next_stage_clock(stage):
    """The first clock of the stage whose step has not happened yet (the last one once all have)."""
    done = happened_steps(stage)
    clocks = list(stage_deadlines(stage).items())
    return next(((name, due) for name, due in clocks if not done.get(name)), clocks[-1])


def follow_stage(message):
    """Point the message's response deadline at its complaint stage's next clock."""
    message.response_due_at = next_stage_clock(message.current_stage)[1]


def extend_response(message, *, reason, now):
    """Extend the running response clock once, with a reason (10 to 20 working days; stage 2: 25 to 65)."""
    if not response_running(message):
        raise Conflict(_l("There is no time limit running to extend"), field="extension",
                       reason="the message has been answered or closed")
    stage = message.current_stage
    already = (stage.extended_at if stage else message.extended_at) is not None
    refusal = deadlines.extension_refusal(stage.number if stage else 1, reason=reason, already_extended=already)
    if refusal:
        raise Invalid(_l("This time limit cannot be extended"), field="reason", reason=refusal)
    if stage is not None:
        stage.extended_at, stage.extension_reason = now, reason.strip()
        return follow_stage(message)
    message.extended_at, message.extension_reason = now, reason.strip()
    extra = _setting("RESPONSE_EXTENDED_WORKING_DAYS") - _setting("RESPONSE_WORKING_DAYS")
    due_day = message.response_due_at.astimezone(deadlines.LONDON).date()
    message.response_due_at = deadlines.end_of_day(deadlines.add_working_days(due_day, max(extra, 0)))
