"""Use cases for young people's profiles and phone numbers."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa

from voiceapp import crypto
from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction
from voiceapp.errors import Conflict, NotFound
from voiceapp.extensions import db
from voiceapp.people import phones
from voiceapp.people.models import PhoneNumber, YoungPerson

PROFILE_FIELDS = {"cohort", "age_band", "language", "consent_to_quote", "consent_to_contact"}

# Built once: every inbound text and call looks a number up, and building a statement costs more than
# running it.
_HAS_PHONE_HASH = (PhoneNumber.lookup_hash == sa.bindparam("digest"), YoungPerson.erased_at.is_(None))
_BY_PHONE_HASH = sa.select(YoungPerson).join(PhoneNumber).where(*_HAS_PHONE_HASH)
_SENDER_BY_PHONE_HASH = sa.select(YoungPerson.id, YoungPerson.language).join(PhoneNumber).where(*_HAS_PHONE_HASH)


def create_young_person(*, actor, cohort, age_band, language="en", voice_groups=(),
                        consent_to_quote=False, consent_to_contact=False, phone=None, phone_from_carrier=False,
                        case_reference=None):
    """Register a young person pseudonymously; consents start off (high privacy by default)."""
    with transaction():
        person = YoungPerson(cohort=cohort, age_band=age_band, language=language,
                             consent_to_quote=consent_to_quote, consent_to_contact=consent_to_contact,
                             case_reference=(case_reference or "").strip() or None)
        person.set_voice_groups(voice_groups)
        db.session.add(person)
        db.session.flush()
        if phone:
            attach_phone(person, phone, from_carrier=phone_from_carrier)
        audit.record(actor=actor, action="young_person.create", object_type="young_person", object_id=person.id)
    return person


def attach_phone(person, raw, *, from_carrier=False):
    """Give a person a number inside the caller's transaction; a number belongs to one person only.
    from_carrier: the number is a text's or call's sender, so only its shape is checked (people/phones.py)."""
    e164 = phones.normalise(raw, from_carrier=from_carrier)
    digest = phones.lookup_hash(e164)
    owner = db.session.scalar(sa.select(PhoneNumber.young_person_id).where(PhoneNumber.lookup_hash == digest))
    if owner and owner != person.id:
        raise Conflict(_l("That phone number belongs to someone else"), field="phone", reason="already registered")
    if person.phone is None:
        person.phone = PhoneNumber()
    person.phone.lookup_hash, person.phone.last_digits = digest, e164[-3:]
    person.phone.number_encrypted = crypto.encrypt(e164)
    person.phone.country_code = phones.country_code(e164)


def set_phone(*, actor, young_person_id, phone):
    """Give a young person a phone number (or change it); a number belongs to one person only."""
    person = get_young_person(young_person_id)
    with transaction():
        attach_phone(person, phone)
        audit.record(actor=actor, action="young_person.set_phone", object_type="young_person", object_id=person.id)
    return person


def set_worker(*, actor, young_person_id, name, email):
    """Record the young person's worker: answers they want "through my worker" go to this address."""
    person = get_young_person(young_person_id)
    with transaction():
        person.worker_name, person.worker_email = name.strip(), email.strip().lower()
        audit.record(actor=actor, action="young_person.set_worker", object_type="young_person", object_id=person.id)
    return person


def set_case_reference(*, actor, young_person_id, case_reference):
    """Record (or, empty, remove) their case-system reference, shown only on a safeguarding alert; audited."""
    person = get_young_person(young_person_id)
    with transaction():
        person.case_reference = (case_reference or "").strip() or None
        audit.record(actor=actor, action="young_person.set_case_reference", object_type="young_person",
                     object_id=person.id, detail={"held": person.case_reference is not None})
    return person


def get_young_person(young_person_id, *, fresh=False):
    """fresh: read the row again even if this session already holds it."""
    return get_or_404(YoungPerson, young_person_id, _l("No such young person"), fresh=fresh, erased_at=None)


def view_young_person(*, actor, young_person_id):
    """A staff view of a profile, which is audited."""
    person = get_young_person(young_person_id)
    with transaction():
        audit.record(actor=actor, action="young_person.view", object_type="young_person", object_id=person.id)
    return person


def find_by_phone(raw, *, from_carrier=False):
    """The young person with this number, or None; the number itself is never stored in the clear."""
    return find_by_phone_hash(phones.lookup_hash(phones.normalise(raw, from_carrier=from_carrier)))


def find_by_phone_hash(digest):
    return db.session.scalar(_BY_PHONE_HASH, {"digest": digest})


def find_sender(digest):
    """The id and language of the young person whose number has this lookup hash, or None: all a text needs
    to be stored."""
    return db.session.execute(_SENDER_BY_PHONE_HASH, {"digest": digest}).first()


def lookup_by_phone(*, actor, phone):
    """Staff find a young person by number without the number being listed anywhere."""
    person = find_by_phone(phone)
    if person is None:
        raise NotFound(_l("No young person has that number"))
    with transaction():
        audit.record(actor=actor, action="young_person.lookup", object_type="young_person", object_id=person.id)
    return person


def phone_of(person):
    """The E.164 number for sending, or None."""
    return crypto.decrypt(person.phone.number_encrypted) if person.phone else None


def update_profile(*, actor, young_person_id, changes):
    """Change language, cohort, age band, consents or voice groups."""
    person = get_young_person(young_person_id)
    with transaction():
        for key in PROFILE_FIELDS & changes.keys():
            setattr(person, key, changes[key])
        if "voice_groups" in changes:
            person.set_voice_groups(changes["voice_groups"])
        if "phone" in changes and changes["phone"]:
            attach_phone(person, changes["phone"])
        audit.record(actor=actor, action="young_person.update", object_type="young_person",
                     object_id=person.id, detail={"fields": sorted(changes)})
    return person
