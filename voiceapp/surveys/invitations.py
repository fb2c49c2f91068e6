"""Inviting a survey's audience by text: one bulk queue, honouring opt-outs, pauses and quiet hours."""
import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.i18n import sms_date
from voiceapp.messaging.bulk import BulkResult, queue_bulk_sms
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


def _in_each_language(survey, audience, text, **queue):
    """Queue the text to the audience in each person's own language (the languages the audience holds, so a
    new language needs nothing here), with the survey's title in that language where it has one."""
    result = BulkResult()
    for language in db.session.scalars(sa.select(sa.distinct(YoungPerson.language))
                                       .where(YoungPerson.id.in_(audience))).all():
        title = (survey.translations or {}).get(language, {}).get("title") or survey.title
        with force_locale(language):
            body = str(text) % {"title": title, "date": sms_date(survey.closes_at, "d MMM")}
        part = queue_bulk_sms(audience=audience.where(YoungPerson.language == language), body=body, **queue)
        for field in ("queued", "opted_out", "paused", "no_phone"):
            setattr(result, field, getattr(result, field) + getattr(part, field))
    return result


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
    with transaction():
        result = _in_each_language(survey, audience_of(survey).where(YoungPerson.id.not_in(sent)), REMINDER,
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
    with transaction():
        result = _in_each_language(survey, audience_of(survey), INVITATION, purpose="survey_invite",
                                   valid_for=survey.closes_at - utcnow())
        audit.record(actor=actor, action="survey.invite", object_type="survey", object_id=survey.id,
                     detail={"queued": result.queued})
    return result
