"""A survey's details change after creation: title and description at any time, dates within the rules, and
an audience that can grow but not shrink once young people were asked."""
import uuid
from datetime import timedelta

import pytest

from tests.factories import StaffFactory, SurveyFactory, YoungPersonFactory
from voiceapp.audit.models import AuditEvent
from voiceapp.auth.actors import Actor
from voiceapp.database import utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.surveys import details, invitations


@pytest.fixture
def officer_actor(app):
    return Actor.for_staff(StaffFactory(role="voice_officer"))


def _draft(**fields):
    return SurveyFactory(questions__draft=True, opens_at=utcnow() + timedelta(days=2), closes_at=utcnow() + timedelta(days=30),
                         **fields)


def _invited(survey, officer_actor):
    person = YoungPersonFactory()
    people.attach_phone(person, "07911 123456")
    invitations.invite_to_survey(actor=officer_actor, survey_id=survey.id)


def test_a_draft_s_title_audience_and_dates_all_change_and_the_change_is_audited(clock, officer_actor):
    survey = _draft()
    opens = utcnow() + timedelta(days=5)
    details.change_details(actor=officer_actor, survey_id=survey.id, title="Your new home", cohort="care_leaver",
                           age_bands=["18-21"], opens_at=opens, closes_at=opens + timedelta(days=7))
    assert (survey.title, survey.cohort.value, survey.age_bands) == ("Your new home", "care_leaver", ["18-21"])
    assert survey.closes_at - survey.opens_at == timedelta(days=7)
    event = db.session.query(AuditEvent).filter_by(action="survey.details", object_id=survey.id).one()
    assert event.detail["changed"] == ["age_bands", "closes_at", "cohort", "opens_at", "title"]


def test_only_the_fields_given_change(clock, officer_actor):
    survey = _draft(description="About home", voice_groups=["send"])
    details.change_details(actor=officer_actor, survey_id=survey.id, title="Home")
    assert (survey.title, survey.description, survey.voice_groups) == ("Home", "About home", ["send"])


def test_closing_before_opening_is_refused_on_the_closing_date(clock, officer_actor):
    survey = _draft()
    with pytest.raises(Invalid) as refused:
        details.change_details(actor=officer_actor, survey_id=survey.id, closes_at=survey.opens_at)
    assert refused.value.field == "closes_at"


def test_an_open_survey_cannot_open_later_but_can_close_later(clock, officer_actor):
    survey = SurveyFactory()
    with pytest.raises(Conflict) as refused:
        details.change_details(actor=officer_actor, survey_id=survey.id, opens_at=utcnow() + timedelta(days=1))
    assert refused.value.field == "opens_at"
    later = survey.closes_at + timedelta(days=14)
    details.change_details(actor=officer_actor, survey_id=survey.id, closes_at=later)
    assert survey.closes_at == later


@pytest.mark.parametrize("narrower, field", [({"cohort": "care_leaver"}, "cohort"),
                                             ({"age_bands": ["13-15"]}, "age_bands"),
                                             ({"voice_groups": ["residential_home"]}, "voice_groups")])
def test_once_invitations_went_the_audience_cannot_narrow(clock, officer_actor, narrower, field):
    survey = SurveyFactory(age_bands=["13-15", "16-17"], voice_groups=["send"])
    _invited(survey, officer_actor)
    with pytest.raises(Conflict) as refused:
        details.change_details(actor=officer_actor, survey_id=survey.id, **narrower)
    assert refused.value.field == field


def test_once_invitations_went_the_audience_can_still_grow(clock, officer_actor):
    survey = SurveyFactory(cohort="child_in_care", age_bands=["13-15"], voice_groups=["send"])
    _invited(survey, officer_actor)
    details.change_details(actor=officer_actor, survey_id=survey.id, cohort=None, age_bands=["13-15", "16-17"],
                           voice_groups=[])
    assert (survey.cohort, survey.age_bands, survey.voice_groups) == (None, ["13-15", "16-17"], [])


# --- PATCH /api/v1/surveys/<id> ---------------------------------------------------------------------------

def test_the_voice_team_changes_a_survey_s_title_and_dates_over_the_api(api_as, clock):
    survey = _draft()
    changed = api_as("voice_officer").patch(f"/api/v1/surveys/{survey.id}", json={
        "title": "Where you live", "description": "Five questions", "translations": {"ar": {"title": "مكانك"}},
        "opens_at": "2026-12-01T09:00:00Z", "closes_at": "2026-12-31T17:00:00Z"})
    assert changed.status_code == 200
    assert (changed.json["title"], changed.json["description"]) == ("Where you live", "Five questions")
    assert (changed.json["opens_at"], changed.json["closes_at"]) == ("2026-12-01T09:00:00+00:00",
                                                                     "2026-12-31T17:00:00+00:00")
    assert survey.translations == {"ar": {"title": "مكانك"}}


@pytest.mark.parametrize("body, field", [({"title": ""}, "title"), ({"cohort": "everyone"}, "cohort"),
                                         ({"age_bands": ["9-99"]}, "age_bands.0"), ({"opens_at": "soon"}, "opens_at"),
                                         ({"questions": []}, "questions"), ({"translations": {"xx": {}}}, "translations")])
def test_bad_details_are_refused_naming_the_field(api_as, clock, body, field):
    response = api_as("voice_officer").patch(f"/api/v1/surveys/{_draft().id}", json=body)
    assert response.status_code == 422 and any(key.startswith(field) for key in response.json["errors"])


def test_closing_before_opening_over_the_api_names_the_closing_date(api_as, clock):
    response = api_as("voice_officer").patch(f"/api/v1/surveys/{_draft().id}",
                                             json={"opens_at": "2026-12-10T09:00:00Z", "closes_at": "2026-12-01T09:00:00Z"})
    assert response.status_code == 422 and "closes_at" in response.json["errors"]


def test_narrowing_an_invited_audience_over_the_api_is_a_conflict(api_as, clock, officer_actor):
    survey = SurveyFactory()
    _invited(survey, officer_actor)
    response = api_as("voice_officer").patch(f"/api/v1/surveys/{survey.id}", json={"cohort": "care_leaver"})
    assert response.status_code == 409 and "cohort" in response.json["errors"]


def test_an_unknown_survey_is_not_found(api_as, clock):
    assert api_as("voice_officer").patch(f"/api/v1/surveys/{uuid.uuid4()}", json={"title": "x"}).status_code == 404


@pytest.mark.parametrize("role", ["senior_leader", "priority_lead", "board_member"])
def test_only_the_voice_team_changes_a_survey(api_as, clock, role):
    assert api_as(role).patch(f"/api/v1/surveys/{_draft().id}", json={"title": "x"}).status_code == 403
