"""Inviting a survey's audience by text: one bulk queue, honouring opt-outs, pauses and quiet hours."""
import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict
from voiceapp.messaging.bulk import queue_bulk_sms
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.surveys.definitions import get_survey
from voiceapp.surveys.models import SurveyResponse

INVITATION = _l("A new survey is open: %(title)s. Reply 3 to answer by text. It closes %(date)s.")
REMINDER = _l("A reminder: the survey %(title)s is still open and we would love your answers. Reply 3 to answer "
              "by text. It closes %(date)s.")


def audience_of(survey):
    """The young people a survey is for, as a select of ids (never loaded into Python)."""
    query = sa.select(YoungPerson.id).where(YoungPerson.erased_at.is_(None))
    if survey.cohort is not None:
        query = query.where(YoungPerson.cohort == survey.cohort)
    if survey.age_bands:
        query = query.where(YoungPerson.age_band.in_(survey.age_bands))
    if survey.voice_groups:
        query = query.where(YoungPerson.id.in_(sa.select(YoungPersonVoiceGroup.young_person_id)
                                               .where(YoungPersonVoiceGroup.group.in_(survey.voice_groups))))
    return query


def remind_non_responders(*, actor, survey_id):
    """Text, once per survey, everyone in its audience who has not sent it yet (same opt-outs and hours)."""
    survey = get_survey(survey_id)
    if not survey.is_open(utcnow()):
        raise Conflict(_l("Only an open survey can be sent out"), field="survey_id", reason="the survey is not open")
    if survey.reminded_at is not None:
        raise Conflict(_l("This survey's one reminder has been sent"), field="survey_id",
                       reason="a survey sends one reminder only")
    sent = sa.select(SurveyResponse.young_person_id).where(SurveyResponse.survey_id == survey.id,
                                                           SurveyResponse.submitted_at.is_not(None))
    body = str(REMINDER) % {"title": survey.title, "date": format_date(survey.closes_at, "d MMM")}
    with transaction():
        result = queue_bulk_sms(audience=audience_of(survey).where(YoungPerson.id.not_in(sent)), body=body,
                                purpose="reminder", valid_for=survey.closes_at - utcnow())
        survey.reminded_at = utcnow()
        audit.record(actor=actor, action="survey.remind", object_type="survey", object_id=survey.id,
                     detail={"queued": result.queued})
    return result


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
