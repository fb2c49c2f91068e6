"""Queueing SMS: every send is an outbox row first, delivered by a job after the commit."""
from datetime import timedelta

import sqlalchemy as sa

from voiceapp import crypto, languages
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.i18n import text_in_order
from voiceapp.jobs import enqueue
from voiceapp.messaging import calls, pauses, policy, recipients, segments, tasks, wanted
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus

# The pause registry (messaging/pauses.py): domains above register checks; bulk purposes are held meanwhile.
register_pause_check = pauses.register_pause_check
is_paused = pauses.is_paused
# The directory of young people's numbers (messaging/recipients.py), registered by people.
register_directory = recipients.register_directory
# Send-time checks for texts and emails to people who are not young people (messaging/wanted.py).
register_send_check = wanted.register_send_check
# Call backs that read a written answer (messaging/calls.py), and who hears how each ended.
place_call = calls.place_call
register_call_outcome = calls.register_call_outcome


def send_sms(*, body, purpose, young_person_id=None, to=None, direct_reply=False, urgent=False, valid_for=None):
    """Queue an SMS in the caller's transaction: never to an opted-out young person; held in quiet hours
    unless it is a direct reply or urgent; paced to the sender's rate; dropped if still unsent after valid_for.
    It goes in the SMS form of the young person's language (or, to a number alone, the language it is written in)."""
    body = text_in_order(body)
    person = recipients.contact(young_person_id)
    if person is not None:
        if person.number_encrypted is None:
            return None
        to = crypto.decrypt(person.number_encrypted)
    body = languages.sms_form(body, person.language if person is not None else languages.written_in(body))
    now = utcnow()
    row = OutboundMessage(young_person_id=young_person_id, to_encrypted=crypto.encrypt(to),
                          body_encrypted=crypto.encrypt(body), purpose=purpose, direct_reply=direct_reply,
                          urgent=urgent, created_at=now, segments=segments.segments(body),
                          valid_until=now + valid_for if valid_for else None)
    row.send_after = _slot(row, policy.earliest_send(now, direct_reply=direct_reply, urgent=urgent))
    if person is not None and person.sms_opted_out_at:
        row.status = OutboundStatus.SUPPRESSED     # STOP means nothing at all, whatever the purpose (TW-09)
    elif pauses.should_hold(purpose=purpose, young_person_id=young_person_id, direct_reply=direct_reply,
                            urgent=urgent):
        row.status = OutboundStatus.HELD           # released by pauses.release_held_sms when nothing pauses
    db.session.add(row)
    db.session.flush()
    if row.status == OutboundStatus.QUEUED:
        enqueue(tasks.deliver_sms, outbound_id=str(row.id))
    return row


def _slot(row, earliest):
    """Direct replies and urgent texts go at once; the rest queue behind each other at the sender's rate."""
    if row.direct_reply or row.urgent:
        return earliest
    # The latest slot given to any paced text, sent or not: the next one starts after it.
    previous = db.session.execute(sa.select(OutboundMessage.send_after, OutboundMessage.segments)
                                  .where(OutboundMessage.direct_reply.is_(False), OutboundMessage.urgent.is_(False))
                                  .order_by(OutboundMessage.send_after.desc()).limit(1)).first()
    if previous is None:
        return earliest
    return max(earliest, previous.send_after + timedelta(seconds=previous.segments * policy.seconds_per_segment()))


def send_email(*, to, subject, body, purpose, urgent=False):
    """Queue an email to staff in the caller's transaction; it is sent after the commit."""
    row = OutboundEmail(to_address=to, subject=subject, body=body, purpose=purpose, urgent=urgent,
                        created_at=utcnow())
    db.session.add(row)
    db.session.flush()
    enqueue(tasks.deliver_email, outbound_id=str(row.id))
    return row
