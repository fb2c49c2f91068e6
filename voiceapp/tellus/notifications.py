"""Telling people about a message: staff by email (never the young person's words), the young person on
the channel they chose. Everything here is queued in the caller's transaction and sent after its commit."""
import sqlalchemy as sa
from flask import current_app

from voiceapp import crypto
from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM
from voiceapp.auth.models import Role, StaffUser
from voiceapp.channel_enum import Channel
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people.models import YoungPerson
from voiceapp.tellus import deadlines, wording
from voiceapp.tellus.models import EntryKind, MessageNote, MessageReply, ReplyChannel

KIND_WORDS = {"promise_not_kept": "a promise not kept", "unhappy": "unhappy with support", "praise": "praise"}


def language_of(message):
    person = db.session.get(YoungPerson, message.young_person_id)
    return person.language if person else None


# Answers and letters are what a worker passes on; updates and questions stay on the thread.
PASSED_ON = (EntryKind.REPLY, EntryKind.LETTER)


def tell_young_person(message, *, author_staff_id, body, kind, now, purpose="tellus_update"):
    """Add to the young person's thread, and send it the way they chose: by text, or through their worker
    (or the team inbox) with a day to pass it on by, and a text telling them it went."""
    entry = MessageReply(message_id=message.id, author_staff_id=author_staff_id, body=body, kind=kind,
                         channel=Channel.WEB, created_at=now, delivered_to="web")
    message.replies.append(entry)
    if message.reply_channel == ReplyChannel.SMS:
        entry.channel, entry.delivered_to = Channel.SMS, "sms"
        messaging.send_sms(young_person_id=message.young_person_id, body=body, purpose=purpose)
    elif message.reply_channel == ReplyChannel.WORKER and kind in PASSED_ON:
        _through_worker(message, entry, now)
    elif message.reply_channel == ReplyChannel.CALL and kind in PASSED_ON:
        _call_back(message, entry)
    return entry


def _call_back(message, entry):
    """We ring them (in allowed hours) and read the answer; call_outcome records how it went."""
    db.session.flush()          # the entry's id, for the outcome to come back to
    call = messaging.place_call(young_person_id=message.young_person_id, body=entry.body,
                                language=language_of(message), purpose="tellus_call_back",
                                source_type="message_reply", source_id=entry.id)
    if call is not None:
        entry.delivered_to = "call"


# What the thread says of a call back, for staff: delivered_to and the note beside the answer.
CALL_OUTCOMES = {
    "answered": ("call_answered", "The call back was answered and our answer was read to them."),
    "not_answered": ("call_missed", "Nobody answered the call back, twice: the answer is on their web thread only."),
    "suppressed": ("call_stopped", "The call back was not made: they had asked for no more contact by phone "
                                   "(STOP). The answer is on their web thread only."),
}


def call_outcome(reply_id, outcome):
    """How a call back ended, recorded on the thread (messaging calls this in its transaction)."""
    entry = db.session.get(MessageReply, reply_id)
    if entry is None:
        return
    entry.delivered_to, words = CALL_OUTCOMES[outcome]
    db.session.add(MessageNote(message_id=entry.message_id, author_staff_id=entry.author_staff_id, body=words,
                               created_at=utcnow()))
    audit.record(actor=SYSTEM, action="message.call_back_" + outcome, object_type="message",
                 object_id=entry.message_id)


def worker_route(person):
    """(address, "worker" or "team_inbox"), or (None, None) when neither is on record."""
    if person is not None and person.worker_email:
        return person.worker_email, "worker"
    inbox = current_app.config.get("WORKER_TEAM_INBOX")
    return (inbox, "team_inbox") if inbox else (None, None)


def _through_worker(message, entry, now):
    person = db.session.get(YoungPerson, message.young_person_id)
    address, route = worker_route(person)
    if address is None:
        return      # the thread only: the staff page says so, rather than "sent by worker"
    entry.delivered_to = route
    entry.pass_on_by = deadlines.deadline_at(now, current_app.config["WORKER_PASS_ON_WORKING_DAYS"])
    greeting = f"Dear {person.worker_name}," if route == "worker" and person.worker_name else "Hello,"
    _email([address], subject=f"Please pass on our answer: {_about(message)}", purpose="tellus_through_worker",
           lines=[greeting, "A young person you work with asked for our answer to their Tell Us, We Care message "
                  f"to come through you (young person {person.id}, message ref {wording.ref(message)}).",
                  f"Please pass this on to them by {_when(entry.pass_on_by)}:", entry.body,
                  f"If you cannot, please tell us on {current_app.config['SERVICE_CONTACT']}."])
    with wording.in_language(person.language):
        said = wording.SENT_TO_WORKER if route == "worker" else wording.SENT_TO_TEAM
        text = wording.say(said, ref=wording.ref(message), date=wording.day(entry.pass_on_by))
    messaging.send_sms(young_person_id=person.id, body=text, purpose="tellus_update")


def reply_route(message):
    """Where a reply to this message will go, in plain words for staff: never "by worker" when it cannot."""
    if not message.wants_reply:
        return "They did not ask for a reply: it goes on their web thread only"
    person = db.session.get(YoungPerson, message.young_person_id)
    if message.reply_channel == ReplyChannel.SMS:
        if person is None or person.phone is None or person.sms_opted_out_at:
            return "By text, but they cannot be texted now: it goes on their web thread only"
        return "By text to their phone, and on their web thread"
    if message.reply_channel == ReplyChannel.WORKER:
        address, route = worker_route(person)
        days = current_app.config["WORKER_PASS_ON_WORKING_DAYS"]
        if route == "worker":
            return f"By email to their worker, {person.worker_name or address} ({address}), to pass on within {days} working days"
        if route == "team_inbox":
            return f"By email to the team inbox ({address}), to pass on within {days} working days: no worker is on record"
        return "Through their worker, but no worker or team inbox is on record: it goes on their web thread only"
    if message.reply_channel == ReplyChannel.CALL:
        if person is None or person.phone is None:
            return "They asked for a call back, but no number is on record: it goes on their web thread only"
        # Staff never need the number: we ring it. The last digits let them tell a young person which phone.
        ending = crypto.decrypt(person.phone.number_encrypted)[-3:]
        return (f"They asked for a call back: we call their phone (number ending {ending}) in allowed hours and "
                "read them the answer you write here, trying once more if nobody answers")
    return "On their web thread"


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


def satisfaction_reason(message, answer):
    """Their words only in the service: the email says that they answered and gave a reason."""
    _email(_emails(owners(message)), subject=f"They said why: {_about(message)}", purpose="tellus_satisfaction_reason",
           lines=[f"Asked if they are happy with our answer, the young person said \"{answer}\" and gave a reason.",
                  f"Read it: {_link(message)}"])


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
