"""Use cases of safeguarding alerts: raise one with its urgent notices, report feeling unsafe, and staff
taking an alert on, recording the action and closing it."""
import logging
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.channel_enum import Channel
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people import services as people
from voiceapp.safeguarding import replies
from voiceapp.safeguarding.models import AlertEvent, AlertStatus, EventKind, SafeguardingAlert, Trigger

log = logging.getLogger(__name__)
PURPOSE = "safeguarding"
# The same words stored twice within this time (an SMS, then the Tell Us message made from it) are one alert.
SAME_WORDS_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Source:
    """Where an alert's words live: the model holding them, its text column, and any recording's file column."""
    model: type
    text_column: str
    audio_column: str | None = None


SOURCES = "voiceapp_alert_sources"


def register_source(app, source_type, source):
    """Tell safeguarding how to read the words of a kind of source, so staff can read what raised an alert."""
    app.extensions.setdefault(SOURCES, {})[source_type] = source


def raise_alert(*, young_person_id, source_type, source_id, channel, trigger, categories, language):
    """Add an alert and queue urgent notices to the duty contacts in the caller's transaction; one per source."""
    existing = alert_for_source(source_type, source_id)
    if existing is not None:
        return existing
    now = utcnow()
    alert = SafeguardingAlert(young_person_id=young_person_id, source_type=source_type, source_id=source_id,
                              channel=Channel(channel), trigger=Trigger(trigger), categories=sorted(categories),
                              language=language or "en", created_at=now, notify_count=0)
    db.session.add(alert)
    db.session.flush()
    notify_duty(alert, now, kind=EventKind.RAISED)
    log.warning("safeguarding alert %s raised (%s via %s)", alert.id, trigger, alert.channel.value)
    return alert


def alert_for_source(source_type, source_id):
    """The alert these stored words already raised or were noted on, if any."""
    if source_id is None:
        return None
    return db.session.scalar(sa.select(SafeguardingAlert).where(_from_sources(source_type, [source_id])).limit(1))


def holds_source(source_type, source_id):
    """A column expression, true where an alert was raised by, or notes, the record whose id is `source_id`
    (a column or a value): lets a caller learn it in the query that fetches the records themselves."""
    return sa.or_(sa.exists().where(SafeguardingAlert.source_type == source_type,
                                    SafeguardingAlert.source_id == source_id),
                  sa.exists().where(AlertEvent.source_type == source_type, AlertEvent.source_id == source_id))


def _from_sources(source_type, source_ids):
    """Alerts raised by, or noting, any of these records (both columns are indexed, so this stays cheap)."""
    noted = sa.select(AlertEvent.alert_id).where(AlertEvent.source_type == source_type,
                                                 AlertEvent.source_id.in_(source_ids))
    return sa.or_(sa.and_(SafeguardingAlert.source_type == source_type, SafeguardingAlert.source_id.in_(source_ids)),
                  SafeguardingAlert.id.in_(noted))


def report_unsafe(*, young_person_id, channel, source_type="unsafe_button", source_id=None, language=None):
    """'I don't feel safe' as a use case of its own: one transaction around raise_unsafe."""
    with transaction():
        return raise_unsafe(young_person_id=young_person_id, channel=channel, source_type=source_type,
                            source_id=source_id, language=language)


def raise_unsafe(*, young_person_id, channel, source_type="unsafe_button", source_id=None, language=None):
    """'I don't feel safe' in the caller's transaction: an alert with no words needed; choosing it again
    while the last one is still waiting to be taken on adds no second alert."""
    person = people.get_young_person(young_person_id) if young_person_id else None
    alert = _open_unsafe_alert(person) if source_id is None else None
    return alert or raise_alert(
        young_person_id=person.id if person else None, source_type=source_type, source_id=source_id,
        channel=channel, trigger=Trigger.UNSAFE_CHOICE, categories=(),
        language=person.language if person else language)


