"""Queueing one text to many young people at once (survey invitations, "you said, we did")."""
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from voiceapp import crypto, languages
from voiceapp.database import new_id, utcnow
from voiceapp.extensions import db
from voiceapp.i18n import text_in_order
from voiceapp.messaging import pauses, policy, recipients, segments
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

CHUNK = 5000


@dataclass
class BulkResult:
    queued: int = 0
    opted_out: int = 0
    paused: int = 0
    no_phone: int = 0


def queue_bulk_sms(*, audience, body, purpose, valid_for=None):
    """Queue `body` to every young person whose id `audience` (a select of ids) yields, in the caller's
    transaction: opted-out people get nothing, paused people's texts are held, the rest are paced from the end
    of quiet hours. Each copy goes in the SMS form of its young person's language (Albanian without ë/ç)."""
    body = text_in_order(body)
    rows = recipients.contacts(audience)
    result, now = BulkResult(), utcnow()
    paused = _paused_ids([r.id for r in rows])
    slot = _first_slot(policy.earliest_send(now, direct_reply=False, urgent=False))
    forms = {}    # one ciphertext serves every copy of the same text
    batch = []
    for row in rows:
        if row.number_encrypted is None:
            result.no_phone += 1
        elif row.sms_opted_out_at is not None:
            result.opted_out += 1
        else:
            body_encrypted, parts = _form(forms, body, row.language)
            queued = _row(row, body_encrypted, purpose, now, slot, valid_for, parts)
            if row.id in paused:
                # Held, not dropped: released when their open message or alert is dealt with.
                queued["status"], result.paused = OutboundStatus.HELD, result.paused + 1
            batch.append(queued)
            slot += timedelta(seconds=parts * policy.seconds_per_segment())
    for start in range(0, len(batch), CHUNK):
        db.session.execute(sa.insert(OutboundMessage), batch[start:start + CHUNK])
    result.queued = len(batch) - result.paused
    return result


def _form(forms, body, language):
    """(ciphertext, segments) of the text in the SMS form of a language, made once per distinct form."""
    text = languages.sms_form(body, language)
    if text not in forms:
        forms[text] = (crypto.encrypt(text), segments.segments(text))
    return forms[text]


def _row(row, body_encrypted, purpose, now, slot, valid_for, parts):
    return {"id": new_id(), "young_person_id": row.id, "to_encrypted": row.number_encrypted,
            "body_encrypted": body_encrypted, "purpose": purpose, "status": OutboundStatus.QUEUED,
            "direct_reply": False, "urgent": False, "attempts": 0, "created_at": now, "send_after": slot,
            "valid_until": now + valid_for if valid_for else None, "segments": parts}


def _first_slot(earliest):
    last = db.session.execute(sa.select(OutboundMessage.send_after, OutboundMessage.segments)
                              .where(OutboundMessage.direct_reply.is_(False), OutboundMessage.urgent.is_(False))
                              .order_by(OutboundMessage.send_after.desc()).limit(1)).first()
    if last is None:
        return earliest
    return max(earliest, last.send_after + timedelta(seconds=last.segments * policy.seconds_per_segment()))


def _paused_ids(ids):
    """Young people with an open message or alert are not sent bulk texts now (registered pause checks).
    Asked in chunks: a database caps the parameters one statement may carry."""
    paused = set()
    for start in range(0, len(ids), CHUNK):
        paused |= pauses.paused_among(ids[start:start + CHUNK])
    return paused
