"""Use cases of a formal complaint under the Children Act 1989 representations procedure (SI 2006/1738):
its stages and their statutory clocks, the advocate offer, the closing letter, and the legal hold."""
import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.tellus import clocks, deadlines, notifications, wording
from voiceapp.tellus.models import ComplaintStage, EntryKind, Message, Status
from voiceapp.tellus.triage import find_message


def mark_as_complaint(*, actor, message_id):
    """Treat a message as a formal complaint at stage 1, its clock running from receipt (CMP-02)."""
    message = find_message(actor=actor, message_id=message_id)
    if message.complaint_stage is not None:
        raise Conflict(_l("This is already a formal complaint"), field="complaint", reason="already a complaint")
    now = utcnow()
    with transaction():
        # An extension already granted on the message is the stage 1 extension: there is only one.
        message.complaint_stages.append(ComplaintStage(
            number=1, started_at=message.received_at, started_by_id=actor.id,
            extended_at=message.extended_at, extension_reason=message.extension_reason))
        message.complaint_stage = 1
        _reopen_if_closed(message, actor, now)
        clocks.follow_stage(message)
        audit.record(actor=actor, action="complaint.open", object_type="message", object_id=message.id)
    return message


def record_advocacy_offer(*, actor, message_id, offered_at=None):
    """Record that the young person was offered an advocate (Children Act 1989 s26A, CMP-03)."""
    message = find_message(actor=actor, message_id=message_id)
    offered_at = _not_future(offered_at, field="offered_at")
    with transaction():
        message.advocacy_offered_at = offered_at
        audit.record(actor=actor, action="complaint.advocacy_offered", object_type="message", object_id=message.id)
    return message


def escalate_complaint(*, actor, message_id, requested_at=None):
    """Move a complaint to the next stage once this stage has answered or run out of time."""
    message = _complaint(actor, message_id)
    stage, now = message.current_stage, utcnow()
    if stage.number == 3:
        raise Conflict(_l("Stage 3 is the last stage; next is the Ombudsman"), field="complaint",
                       reason="stage 3 is the last stage")
    if stage.responded_at is None and message.response_due_at >= now:
        raise Conflict(_l("This stage is still running"), field="complaint",
                       reason="a stage can be escalated once it has been answered or its time has run out")
    started_at = _not_future(requested_at, field="requested_at")
    with transaction():
        message.complaint_stages.append(ComplaintStage(number=stage.number + 1, started_at=started_at,
                                                       started_by_id=actor.id))
        message.complaint_stage = stage.number + 1
        _reopen_if_closed(message, actor, now)
        clocks.follow_stage(message)
        audit.record(actor=actor, action="complaint.escalate", object_type="message", object_id=message.id,
                     detail={"stage": message.complaint_stage})
    return message


def record_stage_step(*, actor, message_id, step, at=None):
    """Record when the stage 3 review panel met, or reported; the next clock runs from then."""
    message = _complaint(actor, message_id)
    stage = message.current_stage
    if step not in deadlines.recorded_steps_of(stage.number):
        raise Conflict(_l("Only stage 3 has a review panel"), field="step", reason="not at stage 3")
    clock = deadlines.RECORDED_STEPS[step]
    if clock.after in deadlines.RECORDED_STEPS and clock.after not in clocks.happened_steps(stage):
        raise Conflict(_l("Record the panel first"), field="step", reason="the panel has not been recorded")
    at = _not_future(at, field="at")
    with transaction():
        setattr(stage, clock.recorded_as, at)
        clocks.follow_stage(message)
        audit.record(actor=actor, action="complaint.step", object_type="message", object_id=message.id,
                     detail={"step": step})
    return message


def preview_letter(*, actor, message_id, outcome, language=None):
    """The closing letter as it would be sent now, in the young person's language unless asked otherwise."""
    message = _complaint(actor, message_id)
    language = language or notifications.language_of(message)
    with wording.in_language(language):
        text = wording.closing_letter(message, outcome=outcome, responded_at=utcnow())
    with transaction():
        audit.record(actor=actor, action="complaint.letter_preview", object_type="message", object_id=message.id)
    return {"language": language, "text": text}


def check_can_close(message):
    """A formal complaint closes only once an advocate has been offered (CMP-03)."""
    if message.complaint_stage is not None and message.advocacy_offered_at is None:
        raise Invalid(_l("Offer an advocate before closing a complaint"), field="advocacy_offered_at",
                      reason="a formal complaint cannot close until the offer of an advocate is recorded")


def finish_stage(message, *, actor, now):
    """Closing a complaint answers its stage and sends the closing letter on the young person's channel."""
    stage = message.current_stage
    if stage is None:
        return
    stage.responded_at, stage.outcome = now, message.outcome
    with wording.in_language(notifications.language_of(message)):
        letter = wording.closing_letter(message, outcome=message.outcome, responded_at=now)
    notifications.tell_young_person(message, author_staff_id=actor.id, body=letter, kind=EntryKind.LETTER,
                                    now=now, purpose="tellus_letter")


def complaint_hold(young_person_id, object_type=None, object_id=None):
    """Legal hold: a formal complaint still in progress keeps the young person's messages (PRIV-07)."""
    if object_type not in (None, "message"):
        return []
    query = sa.select(Message.id).where(Message.young_person_id == young_person_id,
                                        Message.complaint_stage.is_not(None), Message.status != Status.CLOSED)
    if object_type == "message":
        query = query.where(Message.id == object_id)
    if db.session.scalar(query.limit(1)) is None:
        return []
    return [_("Your formal complaint is still being looked into. We must keep it until it is finished, "
              "then you can delete it.")]


def _complaint(actor, message_id):
    message = find_message(actor=actor, message_id=message_id)
    if message.complaint_stage is None:
        raise Conflict(_l("This is not a formal complaint"), field="complaint", reason="not a formal complaint")
    return message


def _reopen_if_closed(message, actor, now):
    if message.status == Status.CLOSED:
        clocks.reopen(message, actor_staff_id=actor.id, now=now)


def _not_future(moment, *, field):
    now = utcnow()
    if moment is None:
        return now
    if moment > now:
        raise Invalid(_l("That time is in the future"), field=field, reason="must not be in the future")
    return moment

