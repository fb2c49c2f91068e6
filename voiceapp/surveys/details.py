"""Changing a survey's details after it was created: title, description, titles in other languages, audience
(cohort, age bands, voice groups) and the opening and closing dates."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.surveys.definitions import get_survey
from voiceapp.surveys.models import SurveyResponse

DETAILS = ("title", "description", "translations", "cohort", "age_bands", "voice_groups", "opens_at", "closes_at")


def change_details(*, actor, survey_id, **changes):
    """Change any of a survey's details; only the fields given change, and each change is audited.

    What may change, and when:
    - title, description and titles in other languages: at any time (a typo found after publishing is fixed).
    - closing date: at any time, but never at or before the opening date (422 on closes_at); to close now, use
      close_survey.
    - opening date: freely until the survey has opened; once it is published and its opening has passed,
      young people may already have answered, so it cannot move later than now (409 on opens_at).
    - audience: freely until anyone was invited or answered; after that it may grow (a cohort dropped, age
      bands or voice groups added, or a list emptied to mean everyone) but not shrink, so nobody who was asked
      finds the survey gone (409 on the field that would narrow it).
    """
    survey = get_survey(survey_id)
    given = {field: _plain(value) for field, value in changes.items() if field in DETAILS}
    opens_at, closes_at = given.get("opens_at", survey.opens_at), given.get("closes_at", survey.closes_at)
    if closes_at <= opens_at:
        raise Invalid(_l("A survey must close after it opens"), field="closes_at", reason="must be after opens_at")
    if "opens_at" in given:
        _check_opening(survey, given["opens_at"])
    _check_audience(survey, given)
    changed = sorted(field for field, value in given.items() if _plain(getattr(survey, field)) != value)
    with transaction():
        for field in changed:
            setattr(survey, field, given[field])
        audit.record(actor=actor, action="survey.details", object_type="survey", object_id=survey.id,
                     detail={"changed": changed})
    return survey


def _plain(value):
    if isinstance(value, list):
        return sorted({getattr(item, "value", item) for item in value})
    return value


def _check_opening(survey, opens_at):
    now = utcnow()
    if survey.published_version is not None and survey.opens_at <= now and opens_at > now:
        raise Conflict(_l("This survey has opened and young people may have answered: its opening date cannot "
                          "move later"), field="opens_at", reason="the survey has already opened")


def _asked(survey):
    """Whether anyone was invited to the survey or has started answering it."""
    invited = audit.list_events(object_id=survey.id, action="survey.invite", limit=1)
    return bool(invited) or db.session.scalar(
        sa.select(sa.func.count()).select_from(SurveyResponse).where(SurveyResponse.survey_id == survey.id)) > 0


def _narrows(before, after):
    """An empty list means everyone: narrowing is going from everyone to some, or dropping any that were in."""
    if not after:
        return False
    return not before or not set(before) <= set(after)


def _check_audience(survey, given):
    touched = [field for field in ("cohort", "age_bands", "voice_groups") if field in given]
    if not touched or not _asked(survey):
        return
    cohort = getattr(given.get("cohort", survey.cohort), "value", given.get("cohort", survey.cohort))
    before = getattr(survey.cohort, "value", survey.cohort)
    narrowed = ["cohort"] if cohort is not None and cohort != before else []
    narrowed += [field for field in ("age_bands", "voice_groups")
                 if field in given and _narrows(getattr(survey, field), given[field])]
    if narrowed:
        raise Conflict(_l("Young people have already been asked to answer this survey: its audience can grow but "
                          "not shrink"), field=narrowed[0], reason="the audience was invited; it cannot narrow")
