"""Use cases of staff working on Tell Us, We Care messages: find, read, reply, note, move, tag."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa

from voiceapp.audit import services as audit
from voiceapp.auth.models import Role, StaffUser
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people.models import YoungPerson
from voiceapp.promises.models import Channel, StrategicPriority
from voiceapp.tellus.models import Message, MessageNote, MessageReply, ReplyChannel, Status, message_themes

EVERY_MESSAGE = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)


def _visible_to(actor):
    """Senior leaders and the voice team see every message; a priority lead sees their theme or their own."""
    query = sa.select(Message)
    if actor.role in EVERY_MESSAGE:
        return query
    themed = sa.select(message_themes.c.message_id).where(message_themes.c.priority_id == actor.priority_id)
    return query.where(sa.or_(Message.assigned_to_id == actor.id, Message.id.in_(themed)))


def list_messages(*, actor, status=None, kind=None, cohort=None, age_band=None, theme=None,
                  assigned_to=None, limit=50, offset=0):
    """The triage list, oldest waiting first."""
    query = _visible_to(actor).join(YoungPerson, YoungPerson.id == Message.young_person_id)
    filters = {Message.status: status, Message.kind: kind, YoungPerson.cohort: cohort,
               YoungPerson.age_band: age_band, Message.assigned_to_id: assigned_to}
    for column, value in filters.items():
        if value is not None:
            query = query.where(column == value)
    if theme is not None:
        query = query.where(Message.id.in_(sa.select(message_themes.c.message_id).join(StrategicPriority)
                                           .where(StrategicPriority.number == theme)))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(Message.received_at).limit(limit).offset(offset)).all()
    return rows, total


def get_message(*, actor, message_id):
    """One message as staff see it (with notes); every view is audited."""
    message = db.session.scalar(_visible_to(actor).where(Message.id == message_id))
    if message is None:
        raise NotFound(_l("No such message"))
    with transaction():
        audit.record(actor=actor, action="message.view", object_type="message", object_id=message.id)
    return message


def reply_to_message(*, actor, message_id, body):
    """Answer the young person; it reaches them on the channel they chose."""
    message = get_message(actor=actor, message_id=message_id)
    now = utcnow()
    with transaction():
        reply = MessageReply(message_id=message.id, author_staff_id=actor.id, body=body.strip(),
                             channel=_delivery_channel(message), created_at=now)
        message.replies.append(reply)
        if message.status == Status.RECEIVED:
            message.move_to(Status.ACKNOWLEDGED, actor_staff_id=actor.id, when=now)
        message.move_to(Status.RESPONDED, actor_staff_id=actor.id, when=now)
        if message.reply_channel == ReplyChannel.SMS:
            messaging.send_sms(young_person_id=message.young_person_id, body=reply.body, purpose="reply")
        audit.record(actor=actor, action="message.reply", object_type="message", object_id=message.id)
    return reply


def _delivery_channel(message):
    return Channel.SMS if message.reply_channel == ReplyChannel.SMS else Channel.WEB


def add_note(*, actor, message_id, body):
    """An internal note: for staff only, never shown to the young person."""
    message = get_message(actor=actor, message_id=message_id)
    with transaction():
        note = MessageNote(message_id=message.id, author_staff_id=actor.id, body=body.strip(), created_at=utcnow())
        db.session.add(note)
        audit.record(actor=actor, action="message.note", object_type="message", object_id=message.id)
    return note


def change_status(*, actor, message_id, status):
    """Move a message along its life (acknowledge, respond, close, reopen) by a named member of staff."""
    message = get_message(actor=actor, message_id=message_id)
    with transaction():
        message.move_to(status, actor_staff_id=actor.id, when=utcnow())
        audit.record(actor=actor, action="message.status", object_type="message", object_id=message.id,
                     detail={"status": status.value})
    return message


def assign_message(*, actor, message_id, staff_id):
    """Give a message to a senior leader, or to a priority lead."""
    message = get_message(actor=actor, message_id=message_id)
    assignee = db.session.get(StaffUser, staff_id)
    if assignee is None or not assignee.is_active or assignee.role not in (Role.SENIOR_LEADER, Role.PRIORITY_LEAD):
        raise Invalid(_l("Messages go to a senior leader or priority lead"), field="staff_id",
                      reason="not an active senior leader or priority lead")
    with transaction():
        message.assigned_to_id = assignee.id
        audit.record(actor=actor, action="message.assign", object_type="message", object_id=message.id,
                     detail={"staff_id": str(assignee.id)})
    return message


def set_themes(*, actor, message_id, theme_numbers):
    """Tag a message with strategic priorities (by number, 1-6)."""
    message = get_message(actor=actor, message_id=message_id)
    themes = db.session.scalars(sa.select(StrategicPriority).where(
        StrategicPriority.number.in_(theme_numbers))).all()
    if len(themes) != len(set(theme_numbers)):
        raise Invalid(_l("Unknown theme"), field="themes", reason="themes are strategic priority numbers 1-6")
    with transaction():
        message.themes = list(themes)
        audit.record(actor=actor, action="message.themes", object_type="message", object_id=message.id)
    return message
