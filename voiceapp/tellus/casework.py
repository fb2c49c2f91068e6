"""Use cases of staff moving a message along: acknowledge, close with an outcome, reopen, extend, pass on praise."""
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotAllowed
from voiceapp.extensions import db
from voiceapp.tellus import clocks, complaints, notifications, satisfaction, wording
from voiceapp.tellus.models import EntryKind, Outcome, PraisePass, ReplyChannel, Status
from voiceapp.tellus.triage import find_message


def change_status(*, actor, message_id, status, outcome=None):
    """Move a message along its life by a named member of staff; closing needs an outcome, and going back
    from closed reopens it."""
    if status == Status.CLOSED:
        return close_message(actor=actor, message_id=message_id, outcome=outcome)
    message = find_message(actor=actor, message_id=message_id)
    if message.status == Status.CLOSED and status == Status.ACKNOWLEDGED:
        return reopen_message(actor=actor, message_id=message_id)
    now, first_read = utcnow(), message.status == Status.RECEIVED and status == Status.ACKNOWLEDGED
    with transaction():
        message.move_to(status, actor_staff_id=actor.id, when=now)
        if first_read:
            _tell_acknowledged(message, actor, now)
        audit.record(actor=actor, action="message.status", object_type="message", object_id=message.id,
                     detail={"status": status.value})
    return message


def _tell_acknowledged(message, actor, now):
    """A young person waiting by text hears that a person has read it, and by when they will be answered."""
    if message.reply_channel != ReplyChannel.SMS:
        return  # the web inbox shows the new status and next step
    with wording.in_language(notifications.language_of(message)):
        body = wording.say(wording.ACKNOWLEDGED, ref=wording.ref(message), date=wording.day(message.response_due_at))
    notifications.tell_young_person(message, author_staff_id=actor.id, body=body, kind=EntryKind.UPDATE, now=now)


def close_message(*, actor, message_id, outcome):
    """Close with an outcome, by a member of staff only (PRIV-11); the young person is asked if they are happy."""
    message = find_message(actor=actor, message_id=message_id)
    with transaction():
        close(message, actor=actor, outcome=outcome, now=utcnow())
    return message


def close(message, *, actor, outcome, now):
    """Closing inside a use case's transaction: the rules, the stamp, the complaint letter and the question."""
    if not actor.is_staff:
        raise NotAllowed(_l("Only staff can close a message"), field="status", reason="closing needs a staff member")
    if outcome is None:
        raise Invalid(_l("Say what the outcome was"), field="outcome", reason="closing needs an outcome")
    if message.status == Status.CLOSED:
        raise Conflict(_l("This message is already closed"), field="status", reason="already closed")
    complaints.check_can_close(message)
    message.move_to(Status.CLOSED, actor_staff_id=actor.id, when=now)
    message.outcome = Outcome(outcome)
    message.reply_lock_staff_id = message.reply_lock_expires_at = None
    complaints.finish_stage(message, actor=actor, now=now)
    satisfaction.ask(message, actor=actor, now=now)
    audit.record(actor=actor, action="message.close", object_type="message", object_id=message.id,
                 detail={"outcome": message.outcome.value})


def reopen_message(*, actor, message_id):
    """Open a closed message again; it is owed a fresh answer."""
    message = find_message(actor=actor, message_id=message_id)
    with transaction():
        clocks.reopen(message, actor_staff_id=actor.id, now=utcnow())
        audit.record(actor=actor, action="message.reopen", object_type="message", object_id=message.id)
    return message


def extend_deadline(*, actor, message_id, reason):
    """Extend the running response time limit once, with the reason recorded (CMP-02)."""
    message = find_message(actor=actor, message_id=message_id)
    with transaction():
        clocks.extend_response(message, reason=reason, now=utcnow())
        audit.record(actor=actor, action="message.extend", object_type="message", object_id=message.id,
                     detail={"response_due_at": message.response_due_at.isoformat()})
    return message


def pass_on_praise(*, actor, message_id, manager_email, person_name=None, note=None):
    """Email the praised person's manager, tell the young person, and close with praise passed on."""
    message = find_message(actor=actor, message_id=message_id)
    person_name = (person_name or message.praise_for or "").strip()
    if not person_name:
        raise Invalid(_l("Say who the praise is for"), field="person_name", reason="required when the message "
                      "does not name anyone")
    now = utcnow()
    with transaction():
        db.session.add(PraisePass(message_id=message.id, person_name=person_name, manager_email=manager_email,
                                  passed_by_id=actor.id, passed_at=now))
        notifications.praise(manager_email=manager_email, person_name=person_name, note=note)
        with wording.in_language(notifications.language_of(message)):
            body = wording.say(wording.PRAISE_PASSED_ON, name=person_name)
        notifications.tell_young_person(message, author_staff_id=actor.id, body=body, kind=EntryKind.UPDATE, now=now)
        audit.record(actor=actor, action="message.praise", object_type="message", object_id=message.id)
        if message.status != Status.CLOSED:
            close(message, actor=actor, outcome=Outcome.PRAISE_PASSED_ON, now=now)
    return message
