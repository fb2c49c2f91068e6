"""Scheduled work on Tell Us, We Care messages: reminders before a deadline and escalation once it is missed.

Each notice is sent at most once per message, deadline and due time: a DeadlineNotice row is written in the
same transaction as the emails, and its unique key stops a second run (or a second worker) sending again.
"""
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs.schedule import periodic
from voiceapp.tellus import clocks, notifications
from voiceapp.tellus.models import DeadlineNotice, Message, Status

log = logging.getLogger(__name__)
REMINDER, ESCALATION = "reminder", "escalation"


@periodic(600)
def remind_before_deadlines():
    """Remind the owner (or the senior leaders) when a running deadline is within the lead time."""
    now = utcnow()
    lead = timedelta(hours=current_app.config["REMINDER_LEAD_HOURS"])
    _notify_all(REMINDER, now, horizon=now + lead, due=lambda due_at: now <= due_at <= now + lead)


@periodic(600)
def escalate_missed_deadlines():
    """Tell the head of service (and the owner) when a deadline has passed with its clock still running."""
    now = utcnow()
    _notify_all(ESCALATION, now, horizon=now, due=lambda due_at: due_at < now)


def _candidates(horizon):
    return db.session.scalars(sa.select(Message).where(sa.or_(
        sa.and_(Message.status == Status.RECEIVED, Message.ack_due_at <= horizon),
        sa.and_(clocks.response_running_sql(), Message.response_due_at <= horizon)))
        .order_by(Message.received_at)).all()


def _notify_all(kind, now, *, horizon, due):
    for message in _candidates(horizon):
        for deadline, due_at in clocks.running_deadlines(message):
            if due(due_at) and not _already_sent(message, deadline, kind, due_at):
                _notify_once(message, deadline, kind, due_at, now)


def _already_sent(message, deadline, kind, due_at):
    return db.session.scalar(sa.select(DeadlineNotice.id).where(
        DeadlineNotice.message_id == message.id, DeadlineNotice.deadline == deadline,
        DeadlineNotice.kind == kind, DeadlineNotice.due_at == due_at)) is not None


def _notify_once(message, deadline, kind, due_at, now):
    send = notifications.reminder if kind == REMINDER else notifications.escalation
    try:
        with transaction():
            db.session.add(DeadlineNotice(message_id=message.id, deadline=deadline, kind=kind, due_at=due_at,
                                          sent_at=now))
            db.session.flush()
            send(message, deadline, due_at)
    except IntegrityError:
        log.info("%s for message %s (%s) already sent by another run", kind, message.id, deadline)
