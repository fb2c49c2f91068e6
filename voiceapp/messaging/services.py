"""Queueing SMS: every send is an outbox row first, delivered by a job after the commit."""
from voiceapp import crypto
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.jobs import enqueue
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus


def send_sms(*, body, purpose, young_person_id=None, to=None, direct_reply=False, urgent=False):
    """Queue an SMS to a young person (or a number) in the caller's transaction; opted-out people get none."""
    from voiceapp.people.models import YoungPerson
    person = db.session.get(YoungPerson, young_person_id) if young_person_id else None
    if person is not None:
        if person.phone is None:
            return None
        to = crypto.decrypt(person.phone.number_encrypted)
    row = OutboundMessage(young_person_id=young_person_id, to_encrypted=crypto.encrypt(to),
                          body_encrypted=crypto.encrypt(body), purpose=purpose, direct_reply=direct_reply,
                          urgent=urgent, created_at=utcnow())
    if person is not None and person.sms_opted_out_at and not urgent:
        row.status = OutboundStatus.SUPPRESSED
    db.session.add(row)
    db.session.flush()
    if row.status == OutboundStatus.QUEUED:
        from voiceapp.messaging import tasks
        enqueue(tasks.deliver_sms, outbound_id=str(row.id))
    return row


def send_email(*, to, subject, body, purpose, urgent=False):
    """Queue an email to staff in the caller's transaction; it is sent after the commit."""
    row = OutboundEmail(to_address=to, subject=subject, body=body, purpose=purpose, urgent=urgent,
                        created_at=utcnow())
    db.session.add(row)
    db.session.flush()
    from voiceapp.messaging import tasks
    enqueue(tasks.deliver_email, outbound_id=str(row.id))
    return row
