"""Use cases of staff finding and sorting Tell Us, We Care messages: the queue, one message, notes, owner, themes."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from voiceapp.audit import services as audit
from voiceapp.auth import roles
from voiceapp.auth.models import Role, StaffUser
from voiceapp.database import one_or_404, transaction, utcnow
from voiceapp.errors import Invalid
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.promises.models import StrategicPriority
from voiceapp.tellus import clocks, notifications, threads
from voiceapp.tellus.models import Message, MessageNote, Status, message_themes

SORTS = {
    # Most urgent first: the running deadline that ends soonest (overdue ones lead), then the longest waiting.
    "urgency": lambda: (clocks.current_due_sql().is_(None), clocks.current_due_sql(), Message.received_at),
    "oldest": lambda: (Message.received_at,),
    "newest": lambda: (Message.received_at.desc(),),
}


def _visible_to(actor):
    """Senior leaders and the voice team see every message; a priority lead sees their theme or their own."""
    query = sa.select(Message)
    if actor.role in roles.EVERY_MESSAGE:
        return query
    themed = sa.select(message_themes.c.message_id).where(message_themes.c.priority_id == actor.priority_id)
    return query.where(sa.or_(Message.assigned_to_id == actor.id, Message.id.in_(themed)))


def find_message(*, actor, message_id):
    """A message this member of staff may work on; any other answers as not found."""
    return one_or_404(_visible_to(actor).where(Message.id == message_id).options(joinedload(Message.young_person)),
                      _l("No such message"))


def _filtered(query, *, status, kind, cohort, age_band, theme, assigned_to, unassigned, overdue, complaint):
    filters = {Message.status: status, Message.kind: kind, YoungPerson.cohort: cohort,
               YoungPerson.age_band: age_band, Message.assigned_to_id: assigned_to}
    for column, value in filters.items():
        if value is not None:
            query = query.where(column == value)
    if theme is not None:
        query = query.where(Message.id.in_(sa.select(message_themes.c.message_id).join(StrategicPriority)
                                           .where(StrategicPriority.number == theme)))
    if unassigned is not None:
        query = query.where(Message.assigned_to_id.is_(None) if unassigned else Message.assigned_to_id.is_not(None))
    if overdue is not None:
        late = clocks.current_due_sql() < utcnow()
        query = query.where(late if overdue else sa.or_(clocks.current_due_sql().is_(None), sa.not_(late)))
    if complaint is not None:
        query = query.where(Message.complaint_stage.is_not(None) if complaint else Message.complaint_stage.is_(None))
    return query


def list_messages(*, actor, sort="urgency", limit=50, offset=0, status=None, kind=None, cohort=None,
                  age_band=None, theme=None, assigned_to=None, unassigned=None, overdue=None, complaint=None,
                  waiting=None):
    """The triage queue, most urgent first unless asked otherwise; each listing is audited. `waiting` keeps
    only messages not yet closed (or, False, only closed ones)."""
    query = _filtered(_visible_to(actor).join(YoungPerson, YoungPerson.id == Message.young_person_id),
                      status=status, kind=kind, cohort=cohort, age_band=age_band, theme=theme,
                      assigned_to=assigned_to, unassigned=unassigned, overdue=overdue, complaint=complaint)
    if waiting is not None:
        query = query.where(Message.status != Status.CLOSED if waiting else Message.status == Status.CLOSED)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    ids = db.session.scalars(query.with_only_columns(Message.id).order_by(*SORTS[sort]())
                             .limit(limit).offset(offset)).all()
    with transaction():
        audit.record(actor=actor, action="message.list", object_type="message",
                     detail={"message_ids": [str(message_id) for message_id in ids]})
    # Loaded after the audit's commit (which expires what was loaded before), with everything the list shows.
    rows = {row.id: row for row in db.session.scalars(sa.select(Message).where(Message.id.in_(ids))
                                                      .options(selectinload(Message.young_person)))}
    return [rows[message_id] for message_id in ids], total


def get_message(*, actor, message_id):
    """One message as staff see it (with notes and its thread); every view is audited."""
    message = find_message(actor=actor, message_id=message_id)
    with transaction():
        audit.record(actor=actor, action="message.view", object_type="message", object_id=message.id)
    return threads.shown_one(message)


def add_note(*, actor, message_id, body):
    """An internal note: for staff only, never shown to the young person."""
    message = find_message(actor=actor, message_id=message_id)
    with transaction():
        note = MessageNote(message_id=message.id, author_staff_id=actor.id, body=body.strip(), created_at=utcnow())
        db.session.add(note)
        audit.record(actor=actor, action="message.note", object_type="message", object_id=message.id)
    return note


def assignable_staff():
    """The active senior leaders and priority leads a message can be given to, by name."""
    return db.session.scalars(sa.select(StaffUser).where(
        StaffUser.is_active.is_(True), StaffUser.role.in_((Role.SENIOR_LEADER, Role.PRIORITY_LEAD)))
        .order_by(StaffUser.display_name)).all()


def assign_message(*, actor, message_id, staff_id):
    """Give a message to a senior leader, or to a priority lead, who is told by email."""
    message = find_message(actor=actor, message_id=message_id)
    assignee = db.session.get(StaffUser, staff_id)
    if assignee is None or not assignee.is_active or assignee.role not in (Role.SENIOR_LEADER, Role.PRIORITY_LEAD):
        raise Invalid(_l("Messages go to a senior leader or priority lead"), field="staff_id",
                      reason="not an active senior leader or priority lead")
    with transaction():
        message.assigned_to_id = assignee.id
        if assignee.id != actor.id:
            notifications.assigned(message, assignee)
        audit.record(actor=actor, action="message.assign", object_type="message", object_id=message.id,
                     detail={"staff_id": str(assignee.id)})
    return message


def set_themes(*, actor, message_id, theme_numbers):
    """Tag a message with strategic priorities (by number, 1-6); leads of newly added themes are told."""
    message = find_message(actor=actor, message_id=message_id)
    themes = db.session.scalars(sa.select(StrategicPriority).where(
        StrategicPriority.number.in_(theme_numbers))).all()
    if len(themes) != len(set(theme_numbers)):
        raise Invalid(_l("Unknown theme"), field="themes", reason="themes are strategic priority numbers 1-6")
    with transaction():
        before = {lead.id for lead in notifications.theme_leads(message)}
        message.themes = list(themes)
        notifications.theme_added(message, [lead for lead in notifications.theme_leads(message)
                                            if lead.id not in before and lead.id != actor.id])
        audit.record(actor=actor, action="message.themes", object_type="message", object_id=message.id)
    return message
