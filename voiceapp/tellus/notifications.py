"""Telling people about a message: staff by email (never the young person's words), the young person on
the channel they chose. Everything here is queued in the caller's transaction and sent after its commit."""
import sqlalchemy as sa
from flask import current_app

from voiceapp.auth.models import Role, StaffUser
from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people.models import YoungPerson
from voiceapp.tellus import deadlines, wording
from voiceapp.tellus.models import MessageReply, ReplyChannel

KIND_WORDS = {"promise_not_kept": "a promise not kept", "unhappy": "unhappy with support", "praise": "praise"}


def language_of(message):
    person = db.session.get(YoungPerson, message.young_person_id)
    return person.language if person else None


def tell_young_person(message, *, author_staff_id, body, kind, now, purpose="tellus_update"):
    """Add to the young person's thread, and text it too when they chose replies by SMS."""
    delivered_by = Channel.SMS if message.reply_channel == ReplyChannel.SMS else Channel.WEB
    entry = MessageReply(message_id=message.id, author_staff_id=author_staff_id, body=body, kind=kind,
                         channel=delivered_by, created_at=now)
    message.replies.append(entry)
    if delivered_by == Channel.SMS:
        messaging.send_sms(young_person_id=message.young_person_id, body=body, purpose=purpose)
    return entry


def _active(query):
    return db.session.scalars(query.where(StaffUser.is_active.is_(True)).order_by(StaffUser.email)).all()


def senior_leaders():
    return _active(sa.select(StaffUser).where(StaffUser.role == Role.SENIOR_LEADER))


def theme_leads(message):
    themes = [theme.id for theme in message.themes]
    if not themes:
        return []
    return _active(sa.select(StaffUser).where(StaffUser.role == Role.PRIORITY_LEAD,
                                              StaffUser.priority_id.in_(themes)))


def owners(message):
    """Whoever the message is given to, or every senior leader while nobody has it."""
    assignee = db.session.get(StaffUser, message.assigned_to_id) if message.assigned_to_id else None
    return [assignee] if assignee is not None and assignee.is_active else senior_leaders()


def _link(message):
    config = current_app.config
    return config["STAFF_MESSAGE_URL"].format(public_url=config["PUBLIC_URL"].rstrip("/"), message_id=message.id)


def _emails(people):
    return [person.email for person in people]


def _email(addresses, *, subject, lines, purpose, urgent=False):
    body = "\n\n".join(lines)
    for address in dict.fromkeys(address for address in addresses if address):
        messaging.send_email(to=address, subject=subject[:200], body=body, purpose=purpose, urgent=urgent)


def _about(message):
    return f"Tell Us, We Care message {wording.ref(message)} ({KIND_WORDS[message.kind.value]})"


def new_message(message):
    """Senior leaders and the leads of the message's themes hear of a new message at once."""
    _email(_emails(senior_leaders() + theme_leads(message)), subject=f"New: {_about(message)}", purpose="tellus_new",
           lines=[f"A young person has sent a {KIND_WORDS[message.kind.value]} message.",
                  f"Acknowledge it by {_when(message.ack_due_at)} and answer by {_when(message.response_due_at)}.",
                  f"Open it: {_link(message)}"])


def theme_added(message, leads):
    _email(_emails(leads), subject=f"Your theme: {_about(message)}", purpose="tellus_theme",
           lines=["A message has been tagged with the strategic priority you lead.", f"Open it: {_link(message)}"])


def assigned(message, assignee):
    _email([assignee.email], subject=f"Given to you: {_about(message)}", purpose="tellus_assigned",
           lines=[f"This message is now yours to answer by {_when(message.response_due_at)}.",
                  f"Open it: {_link(message)}"])


def answered_back(message):
    _email(_emails(owners(message)), subject=f"They wrote back: {_about(message)}", purpose="tellus_answer_back",
           lines=["The young person has written back about their message.", f"Open it: {_link(message)}"])


def unhappy_with_answer(message):
    _email(_emails(owners(message)), subject=f"Not happy with our answer: {_about(message)}", purpose="tellus_unhappy",
           lines=["The young person said they are not happy with our answer, so the message is open again.",
                  f"Please answer again by {_when(message.response_due_at)}.", f"Open it: {_link(message)}"])


def reminder(message, deadline, due_at):
    _email(_emails(owners(message)), subject=f"Due soon: {_about(message)}", purpose="tellus_reminder",
           lines=[f"The time limit to {_deadline_words(deadline)} ends {_when(due_at)}.", f"Open it: {_link(message)}"])


def escalation(message, deadline, due_at):
    """A missed deadline goes to the head of service (by email, and by SMS if a phone is set) and the owners."""
    head = current_app.config.get("HEAD_OF_SERVICE") or {}
    lines = [f"The time limit to {_deadline_words(deadline)} ended {_when(due_at)} and was missed.",
             f"Open it: {_link(message)}"]
    recipients = _emails(owners(message)) + [head.get("email")]
    _email(recipients, subject=f"Missed deadline: {_about(message)}", purpose="tellus_escalation", lines=lines)
    if head.get("phone"):
        messaging.send_sms(to=head["phone"], purpose="staff_escalation",
                           body=f"voiceapp: missed deadline on Tell Us message {wording.ref(message)}. See email.")


def praise(*, manager_email, person_name, note):
    _email([manager_email], subject=f"Praise for {person_name} from a young person",
           purpose="tellus_praise",
           lines=[f"A young person we look after has praised {person_name} through Tell Us, We Care.",
                  *([note] if note else []),
                  "Please pass this on to them with our thanks."])


def _deadline_words(deadline):
    if deadline == "acknowledge":
        return "acknowledge it"
    return "answer it" if deadline == "respond" else f"meet the complaint clock {deadline}"


def _when(moment):
    return moment.astimezone(deadlines.LONDON).strftime("%A %d %B %Y, %H:%M")
