"""Pausing bulk texts to a young person while something of theirs is open (an unanswered message, a
safeguarding alert), so they are not pestered while they wait (ICO Children's Code standard 5).

Domains above messaging register a check; messaging never imports them. Direct replies, sign-in codes and
urgent texts are never paused: only the purposes in BULK_PURPOSES are.
"""
import logging

import sqlalchemy as sa
from flask import current_app

from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import enqueue
from voiceapp.jobs.schedule import periodic
from voiceapp.messaging import policy
from voiceapp.messaging.models import OutboundMessage, OutboundStatus

log = logging.getLogger(__name__)
BULK_PURPOSES = frozenset({"survey_invite", "reminder", "you_said_we_did"})
_checks = []


def register_pause_check(check, *, among=None):
    """check(young_person_id) -> True while bulk texts to them should wait; among(ids) -> the paused ones of
    many ids in one query (optional: bulk sends use it when given)."""
    if all(check is not known for known, _ in _checks):
        _checks.append((check, among))
    return check


def _enabled():
    return current_app.config["PAUSE_BULK_WHILE_OPEN"]


def is_paused(young_person_id):
    """Whether any registered check pauses bulk texts to this young person (never when switched off)."""
    if young_person_id is None or not _enabled():
        return False
    return any(check(young_person_id) for check, _ in _checks)


def paused_among(ids):
    """The ids, of those given, that some check pauses (for queueing one text to many)."""
    ids = list(ids)
    if not ids or not _enabled():
        return set()
    paused = set()
    for check, among in _checks:
        paused |= set(among(ids)) if among else {young_person_id for young_person_id in ids if check(young_person_id)}
    return paused


def should_hold(*, purpose, young_person_id, direct_reply=False, urgent=False):
    """Only a bulk text to a paused young person is held."""
    if direct_reply or urgent or purpose not in BULK_PURPOSES:
        return False
    return is_paused(young_person_id)


@periodic(300)
def release_held_sms():
    """Queue held bulk texts again once nothing pauses their young person; safe to run twice. Releasing only
    queues: opt-out, quiet hours and pacing are decided when each text is delivered (messaging/tasks.py)."""
    from voiceapp.messaging.tasks import deliver_sms
    held = db.session.scalars(sa.select(OutboundMessage).where(OutboundMessage.status == OutboundStatus.HELD)
                              .order_by(OutboundMessage.created_at).limit(500)).all()
    paused = paused_among({row.young_person_id for row in held if row.young_person_id is not None})
    released = [row for row in held if row.young_person_id not in paused]
    if not released:
        return
    with transaction():
        for row in released:
            row.status = OutboundStatus.QUEUED
            row.send_after = max(row.send_after, policy.earliest_send(utcnow(), direct_reply=False, urgent=False))
            enqueue(deliver_sms, outbound_id=str(row.id))
    log.info("released %d held bulk texts", len(released))
