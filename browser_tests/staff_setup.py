"""Setting up what the staff journeys need, on the server's database, through the services."""
import secrets

from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import Council, Role
from voiceapp.people import services as people
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.promises.models import Channel
from voiceapp.promises.services import priority_by_number
from voiceapp.reports.services import councils, quotes
from voiceapp.safeguarding import alerts
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Kind, ReplyChannel

PASSWORD = "a long browser passphrase"


def staff_member(role, name="Sam Leader", **fields):
    """(email, password) of a new member of staff with this role."""
    email = f"{role.value}.{secrets.token_hex(3)}@leeds.example"
    auth.create_staff(actor=SYSTEM, email=email, display_name=name, role=role, password=PASSWORD, **fields)
    return email, PASSWORD


def priority_lead(name):
    email, _password = staff_member(Role.PRIORITY_LEAD, name, priority_id=priority_by_number(2).id)
    return email


def texting_young_person(**consents):
    """A young person in care, 13 to 15, with a mobile number (a new one each time)."""
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15,
                                        phone=f"+4479111{secrets.randbelow(90000) + 10000}", **consents)
    return person.id


def message_by_text(body, **consents):
    """A Tell Us message sent by text, asking for the answer by text; its id."""
    young_person_id = texting_young_person(**consents)
    message = tellus.send_message(actor=SYSTEM, young_person_id=young_person_id, kind=Kind.UNHAPPY, body=body,
                                  channel=Channel.SMS, wants_reply=True, reply_channel=ReplyChannel.SMS)
    return message.id


def unsafe_alert():
    """An "I don't feel safe" alert from a young person we can text; its id."""
    return alerts.report_unsafe(young_person_id=texting_young_person(), channel=Channel.WEB).id


def proposed_quote(words):
    message_id = message_by_text(words, consent_to_quote=True)
    officer = Actor.for_staff(auth.create_staff(actor=SYSTEM, email=f"proposer.{secrets.token_hex(3)}@leeds.example",
                                                display_name="Quote proposer", role=Role.VOICE_OFFICER,
                                                password=PASSWORD))
    return quotes.propose_quote(actor=officer, source_type="message", source_id=message_id).id


def council_priority(priority, period):
    """The Have a Voice Council marks a theme as its priority for the period."""
    member = Actor.for_staff(auth.create_staff(
        actor=SYSTEM, email=f"council.{secrets.token_hex(3)}@leeds.example", display_name="Casey Council",
        role=Role.COUNCIL_MEMBER, council=Council.HAVE_A_VOICE, password=PASSWORD, age=16))
    return councils.mark_priority(actor=member, period=period, priority=priority).id