def _open_unsafe_alert(person):
    if person is None:
        return None
    return db.session.scalar(sa.select(SafeguardingAlert).where(
        SafeguardingAlert.young_person_id == person.id, SafeguardingAlert.trigger == Trigger.UNSAFE_CHOICE,
        SafeguardingAlert.source_id.is_(None), SafeguardingAlert.status == AlertStatus.OPEN))


def support_for(source_type, source_ids):
    """The crisis reply to show beside a young person's own record when any of its words raised an alert."""
    return next(iter(supports_for({source_type: source_ids}).values()), None)


def supports_for(sources):
    """{(source_type, source_id): crisis reply} for each source (raising an alert, or noted on one), in one query.

    sources: {source_type: [source ids]}."""
    parts = []
    for source_type, ids in sources.items():
        ids = [source_id for source_id in ids if source_id is not None]
        if not ids:
            continue
        parts.append(sa.select(SafeguardingAlert.source_type, SafeguardingAlert.source_id, SafeguardingAlert.language)
                     .where(SafeguardingAlert.source_type == source_type, SafeguardingAlert.source_id.in_(ids)))
        parts.append(sa.select(AlertEvent.source_type, AlertEvent.source_id, SafeguardingAlert.language)
                     .join(SafeguardingAlert, SafeguardingAlert.id == AlertEvent.alert_id)
                     .where(AlertEvent.source_type == source_type, AlertEvent.source_id.in_(ids)))
    if not parts:
        return {}
    supports = {}
    for source_type, source_id, language in db.session.execute(sa.union_all(*parts)):
        supports.setdefault((source_type, source_id), {"alert": True, "message": replies.crisis_reply(language)})
    return supports


def notify_duty(alert, now, *, kind):
    """Queue an urgent email and SMS to every duty contact (the head of service if none is configured)."""
    contacts = current_app.config.get("DUTY_CONTACTS") or []
    if not contacts:
        log.critical("no DUTY_CONTACTS configured: safeguarding alert %s goes to the head of service", alert.id)
        contacts = [current_app.config.get("HEAD_OF_SERVICE") or {}]
    _send(alert, contacts, kind, now)
    alert.notify_count += 1
    alert.last_notified_at = now


def escalate(alert, now):
    """Tell the head of service an alert has not been taken on in time (once)."""
    _send(alert, [current_app.config.get("HEAD_OF_SERVICE") or {}], EventKind.ESCALATED, now)
    alert.escalated_at = now


def _send(alert, contacts, kind, now):
    subject, body = replies.notice_email(alert, kind.value)
    text = replies.notice_sms(alert, kind.value)
    named = []
    for contact in contacts:
        # Bypassing quiet hours and opt-outs is the point: these go to staff at any hour (SAFE-03, REL-04).
        if contact.get("email"):
            messaging.send_email(to=contact["email"], subject=subject, body=body, purpose=PURPOSE, urgent=True)
        if contact.get("phone"):
            messaging.send_sms(to=contact["phone"], body=text, purpose=PURPOSE, urgent=True)
        if contact.get("email") or contact.get("phone"):
            named.append(contact.get("name") or contact.get("email") or "duty contact")
    if not named:
        log.critical("safeguarding alert %s: nobody to notify; check DUTY_CONTACTS and HEAD_OF_SERVICE", alert.id)
    alert.events.append(AlertEvent(kind=kind, recipients=named, created_at=now))


def alert_for_same_words(*, young_person_id, text, source_type, source_id):
    """An open alert raised moments ago by these same words stored elsewhere; the new copy is noted on it."""
    if young_person_id is None:
        return None
    recent = db.session.scalars(sa.select(SafeguardingAlert).where(
        SafeguardingAlert.young_person_id == young_person_id, SafeguardingAlert.trigger == Trigger.SCREENING,
        SafeguardingAlert.status == AlertStatus.OPEN,
        SafeguardingAlert.created_at >= utcnow() - SAME_WORDS_WINDOW)).all()
    same = next((a for a in recent if (source_text(a) or "").strip() == text.strip()), None)
    if same is not None:
        same.events.append(AlertEvent(kind=EventKind.ALSO_STORED, source_type=source_type, source_id=source_id,
                                      created_at=utcnow()))
    return same


