"""Setting up what a browser test needs, on the server's database, through the services."""
import secrets
from uuid import UUID

from tests.factories import SurveyFactory
from voiceapp.auth import codes
from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import Role
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.tellus import replies


def staff(role=Role.SENIOR_LEADER):
    user = auth.create_staff(actor=SYSTEM, email=f"{secrets.token_hex(4)}@example.org", display_name="Sam Leader",
                             role=role, password="a long browser passphrase")
    return Actor.for_staff(user)


def invited_young_person():
    """(young_person_id, invitation code) for a new young person in care, aged 13 to 15."""
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15)
    code, _invitation = codes.issue_invitation(actor=staff(Role.VOICE_OFFICER), young_person_id=person.id)
    return person.id, code


def survey_of_every_question_type():
    """(survey id, title): a survey with a question of each type, titled apart from every other test's."""
    title = f"Your home {secrets.token_hex(2)}"
    survey = SurveyFactory(title=title)
    db.session.commit()
    return survey.id, title


def staff_reply(message_id, body):
    replies.reply_to_message(actor=staff(), message_id=UUID(str(message_id)), body=body)
