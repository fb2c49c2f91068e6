"""Retention: a young person's records go 2 years after their last contact (PRIV-08), unless a legal hold keeps them."""
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM
from voiceapp.auth.models import AuthSession
from voiceapp.channels.sms.models import InboundSms
from voiceapp.channels.voice.models import VoiceCall
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.people import holds
from voiceapp.people.models import YoungPerson
from voiceapp.promises.models import PromiseCheck
from voiceapp.surveys.models import SurveyResponse
from voiceapp.tellus.models import Message


@dataclass
class RetentionRun:
    cutoff: object
    deleted: list = field(default_factory=list)      # ids gone (or, in a dry run, that would go)
    held: dict = field(default_factory=dict)         # id -> the first reason a legal hold gives


# Every way a young person is in touch with us: joining, texts, calls, messages, promise checks, surveys.
_CONTACTS = ((InboundSms.young_person_id, InboundSms.received_at), (VoiceCall.young_person_id, VoiceCall.started_at),
             (Message.young_person_id, Message.received_at), (PromiseCheck.young_person_id, PromiseCheck.submitted_at),
             (SurveyResponse.young_person_id, SurveyResponse.started_at))


def last_contact():
    """A select of (young_person_id, last contact): the latest of joining and everything they sent, counting
    texts and calls whose own records have since gone (YoungPerson.last_contact_at)."""
    moments = [sa.select(YoungPerson.id.label("yp"), YoungPerson.created_at.label("at")),
               sa.select(YoungPerson.id.label("yp"), YoungPerson.last_contact_at.label("at"))
               .where(YoungPerson.last_contact_at.is_not(None))]
    moments += [sa.select(person.label("yp"), at.label("at")).where(person.is_not(None)) for person, at in _CONTACTS]
    every = sa.union_all(*moments).subquery()
    return sa.select(every.c.yp, sa.func.max(every.c.at).label("last")).group_by(every.c.yp)


def expired(cutoff):
    """Young people (not already erased) whose last contact was before the cutoff."""
    last = last_contact().subquery()
    return db.session.scalars(sa.select(YoungPerson).join(last, last.c.yp == YoungPerson.id)
                              .where(last.c.last < cutoff, YoungPerson.erased_at.is_(None))
                              .order_by(YoungPerson.id)).all()


def apply_retention(*, dry_run=False, now=None):
    """Delete everyone whose last contact is older than VOICEAPP_RETENTION_DAYS, each in a transaction of its own
    that asks the legal holds first; a dry run says who would go and who is held, and deletes nothing."""
    cutoff = (now or utcnow()) - timedelta(days=current_app.config["RETENTION_DAYS"])
    run = RetentionRun(cutoff=cutoff)
    for person in expired(cutoff):
        reasons = holds.reasons_for(person.id)
        if reasons:
            run.held[person.id] = reasons[0]
            continue
        run.deleted.append(person.id)
        if not dry_run:
            _erase(person)
    return run


def _erase(person):
    with transaction():
        if holds.reasons_for(person.id):          # asked again inside the deleting transaction
            return
        db.session.query(AuthSession).filter(AuthSession.young_person_id == person.id).delete()
        db.session.delete(person)
        audit.record(actor=SYSTEM, action="young_person.retention_erase", object_type="young_person",
                     object_id=person.id)
