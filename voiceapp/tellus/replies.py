"""Use cases of staff answering a young person: the reply lock (one writer at a time) and the reply itself."""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.auth.models import StaffUser
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.tellus import notifications
from voiceapp.tellus.models import EntryKind, Message, ReplyTemplate, Status
from voiceapp.tellus.triage import find_message


def lock_holder(message, now=None):
    """The member of staff replying now, or None when nobody holds an unexpired lock."""
    now = now or utcnow()
    if message.reply_lock_staff_id is None or message.reply_lock_expires_at <= now:
        return None
    return db.session.get(StaffUser, message.reply_lock_staff_id)


def _refuse_if_held_by_another(message, actor, now):
    holder = lock_holder(message, now)
    if holder is not None and holder.id != actor.id:
        raise Conflict(_l("%(name)s is replying to this message", name=holder.display_name), field="lock",
                       reason=f"{holder.display_name} is replying until {message.reply_lock_expires_at.isoformat()}")


def take_reply_lock(*, actor, message_id):
    """Show others you are replying, for a short lease; renewing your own lease is allowed."""
    message = find_message(actor=actor, message_id=message_id)
    now = utcnow()
    expires = now + timedelta(minutes=current_app.config["REPLY_LOCK_MINUTES"])
    with transaction():
        # One conditional UPDATE, so two people pressing "reply" together cannot both win.
        taken = db.session.execute(sa.update(Message).where(
            Message.id == message.id,
            sa.or_(Message.reply_lock_staff_id.is_(None), Message.reply_lock_staff_id == actor.id,
                   Message.reply_lock_expires_at <= now))
            .values(reply_lock_staff_id=actor.id, reply_lock_expires_at=expires)).rowcount
        if taken:
            audit.record(actor=actor, action="message.lock", object_type="message", object_id=message.id)
    db.session.refresh(message)
    if not taken:
        _refuse_if_held_by_another(message, actor, now)
    return {"staff_id": actor.id, "name": lock_holder(message, now).display_name,
            "expires_at": message.reply_lock_expires_at}


def release_reply_lock(*, actor, message_id):
    """Let others reply again; only the holder can release an unexpired lock."""
    message = find_message(actor=actor, message_id=message_id)
    _refuse_if_held_by_another(message, actor, utcnow())
    with transaction():
        message.reply_lock_staff_id = message.reply_lock_expires_at = None
        audit.record(actor=actor, action="message.unlock", object_type="message", object_id=message.id)
    return message


def reply_to_message(*, actor, message_id, body, template_id=None):
    """Answer the young person on the channel they chose; refused while someone else holds the lock."""
    message = find_message(actor=actor, message_id=message_id)
    now = utcnow()
    _refuse_if_held_by_another(message, actor, now)
    _check_template(template_id)
    with transaction():
        reply = notifications.tell_young_person(message, author_staff_id=actor.id, body=body.strip(),
                                                kind=EntryKind.REPLY, now=now, purpose="reply")
        if message.status == Status.RECEIVED:
            message.move_to(Status.ACKNOWLEDGED, actor_staff_id=actor.id, when=now)
        if message.status != Status.CLOSED:
            message.move_to(Status.RESPONDED, actor_staff_id=actor.id, when=now)
        message.reply_lock_staff_id = message.reply_lock_expires_at = None
        audit.record(actor=actor, action="message.reply", object_type="message", object_id=message.id,
                     detail={"template_id": str(template_id)} if template_id else None)
        if reply.delivered_to == "call":
            audit.record(actor=actor, action="message.call_back", object_type="message", object_id=message.id,
                         detail={"reply_id": str(reply.id)})
    return reply


def _check_template(template_id):
    if template_id is not None and db.session.get(ReplyTemplate, template_id) is None:
        raise Invalid(_l("No such approved reply"), field="template_id", reason="no such template")
