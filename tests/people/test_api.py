"""Young people's profiles: pseudonymous, private by default, numbers kept apart."""
import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.extensions import db


def test_a_young_person_is_registered_with_only_cohort_and_age_band_and_private_defaults(api_as):
    created = api_as("voice_officer").post("/api/v1/young-people",
                                           json={"cohort": "care_leaver", "age_band": "18-21"})
    assert created.status_code == 201
    assert created.json["consent_to_quote"] is False and created.json["consent_to_contact"] is False


@pytest.mark.parametrize("extra", [{"name": "Sam"}, {"date_of_birth": "2010-01-01"}, {"age_band": "9-10"}])
def test_names_dates_of_birth_and_unknown_age_bands_are_refused(api_as, extra):
    response = api_as("voice_officer").post("/api/v1/young-people",
                                            json={"cohort": "care_leaver", "age_band": "18-21", **extra})
    assert response.status_code == 422


def test_staff_see_the_number_masked(api_as):
    officer = api_as("voice_officer")
    created = officer.post("/api/v1/young-people", json={"cohort": "child_in_care", "age_band": "13-15",
                                                         "phone": "07911 123456"}).json
    assert created["phone_masked"] == "+44•••••••456"


def test_staff_find_a_young_person_by_number_sent_in_the_body(api_as):
    person = YoungPersonFactory(phone="07911 123456")
    found = api_as("senior_leader").post("/api/v1/young-people/lookup", json={"phone": "+44 7911 123456"})
    assert found.json["id"] == str(person.id)


def test_a_number_belongs_to_one_young_person_only(api_as):
    YoungPersonFactory(phone="07911 123456")
    response = api_as("voice_officer").post("/api/v1/young-people", json={
        "cohort": "child_in_care", "age_band": "13-15", "phone": "07911123456"})
    assert response.status_code == 409
    assert "phone" in response.json["errors"]


def test_the_number_is_not_stored_in_the_clear_anywhere(api_as):
    api_as("voice_officer").post("/api/v1/young-people", json={"cohort": "child_in_care", "age_band": "13-15",
                                                               "phone": "07911 123456"})
    for table in ("young_people", "phone_numbers"):
        rows = db.session.execute(sa.text(f"SELECT * FROM {table}")).all()
        assert not any("7911123456" in str(value) for row in rows for value in row)


def test_a_young_person_changes_language_groups_and_consents(yp):
    changed = yp.patch("/api/v1/me", json={"language": "ar", "voice_groups": ["unaccompanied_asylum_seeking"],
                                           "consent_to_quote": True})
    assert changed.status_code == 200
    assert changed.json["language"] == "ar"
    assert changed.json["voice_groups"] == ["unaccompanied_asylum_seeking"]
    assert yp.get("/api/v1/me").json["consent_to_quote"] is True


@pytest.mark.parametrize("change", [{"cohort": "care_leaver"}, {"language": "xx"}, {"voice_groups": ["vip"]}])
def test_a_young_person_cannot_change_what_staff_set_or_pick_unknown_values(yp, change):
    assert yp.patch("/api/v1/me", json=change).status_code == 422
