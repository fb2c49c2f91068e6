"""Subject access and erasure across every domain that holds a young person's data."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.auth.actors import Actor
from voiceapp.auth.models import AuthSession
from voiceapp.channels.sms.models import InboundSms
from voiceapp.database import transaction
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundCall, OutboundMessage
from voiceapp.people import holds
from voiceapp.people import services as people
from voiceapp.people.schemas import ProfileSchema
from voiceapp.promises import services as promises
from voiceapp.promises.schemas import PromiseCheckSchema
from voiceapp.reports.models import Quote
from voiceapp.surveys import services as surveys
from voiceapp.surveys.schemas import ResponseSchema
from voiceapp.tellus import services as tellus
from voiceapp.tellus.schemas import MyMessageSchema


def export_my_data(*, actor):
    """Everything voiceapp holds that the young person gave or was sent, as plain data."""
    return export_for(actor.id)


def export_for(young_person_id):
    """The subject access export for one young person (their own download, or a staff disclosure)."""
    actor = Actor(kind="young_person", id=young_person_id)
    person = people.get_young_person(young_person_id)
    return {
        "profile": ProfileSchema().dump(person),
        "promise_checks": PromiseCheckSchema(many=True).dump(promises.list_my_checks(actor=actor)),
        "messages": MyMessageSchema(many=True).dump(tellus.list_my_messages(actor=actor)),
        "survey_responses": ResponseSchema(many=True).dump(surveys.shown(surveys.list_my_responses(actor=actor))),
        "phone_on_record": person.phone.masked if person.phone else None,
        "texts_sent_to_you": _texts_sent(person.id),
        "texts_you_sent": _texts_received(person.id),
        "calls_to_you": _calls_made(person.id),
        # What staff recorded about them to find and reach them: theirs to see, though no other view shows it.
        "your_worker": ({"name": person.worker_name, "email": person.worker_email}
                        if person.worker_name or person.worker_email else None),
        "case_reference": person.case_reference,
        "your_words_quoted": _quotes(person.id),
    }


def _quotes(young_person_id):
    """Words of theirs proposed for the report, redacted, and whether staff approved them."""
    rows = db.session.execute(sa.select(Quote.text, Quote.status, Quote.said_at)
                              .where(Quote.young_person_id == young_person_id).order_by(Quote.said_at)).all()
    return [{"text": r.text, "status": r.status.value, "said_at": r.said_at.isoformat()} for r in rows]


def _texts_received(young_person_id):
    rows = db.session.execute(sa.select(InboundSms.received_at, InboundSms.body)
                              .where(InboundSms.young_person_id == young_person_id)
                              .order_by(InboundSms.received_at)).all()
    return [{"received_at": r.received_at.isoformat(), "text": r.body} for r in rows]


def _texts_sent(young_person_id):
    """Which texts we sent, when and why (their words are in the threads above; codes are never kept)."""
    rows = db.session.execute(sa.select(OutboundMessage.purpose, OutboundMessage.status, OutboundMessage.created_at)
                              .where(OutboundMessage.young_person_id == young_person_id)
                              .order_by(OutboundMessage.created_at)).all()
    return [{"purpose": r.purpose, "status": r.status.value, "created_at": r.created_at.isoformat()} for r in rows]


def _calls_made(young_person_id):
    """Calls we made to read them an answer: when and how each ended (the words are in their threads)."""
    rows = db.session.execute(sa.select(OutboundCall.purpose, OutboundCall.status, OutboundCall.attempts,
                                        OutboundCall.created_at, OutboundCall.ended_at)
                              .where(OutboundCall.young_person_id == young_person_id)
                              .order_by(OutboundCall.created_at)).all()
    return [{"purpose": r.purpose, "status": r.status.value, "attempts": r.attempts,
             "created_at": r.created_at.isoformat(), "ended_at": r.ended_at.isoformat() if r.ended_at else None}
            for r in rows]


def erase_me(*, actor):
    """Erase the young person and all they sent, unless a legal hold says it must wait (then nothing goes)."""
    person = people.get_young_person(actor.id)
    reasons = holds.reasons_for(person.id)
    if reasons:
        raise Conflict(_l("We cannot delete everything yet: ") + reasons[0], field="account", reason=reasons[0])
    with transaction():
        db.session.query(AuthSession).filter(AuthSession.young_person_id == person.id).delete()
        db.session.delete(person)
        audit.record(actor=actor, action="young_person.erase", object_type="young_person", object_id=person.id)
