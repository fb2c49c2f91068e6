"""Makes one signed-in caller of each kind for .ci/fuzz.py and prints their tokens as JSON.

A young person (with a Tell Us message, so their own lists have something to answer with) and one staff user
per role, each with an open session; run with the fuzz server's VOICEAPP_DATABASE_URL.
"""
import json
import secrets

from voiceapp import create_app
from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import Council, Role
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction
from voiceapp.people import services as people
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.promises import services as promises
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Kind

ROLE_DETAILS = {Role.COUNCIL_MEMBER: {"council": Council.HAVE_A_VOICE, "age": 16}, Role.PRIORITY_LEAD: {"priority_number": 1}}


def staff_token(role):
    details = dict(ROLE_DETAILS.get(role, {}))
    number = details.pop("priority_number", None)
    if number is not None:
        details["priority_id"] = promises.priority_by_number(number).id
    user = auth.create_staff(actor=SYSTEM, email=f"fuzz.{role.value}@example.org", display_name=f"Fuzz {role.value}",
                             role=role, password=secrets.token_urlsafe(24), **details)
    with transaction():
        return auth.open_session(staff_user_id=user.id)


def young_person_token():
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15)
    tellus.send_message(actor=Actor.for_young_person(person), young_person_id=person.id, kind=Kind.UNHAPPY,
                        body="My social worker never rings me back", channel=Channel.WEB)
    with transaction():
        return auth.open_session(young_person_id=person.id)


def main():
    app = create_app()
    with app.app_context():
        tokens = {role.value: staff_token(role) for role in Role}
        tokens["young_person"] = young_person_token()
    print(json.dumps(tokens))


if __name__ == "__main__":
    main()
