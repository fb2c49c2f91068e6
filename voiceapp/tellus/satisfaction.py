"""Whether the young person is happy with our answer: asked when a message closes, answered yes, partly or no."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp import signals
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.tellus import clocks, notifications, services, wording
from voiceapp.tellus.models import EntryKind, Message, MessageReply, Satisfaction, SatisfactionAnswer, Status


def ask(message, *, actor, now):
    """Inside the closing transaction: ask on their channel, if they wanted an answer at all."""
    if not message.wants_reply:
        return
    message.satisfaction_asked_at = now
    with wording.in_language(notifications.language_of(message)):
        body = wording.say(wording.ASK_SATISFACTION, ref=wording.ref(message))
    notifications.tell_young_person(message, author_staff_id=actor.id, body=body, kind=EntryKind.QUESTION,
                                    now=now, purpose="tellus_satisfaction")


def awaits_answer(message):
    """True while a closed message's question has not been answered."""
    return message.status == Status.CLOSED and message.satisfaction_asked_at is not None


def answers_for(message):
    return db.session.scalars(sa.select(SatisfactionAnswer).where(SatisfactionAnswer.message_id == message.id)
                              .order_by(SatisfactionAnswer.created_at)).all()


def waiting_question(young_person_id):
    """The young person's message whose satisfaction question is waiting, newest first (for the SMS flow)."""
    return db.session.scalar(sa.select(Message).where(
        Message.young_person_id == young_person_id, Message.status == Status.CLOSED,
        Message.satisfaction_asked_at.is_not(None)).order_by(Message.satisfaction_asked_at.desc()).limit(1))


def record_answer(*, actor, message_id, answer, why=None, channel):
    """The young person says if they are happy with our answer, and why if they like; "no" opens it again and
    tells its owner, and any reason they give is stored on the thread and its owner told of it."""
    message = services.get_my_message(actor=actor, message_id=message_id)
    if not awaits_answer(message):
        raise Conflict(_l("We have not asked about this message"), field="answer",
                       reason="there is no question waiting for an answer on this message")
    person = people.get_young_person(actor.id)
    now = utcnow()
    with transaction():
        reason = _reason(message, why, channel, now)
        db.session.add(SatisfactionAnswer(message_id=message.id, answer=Satisfaction(answer), channel=channel,
                                          reply_id=reason.id if reason else None, outcome=message.outcome,
                                          created_at=now))
        message.satisfaction_asked_at = None
        if Satisfaction(answer) == Satisfaction.NO:
            clocks.reopen(message, actor_staff_id=None, now=now)
            notifications.unhappy_with_answer(message)
        elif reason is not None:
            # A reason on a closed thread would otherwise wait there unread.
            notifications.satisfaction_reason(message, Satisfaction(answer).value)
        if reason is not None:
            signals.announce_free_text(source_type="message_reply", source_id=reason.id, young_person_id=person.id,
                                       text=reason.body, language=person.language, channel=channel)
    return message


def _reason(message, why, channel, now):
    """Their reason joins the thread, where staff read it and safeguarding screens it like any other words."""
    if not (why or "").strip():
        return None
    reply = MessageReply(message_id=message.id, body=why.strip(), channel=channel, created_at=now)
    message.replies.append(reply)
    db.session.flush()
    return reply
