"""You said, we did: actions recorded against a theme, message or promise, and telling young people."""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, gettext, lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.auth.models import Role
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotAllowed
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people.models import YoungPerson
from voiceapp.promises import services as promises
from voiceapp.promises.models import Promise
from voiceapp.reports.models import Action, ActionStatus, ThemeMention
from voiceapp.reports.periods import LONDON
from voiceapp.tellus.models import Message, message_themes


def list_actions(*, theme=None, status=None):
    query = sa.select(Action).order_by(Action.created_at.desc())
    if theme is not None:
        query = query.where(Action.priority_id == promises.priority_by_number(theme).id)
    if status is not None:
        query = query.where(Action.status == status)
    return db.session.scalars(query).all()


def get_action(action_id):
    return get_or_404(Action, action_id, _l("No such action"))


def _theme_for(priority, message_id, promise_id):
    """The theme named, else the promise's, else the message's first theme."""
    if priority is not None:
        return promises.priority_by_number(priority).id
    if promise_id is not None:
        promise = db.session.get(Promise, promise_id)
        if promise is None:
            raise Invalid(_l("No such promise"), field="promise_id", reason="not a promise")
        return promise.priority_id
    if message_id is not None:
        theme = db.session.scalar(sa.select(message_themes.c.priority_id)
                                  .where(message_themes.c.message_id == message_id).limit(1))
        if theme is not None:
            return theme
    raise Invalid(_l("Say which theme this action is about"), field="priority", reason="required")


def _check_may_act(actor, priority_id):
    # A priority lead records actions for the theme they lead; the voice team for any theme.
    if actor.role == Role.PRIORITY_LEAD and actor.priority_id != priority_id:
        raise NotAllowed(_l("You can only record actions for the theme you lead"), field="priority",
                         reason="not your theme")


def _check_message(message_id):
    if message_id is not None and db.session.get(Message, message_id) is None:
        raise Invalid(_l("No such message"), field="message_id", reason="not a message")


def _check_promise(promise_id):
    # Whatever names the theme, a promise given must exist (the theme may come from `priority` instead).
    if promise_id is not None and db.session.get(Promise, promise_id) is None:
        raise Invalid(_l("No such promise"), field="promise_id", reason="not a promise")


def _written(translations):
    """The languages staff wrote the action in, trimmed; a blank box is no translation (English is used)."""
    return {code: words.strip() for code, words in (translations or {}).items() if words and words.strip()}


def record_action(*, actor, what, who, priority=None, message_id=None, promise_id=None, due_on=None,
                  status=ActionStatus.PLANNED, done_on=None, what_translations=None):
    """Record what was done (or will be) about a theme, and who does it; priority leads for their theme."""
    _check_message(message_id)
    _check_promise(promise_id)
    priority_id = _theme_for(priority, message_id, promise_id)
    _check_may_act(actor, priority_id)
    now = utcnow()
    with transaction():
        action = Action(what=what.strip(), what_translations=_written(what_translations), who=who.strip(),
                        priority_id=priority_id, message_id=message_id,
                        promise_id=promise_id, due_on=due_on, status=status, created_by_id=actor.id,
                        done_on=done_on or (_today(now) if status == ActionStatus.DONE else None),
                        created_at=now, updated_at=now)
        db.session.add(action)
        db.session.flush()
        audit.record(actor=actor, action="action.create", object_type="action", object_id=action.id)
    return action


def _today(now):
    return now.astimezone(LONDON).date()


def change_action(*, actor, action_id, changes):
    """Update what, who, dates or status; marking it done stamps today unless a day is given."""
    action = get_action(action_id)
    _check_may_act(actor, action.priority_id)
    _check_promise(changes.get("promise_id"))
    _check_message(changes.get("message_id"))
    if "what_translations" in changes:
        changes["what_translations"] = _written(changes["what_translations"])
    if "priority" in changes:
        changes["priority_id"] = promises.priority_by_number(changes.pop("priority")).id
        _check_may_act(actor, changes["priority_id"])
    with transaction():
        for field, value in changes.items():
            setattr(action, field, value.strip() if isinstance(value, str) else value)
        if action.status == ActionStatus.DONE and action.done_on is None:
            action.done_on = _today(utcnow())
        action.updated_at = utcnow()
        audit.record(actor=actor, action="action.update", object_type="action", object_id=action.id,
                     detail={"fields": sorted(changes)})
    return action


def _recipients(action, since):
    """Everyone who raised the theme lately, in a message, a promise comment or a survey answer, or wrote the
    linked message: each once (send_sms leaves out anyone who opted out)."""
    tagged = (sa.select(Message.young_person_id)
              .join(message_themes, message_themes.c.message_id == Message.id)
              .where(message_themes.c.priority_id == action.priority_id, Message.received_at >= since))
    linked = sa.select(Message.young_person_id).where(Message.id == action.message_id)
    # A promise comment or survey answer that raised the theme (the theme index) counts as much as a message.
    indexed = sa.select(ThemeMention.young_person_id).where(ThemeMention.priority_id == action.priority_id,
                                                            ThemeMention.said_at >= since)
    query = (sa.select(YoungPerson)
             .where(YoungPerson.erased_at.is_(None),
                    sa.or_(YoungPerson.id.in_(tagged), YoungPerson.id.in_(indexed), YoungPerson.id.in_(linked)))
             .order_by(YoungPerson.id))
    return db.session.scalars(query).all()


def _text_for(person, action):
    with force_locale(person.language):
        theme = (action.priority.translations or {}).get(person.language) or action.priority.short_title
        return gettext("You told us about %(theme)s. You said, we did: %(what)s",
                       theme=theme, what=action.what_in(person.language))


def tell_young_people(*, actor, action_id):
    """Text a done action to the young people who raised its theme; send_sms leaves out anyone opted out."""
    action = get_action(action_id)
    _check_may_act(actor, action.priority_id)
    if action.status != ActionStatus.DONE:
        raise Conflict(_l("Only a done action can be sent"), field="status", reason="must be done first")
    if action.told_young_people_at is not None:
        raise Conflict(_l("Young people have already been told about this action"), field="action",
                       reason="already sent")
    since = utcnow() - timedelta(days=current_app.config["REPORT_TELL_BACK_DAYS"])
    with transaction():
        people = _recipients(action, since)
        for person in people:
            messaging.send_sms(body=_text_for(person, action), purpose="you_said_we_did",
                               young_person_id=person.id)
        action.told_young_people_at, action.told_count = utcnow(), len(people)
        audit.record(actor=actor, action="action.tell", object_type="action", object_id=action.id,
                     detail={"recipients": len(people)})
    return action


def actions_in(period):
    """Actions live during the period (open at some point in it, or done in it) as plain rows for the report."""
    query = (sa.select(Action).join(Action.priority)
             .where(Action.created_at < period.ends_before,
                    sa.or_(Action.done_on.is_(None), Action.done_on >= period.first))
             .order_by(Action.status, Action.created_at, Action.id))
    return [{"what": a.what, "what_translations": dict(a.what_translations or {}), "who": a.who, "status": a.status.value, "theme": a.priority.number,
             "theme_title": a.priority.short_title, "due_on": _iso(a.due_on), "done_on": _iso(a.done_on),
             "about_a_promise": a.promise_id is not None, "about_a_message": a.message_id is not None,
             "told_on": _iso(a.told_young_people_at and _today(a.told_young_people_at)),
             "told_count": a.told_count}
            for a in db.session.scalars(query).unique()]


def _iso(day):
    return day.isoformat() if day else None
