"""Record-level retention (PRIV-08): the timed retentions docs/data-inventory.yml promises, one rule a table.

Each rule names the table's model, the column its age is counted from, how old a row must be, and what else must
hold before it goes (an outbound text only once finished, never queued or being sent; an inbound text only once
handled, never while a safeguarding alert points at it or a legal hold keeps its sender's records). The daily job
deletes in batches of BATCH rows, each its own short transaction, so SQLite is never locked for long; each table's
count is audited, and nothing about the rows themselves is logged.
"""
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM
from voiceapp.auth import services as auth
from voiceapp.auth.models import AuthSession, Invitation, OneTimeCode, StaffUser
from voiceapp.channels.sms.models import InboundSms, InboundStatus, SmsConversation
from voiceapp.channels.voice.models import VoiceCall
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.messaging.models import CallStatus, OutboundCall, OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.people import holds
from voiceapp.people.models import YoungPerson
from voiceapp.rights.models import SarStatus, SubjectAccessRequest
from voiceapp.safeguarding import alerts

BATCH = 1000

# A text or email is finished once nothing more will be tried: queued, being sent and held (paused) rows stay.
_FINISHED = (OutboundStatus.SENT, OutboundStatus.DELIVERED, OutboundStatus.UNDELIVERED, OutboundStatus.FAILED,
             OutboundStatus.SUPPRESSED, OutboundStatus.EXPIRED)
_CALL_FINISHED = (CallStatus.ANSWERED, CallStatus.NOT_ANSWERED, CallStatus.SUPPRESSED)


@dataclass(frozen=True)
class Rule:
    model: type
    age_from: object                   # a column (or expression) the age is counted from
    age: timedelta
    conditions: tuple = ()              # callables giving further where-clauses, built when the rule runs
    legal_hold: bool = False            # ask the legal holds on the row's young person (inventory says so)
    is_contact: bool = False            # the row is a young person's contact: its moment outlives it
    anonymise: object = None            # ids, now -> None: blank the row instead of deleting it (others point at it)

    @property
    def table(self):
        return self.model.__tablename__


RULES = (
    Rule(OutboundMessage, sa.func.coalesce(OutboundMessage.sent_at, OutboundMessage.created_at), timedelta(days=90),
         (lambda: OutboundMessage.status.in_(_FINISHED),)),
    Rule(OutboundEmail, sa.func.coalesce(OutboundEmail.sent_at, OutboundEmail.created_at), timedelta(days=90),
         (lambda: OutboundEmail.status.in_(_FINISHED),)),
    Rule(OutboundCall, sa.func.coalesce(OutboundCall.ended_at, OutboundCall.created_at), timedelta(days=90),
         (lambda: OutboundCall.status.in_(_CALL_FINISHED),)),
    Rule(InboundSms, InboundSms.received_at, timedelta(days=90),
         (lambda: InboundSms.status == InboundStatus.PROCESSED,
          lambda: sa.not_(alerts.holds_source("inbound_sms", InboundSms.id))),
         legal_hold=True, is_contact=True),
    Rule(SmsConversation, SmsConversation.updated_at, timedelta(hours=24)),
    Rule(VoiceCall, VoiceCall.started_at, timedelta(hours=24), is_contact=True),
    Rule(OneTimeCode, OneTimeCode.created_at, timedelta(hours=24)),
    Rule(AuthSession, AuthSession.expires_at, timedelta(days=30)),
    Rule(Invitation, sa.func.coalesce(Invitation.redeemed_at, Invitation.expires_at), timedelta(days=30)),
    Rule(SubjectAccessRequest, SubjectAccessRequest.completed_at, timedelta(days=730),
         (lambda: SubjectAccessRequest.status == SarStatus.COMPLETED,)),
    # The audit trail and the records staff wrote (replies, notes, invitations) point at the account and must
    # not change, so a disabled account is anonymised in place rather than deleted.
    Rule(StaffUser, StaffUser.disabled_at, timedelta(days=365),
         (lambda: StaffUser.is_active.is_(False), lambda: StaffUser.anonymised_at.is_(None)),
         anonymise=auth.anonymise_staff),
)


@dataclass
class TableRun:
    table: str
    anonymised: bool = False  # the rule blanks rows rather than deleting them
    deleted: int = 0          # rows gone or anonymised (in a dry run: that would be)
    held: int = 0             # old enough, kept by a legal hold


@dataclass
class RecordsRun:
    dry_run: bool
    tables: list = field(default_factory=list)


def apply_record_retention(*, dry_run=False, now=None, batch=BATCH):
    """Run every rule; a dry run counts what would go and deletes nothing. Safe to run late or twice."""
    now = now or utcnow()
    run = RecordsRun(dry_run=dry_run)
    for rule in RULES:
        run.tables.append(_apply(rule, now=now, dry_run=dry_run, batch=batch))
    return run


def _candidates(rule, now, after, batch):
    model = rule.model
    person = getattr(model, "young_person_id", None)
    query = sa.select(model.id, person if person is not None else sa.null(), rule.age_from).where(
        rule.age_from < now - rule.age, *(condition() for condition in rule.conditions))
    if after is not None:
        query = query.where(model.id > after)
    return db.session.execute(query.order_by(model.id).limit(batch)).all()


def _apply(rule, *, now, dry_run, batch):
    result = TableRun(table=rule.table, anonymised=rule.anonymise is not None)
    after = None
    while True:
        rows = _candidates(rule, now, after, batch)
        if not rows:
            break
        after = rows[-1][0]
        if dry_run:
            kept = _held(rule, rows)
            result.held += len(kept)
            result.deleted += len(rows) - len(kept)
            continue
        with transaction():
            kept = _held(rule, rows)            # asked inside the deleting transaction
            going = [row for row in rows if row[0] not in kept]
            if rule.is_contact:
                _remember_contact(going)
            if going and rule.anonymise:
                rule.anonymise([row[0] for row in going], now=now)
                audit.record(actor=SYSTEM, action="retention.records_anonymised", object_type=rule.table,
                             detail={"count": len(going)})
            elif going:
                db.session.execute(sa.delete(rule.model).where(rule.model.id.in_([row[0] for row in going]))
                                   .execution_options(synchronize_session=False))
                audit.record(actor=SYSTEM, action="retention.records_deleted", object_type=rule.table,
                             detail={"count": len(going)})
        result.held += len(kept)
        result.deleted += len(going)
        db.session.expire_all()
    return result


def _held(rule, rows):
    """Ids of rows a legal hold on their young person keeps (each young person asked once a batch)."""
    if not rule.legal_hold:
        return set()
    answers = {}
    kept = set()
    for row_id, person_id, _at in rows:
        if person_id is None:
            continue
        if person_id not in answers:
            answers[person_id] = bool(holds.reasons_for(person_id, object_type=rule.table))
        if answers[person_id]:
            kept.add(row_id)
    return kept


def _remember_contact(rows):
    """A deleted text or call still counts as contact for the 2-year rule: keep its moment on the young person."""
    latest = {}
    for _row_id, person_id, at in rows:
        if person_id is not None and (person_id not in latest or at > latest[person_id]):
            latest[person_id] = at
    for person_id, at in latest.items():
        db.session.execute(sa.update(YoungPerson).where(
            YoungPerson.id == person_id,
            sa.or_(YoungPerson.last_contact_at.is_(None), YoungPerson.last_contact_at < at))
            .values(last_contact_at=at).execution_options(synchronize_session=False))
