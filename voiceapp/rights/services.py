"""Subject access and erasure across every domain that holds a young person's data."""
from flask_babel import lazy_gettext as _l
from voiceapp.audit import services as audit
from voiceapp.auth.models import AuthSession
from voiceapp.database import transaction
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.people import holds
from voiceapp.people import services as people
from voiceapp.people.schemas import ProfileSchema
from voiceapp.promises import services as promises
from voiceapp.promises.schemas import PromiseCheckSchema
from voiceapp.surveys import services as surveys
from voiceapp.surveys.schemas import ResponseSchema
from voiceapp.tellus import services as tellus
from voiceapp.tellus.schemas import MyMessageSchema


def export_my_data(*, actor):
    """Everything voiceapp holds that the young person gave or was sent, as plain data."""
    person = people.get_young_person(actor.id)
    return {
        "profile": ProfileSchema().dump(person),
        "promise_checks": PromiseCheckSchema(many=True).dump(promises.list_my_checks(actor=actor)),
        "messages": MyMessageSchema(many=True).dump(tellus.list_my_messages(actor=actor)),
        "survey_responses": ResponseSchema(many=True).dump(surveys.list_my_responses(actor=actor)),
        "phone_on_record": person.phone.masked if person.phone else None,
    }


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
