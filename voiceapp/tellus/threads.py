"""Messages as the screens show them: each with its thread, crisis support and satisfaction answers, loaded for
a whole list in a fixed number of queries (the schemas read what is found here and never query)."""
import sqlalchemy as sa

from voiceapp.auth.models import StaffUser
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.read_models import Shown
from voiceapp.signals import supports_for
from voiceapp.tellus.models import SatisfactionAnswer


def _answers_by_message(message_ids):
    answers = {message_id: [] for message_id in message_ids}
    if message_ids:
        for answer in db.session.scalars(sa.select(SatisfactionAnswer).where(
                SatisfactionAnswer.message_id.in_(message_ids)).order_by(SatisfactionAnswer.created_at)):
            answers[answer.message_id].append(answer)
    return answers


def _lock_holders(messages):
    """{message id: the member of staff replying now} for messages whose reply lock has not expired."""
    now = utcnow()
    held = {m.id: m.reply_lock_staff_id for m in messages
            if m.reply_lock_staff_id is not None and m.reply_lock_expires_at > now}
    if not held:
        return {}
    staff = {user.id: user for user in db.session.scalars(sa.select(StaffUser).where(
        StaffUser.id.in_(set(held.values()))))}
    return {message_id: staff.get(staff_id) for message_id, staff_id in held.items()}


def shown(messages):
    """Each message with its thread (entries the young person wrote carry their crisis support, if any), the
    support for the message itself and its satisfaction answers: two queries for any number of messages."""
    messages = list(messages)
    own_entries = [entry.id for message in messages for entry in message.replies if entry.author_staff_id is None]
    support = supports_for({"message": [message.id for message in messages], "message_reply": own_entries})
    answers = _answers_by_message([message.id for message in messages])
    holders = _lock_holders(messages)
    return [Shown(message, support=support.get(("message", message.id)), satisfaction_answers=answers[message.id],
                  lock_holder=holders.get(message.id),
                  thread=[shown_entry(entry, support) for entry in message.replies]) for message in messages]


def shown_one(message):
    return shown([message])[0]


def shown_entry(entry, support=None):
    """One thread entry; with no `support` given, its own crisis support is looked up (one query)."""
    if support is None:
        support = supports_for({"message_reply": [entry.id] if entry.author_staff_id is None else []})
    return Shown(entry, support=support.get(("message_reply", entry.id)))
