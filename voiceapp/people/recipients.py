"""The directory messaging asks for a young person's number and opt-out (messaging/recipients.py)."""
import sqlalchemy as sa

from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.people.models import PhoneNumber, YoungPerson


def _select():
    return (sa.select(YoungPerson.id, YoungPerson.sms_opted_out_at, PhoneNumber.number_encrypted,
                      YoungPerson.language)
            .outerjoin(PhoneNumber, PhoneNumber.young_person_id == YoungPerson.id))


def contact(young_person_id):
    return db.session.execute(_select().where(YoungPerson.id == young_person_id)).first()


def contacts(audience):
    return db.session.execute(_select().where(YoungPerson.id.in_(audience))).all()


def mark_opted_out(young_person_id):
    person = db.session.get(YoungPerson, young_person_id)
    if person is not None and person.sms_opted_out_at is None:
        person.sms_opted_out_at = utcnow()