def open_alert_among(ids):
    """Young people with an alert not yet closed: no survey invitations or other bulk texts to them meanwhile."""
    return set(db.session.scalars(sa.select(SafeguardingAlert.young_person_id).distinct().where(
        SafeguardingAlert.young_person_id.in_(list(ids)), SafeguardingAlert.status != AlertStatus.CLOSED)))


def hold_reasons(young_person_id, object_type=None, object_id=None):
    """While any alert about a young person is not closed, none of their records may be deleted (PRIV-07)."""
    # All of them, not just the alert's own source: the same words may be stored twice (an SMS and the
    # message made from it), and the duty team may need the rest to understand what was said.
    if not open_alert_among([young_person_id]):
        return []
    return [_("Someone on our safety team is still looking at what you told us. We will keep it until they "
              "have finished, then you can delete it.")]


def source_row(source_type, source_id):
    """The record holding a source's words, and how to read it; (None, None) once deleted or unknown."""
    source = current_app.extensions.get(SOURCES, {}).get(source_type)
    row = db.session.get(source.model, source_id) if source and source_id else None
    return (row, source) if row is not None else (None, None)


def source_text(alert):
    """The young person's words, read through the alert's pointer (never copied); None once deleted.

    When earlier texts were read together with this one (a disclosure split across several texts), their
    words come first, in the order they were sent."""
    parts = [event for event in alert.events if event.kind == EventKind.EARLIER_PART]
    texts = [_text_of(event.source_type, event.source_id) for event in parts]
    own = _text_of(alert.source_type, alert.source_id)
    if not parts:
        return own
    return "\n".join(text for text in [*texts, own] if text)


def _text_of(source_type, source_id):
    row, source = source_row(source_type, source_id)
    return None if row is None else getattr(row, source.text_column)


def list_alerts(*, actor, status=None, limit=50, offset=0):
    """The alert list, newest first; every staff look at it is audited."""
    query = sa.select(SafeguardingAlert).order_by(SafeguardingAlert.created_at.desc())
    if status is not None:
        query = query.where(SafeguardingAlert.status == status)
    rows = db.session.scalars(query.limit(limit).offset(offset)).all()
    with transaction():
        audit.record(actor=actor, action="safeguarding_alert.list", object_type="safeguarding_alert",
                     detail={"status": getattr(status, "value", None), "count": len(rows)})
    return rows


def _get(alert_id):
    return get_or_404(SafeguardingAlert, alert_id, _l("No such alert"))


def view_alert(*, actor, alert_id):
    """One alert with the words that raised it and its history; every view is audited (PRIV-02)."""
    with transaction():
        alert = _get(alert_id)
        audit.record(actor=actor, action="safeguarding_alert.view", object_type="safeguarding_alert",
                     object_id=alert.id)
    return alert


def acknowledge_alert(*, actor, alert_id):
    """A named member of staff takes the alert on, which stops the re-notices and escalation."""
    with transaction():
        alert = _get(alert_id)
        alert.acknowledge(staff_id=actor.id, when=utcnow())
        audit.record(actor=actor, action="safeguarding_alert.acknowledge", object_type="safeguarding_alert",
                     object_id=alert.id)
    return alert


def record_action(*, actor, alert_id, action_taken):
    """Write down what was done (each version is kept in the alert's history)."""
    with transaction():
        alert = _get(alert_id)
        alert.record_action(staff_id=actor.id, action_taken=action_taken.strip(), when=utcnow())
        audit.record(actor=actor, action="safeguarding_alert.action", object_type="safeguarding_alert",
                     object_id=alert.id)
    return alert


def close_alert(*, actor, alert_id):
    """A person closes the alert once it was taken on and the action recorded; nothing automatic does."""
    with transaction():
        alert = _get(alert_id)
        alert.close(staff_id=actor.id, when=utcnow())
        audit.record(actor=actor, action="safeguarding_alert.close", object_type="safeguarding_alert",
                     object_id=alert.id)
    return alert
