"""The alert clock (SAFE-03): re-notify the duty contacts until someone takes an alert on, then escalate."""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs.schedule import periodic
from voiceapp.safeguarding import alerts, offline
from voiceapp.safeguarding.models import AlertStatus, EventKind, SafeguardingAlert


def _minutes(setting):
    return timedelta(minutes=current_app.config[setting])


def _open_where(*conditions):
    return db.session.scalars(sa.select(SafeguardingAlert.id).where(
        SafeguardingAlert.status == AlertStatus.OPEN, *conditions).order_by(SafeguardingAlert.created_at)).all()


def _claim(alert_id, condition, **values):
    """Stamp the alert only if it is still open and still due, in one statement, so that two schedulers
    running at once (a ticker per web worker, or beat plus cron) cannot both send the same notice."""
    claimed = db.session.execute(sa.update(SafeguardingAlert).where(
        SafeguardingAlert.id == alert_id, SafeguardingAlert.status == AlertStatus.OPEN, condition)
        .values(**values).execution_options(synchronize_session=False)).rowcount
    return claimed == 1


@periodic(60)
def renotify_unacknowledged_alerts():
    """Until a named person takes an alert on, tell the duty contacts again every ALERT_RENOTIFY_MINUTES."""
    now = utcnow()
    due_before = now - _minutes("ALERT_RENOTIFY_MINUTES")
    for alert_id in _open_where(SafeguardingAlert.last_notified_at <= due_before):
        with transaction():
            if _claim(alert_id, SafeguardingAlert.last_notified_at <= due_before, last_notified_at=now):
                alert = db.session.get(SafeguardingAlert, alert_id, populate_existing=True)
                alerts.notify_duty(alert, now, kind=EventKind.RENOTIFIED)


@periodic(60)
def escalate_unacknowledged_alerts():
    """An alert nobody has taken on within ALERT_ESCALATE_MINUTES goes to the head of service, once."""
    now = utcnow()
    raised_before = now - _minutes("ALERT_ESCALATE_MINUTES")
    for alert_id in _open_where(SafeguardingAlert.escalated_at.is_(None),
                                SafeguardingAlert.created_at <= raised_before):
        with transaction():
            if _claim(alert_id, SafeguardingAlert.escalated_at.is_(None), escalated_at=now):
                alert = db.session.get(SafeguardingAlert, alert_id, populate_existing=True)
                alerts.escalate(alert, now)


@periodic(30)
def replay_spooled_unsafe_choices():
    """Raise the alerts for 'I don't feel safe' chosen by phone or on the web while the database was down."""
    offline.replay_unsafe_choices()
