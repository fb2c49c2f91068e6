"""Reaching the young person an alert is about: who they are in a form the duty team can act on, a text
sent through the service, and their number shown only to the person about to call them. Every look is
audited; nothing here is shown anywhere but the alert itself."""
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotFound
from voiceapp.messaging import services as messaging
from voiceapp.people import services as people
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import EventKind

TEXT_LIMIT = 612      # four text messages at most


def reference(young_person_id):
    """The pseudonymous reference staff quote to each other and to the case system: YP- and 8 characters."""
    return f"YP-{young_person_id.hex[:8].upper()}" if young_person_id else None


def _person(alert):
    try:
        return people.get_young_person(alert.young_person_id) if alert.young_person_id else None
    except NotFound:
        return None


def who_raised(*, actor, alert_id):
    """Who the alert is about, as far as we hold it (never their number); each look is audited."""
    alert = alerts._get(alert_id)
    person = _person(alert)
    with transaction():
        audit.record(actor=actor, action="safeguarding_alert.identity", object_type="safeguarding_alert",
                     object_id=alert.id)
    if person is None:
        return {"registered": False, "reference": None}
    phone = person.phone
    return {"registered": True, "reference": reference(person.id), "young_person_id": person.id,
            "cohort": person.cohort.value, "age_band": person.age_band.value, "language": person.language,
            "voice_groups": sorted(group.group.value for group in person.voice_group_rows),
            "has_phone": phone is not None, "last_digits": phone.last_digits if phone else None,
            "opted_out": person.sms_opted_out_at is not None,
            # The worker the duty team can ask about them, where one is held (set by staff for "through my
            # worker" replies): the way to the case record without holding the young person's name here.
            "worker_name": person.worker_name, "worker_email": person.worker_email,
            # Their reference in the council's case system, where staff recorded one: shown here and nowhere else.
            "case_reference": person.case_reference}


def _reachable(alert):
    person = _person(alert)
    if person is None or person.phone is None:
        raise Conflict(_l("We hold no phone number for this young person"))
    return person


def text_young_person(*, actor, alert_id, body=""):
    """Text the young person from the service's number, at any hour (it is urgent); they never see who, the
    alert's history does."""
    body = (body or "").strip()
    if not body:
        raise Invalid(_l("Write the text to send"), field="body", reason="empty")
    if len(body) > TEXT_LIMIT:
        raise Invalid(_l("A text can be up to 612 characters"), field="body", reason="too long")
    alert = alerts._get(alert_id)
    person = _reachable(alert)
    if person.sms_opted_out_at is not None:
        raise Conflict(_l("This young person has stopped texts (they texted STOP): call them instead"))
    with transaction():
        messaging.send_sms(body=body, purpose="safeguarding_contact", young_person_id=person.id,
                           direct_reply=True, urgent=True)
        alert.record_contact(kind=EventKind.CONTACTED, staff_id=actor.id, when=utcnow(), note=body)
        audit.record(actor=actor, action="safeguarding_alert.text", object_type="safeguarding_alert",
                     object_id=alert.id)
    return alert


def number_to_call(*, actor, alert_id):
    """The young person's number, for the duty worker about to ring them; every showing is audited and in
    the alert's history."""
    alert = alerts._get(alert_id)
    person = _reachable(alert)
    with transaction():
        alert.record_contact(kind=EventKind.NUMBER_SHOWN, staff_id=actor.id, when=utcnow())
        audit.record(actor=actor, action="safeguarding_alert.phone_shown", object_type="safeguarding_alert",
                     object_id=alert.id)
    return people.phone_of(person)
