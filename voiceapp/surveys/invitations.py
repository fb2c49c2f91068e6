"""Inviting a survey's audience by text: one bulk queue, honouring opt-outs, pauses and quiet hours."""
import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict
from voiceapp.messaging.bulk import queue_bulk_sms
from voiceapp.people.models import YoungPerson
from voiceapp.surveys.definitions import get_survey

INVITATION = _l("A new survey is open: %(title)s. Reply 3 to answer by text. It closes %(date)s.")


def audience_of(survey):
    """The young people a survey is for, as a select of ids (never loaded into Python)."""
    query = sa.select(YoungPerson.id).where(YoungPerson.erased_at.is_(None))
    if survey.cohort is not None:
        query = query.where(YoungPerson.cohort == survey.cohort)
    if survey.age_bands:
        query = query.where(YoungPerson.age_band.in_(survey.age_bands))
    return query


def invite_to_survey(*, actor, survey_id):
    """Text the audience that an open survey is waiting; the texts expire when the survey closes."""
    survey = get_survey(survey_id)
    if not survey.is_open(utcnow()):
        raise Conflict(_l("Only an open survey can be sent out"), field="survey_id", reason="the survey is not open")
    body = str(INVITATION) % {"title": survey.title, "date": format_date(survey.closes_at, "d MMM")}
    with transaction():
        result = queue_bulk_sms(audience=audience_of(survey), body=body, purpose="survey_invite",
                                valid_for=survey.closes_at - utcnow())
        audit.record(actor=actor, action="survey.invite", object_type="survey", object_id=survey.id,
                     detail={"queued": result.queued})
    return result
