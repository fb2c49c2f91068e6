"""Use cases of a young person sending and following Tell Us, We Care messages."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa

from voiceapp import signals
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Invalid
from voiceapp.extensions import db
from voiceapp.people import holds
from voiceapp.people import services as people
from voiceapp.promises import services as promises
from voiceapp.promises.models import Promise
from voiceapp.tellus import clocks, notifications, threads
from voiceapp.tellus.models import Kind, Message, MessageReply, ReplyChannel, Status


def send_message(*, actor, young_person_id, kind, body, channel, promise_id=None, praise_for=None,
                 wants_reply=True, reply_channel=None, anonymous=False):
    """Store a message for senior leaders with its time limits; a broken promise must name a promise of the
    person's set. Senior leaders and the theme's lead are emailed."""
    person = people.get_young_person(young_person_id)
    promise = _promise_for(person, kind, promise_id)
    reply_channel = _reply_channel(person, wants_reply, reply_channel)
    with transaction():
        message = Message(young_person_id=person.id, kind=kind, body=body.strip(), channel=channel,
                          promise_id=promise.id if promise else None, praise_for=praise_for,
                          wants_reply=wants_reply, reply_channel=reply_channel, anonymous=anonymous,
                          received_at=utcnow())
        if promise:
            message.themes = [promise.priority]
        clocks.start_clocks(message)
        db.session.add(message)
        db.session.flush()
        notifications.new_message(message)
        signals.announce_free_text(source_type="message", source_id=message.id, young_person_id=person.id,
                                   text=message.body, language=person.language, channel=channel)
        # Who the praise is for is the young person's own words too ("my foster dad, when he isn't drunk").
        signals.announce_free_text(source_type="message_praise_for", source_id=message.id,
                                   young_person_id=person.id, text=message.praise_for, language=person.language,
                                   channel=channel)
    return message


def _promise_for(person, kind, promise_id):
    if kind != Kind.PROMISE_NOT_KEPT:
        if promise_id:
            raise Invalid(_l("Only a broken promise names a promise"), field="promise_id",
                          reason="only allowed when kind is promise_not_kept")
        return None
    if not promise_id:
        raise Invalid(_l("Say which promise"), field="promise_id", reason="required when kind is promise_not_kept")
    allowed = {p.id for p in promises.published_set(person.cohort).promises}
    if promise_id not in allowed:
        raise Invalid(_l("That promise is not in your promise set"), field="promise_id",
                      reason="not a promise of your current promise set")
    return db.session.get(Promise, promise_id)


def _reply_channel(person, wants_reply, reply_channel):
    if not wants_reply:
        return None
    reply_channel = reply_channel or ReplyChannel.WEB
    if reply_channel in (ReplyChannel.SMS, ReplyChannel.CALL) and person.phone is None:
        raise Invalid(_l("We have no phone number for you"), field="reply_channel",
                      reason=f"{reply_channel.value} needs a phone number on your profile")
    return reply_channel


def list_my_messages(*, actor):
    """The young person's messages, newest first, each shown with its thread (a fixed number of queries)."""
    return threads.shown(db.session.scalars(sa.select(Message).where(Message.young_person_id == actor.id)
                                            .order_by(Message.received_at.desc())).all())


def get_my_message(*, actor, message_id):
    """A young person's own message; anyone else's answers as not found."""
    return get_or_404(Message, message_id, _l("No such message"), young_person_id=actor.id)


def show_my_message(*, actor, message_id):
    """A young person's own message as their screen shows it, with its thread."""
    return threads.shown_one(get_my_message(actor=actor, message_id=message_id))


def answer_back(*, actor, message_id, body, channel):
    """The young person adds to their thread; writing to a closed message opens it again. Its owner is told."""
    message = get_my_message(actor=actor, message_id=message_id)
    person = people.get_young_person(actor.id)
    with transaction():
        reply = MessageReply(message_id=message.id, body=body.strip(), channel=channel, created_at=utcnow())
        message.replies.append(reply)
        if message.status == Status.CLOSED:
            clocks.reopen(message, actor_staff_id=None, now=reply.created_at)
        db.session.flush()
        notifications.answered_back(message)
        signals.announce_free_text(source_type="message_reply", source_id=reply.id, young_person_id=person.id,
                                   text=reply.body, language=person.language, channel=channel)
    return reply


def delete_my_message(*, actor, message_id):
    """A young person removes a message they sent, unless a legal hold keeps it for now."""
    message = get_my_message(actor=actor, message_id=message_id)
    holds.delete_unless_held(message, young_person_id=actor.id, field="message", object_type="message")
