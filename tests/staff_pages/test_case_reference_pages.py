"""The voice team records a young person's case-system reference in the browser, at registration or on their
page: refused beside the field when it is the wrong shape, and never shown back (only "held")."""
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from tests.staff_pages.conftest import text_of
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson


def _stored(person):
    db.session.expire_all()
    return db.session.get(YoungPerson, person.id).case_reference


def test_the_voice_team_registers_someone_with_a_case_reference(as_role):
    made = as_role("voice_officer").post("/staff/young-people", {"cohort": "care_leaver", "age_band": "18-21",
                                                                "language": "en", "case_reference": "LCC/9"})
    assert made.status_code == 303
    assert db.session.scalar(sa.select(YoungPerson.case_reference).where(YoungPerson.case_reference.is_not(None))) == "LCC/9"


def test_registering_with_a_bad_case_reference_is_refused_beside_the_field(as_role):
    refused = as_role("voice_officer").post("/staff/young-people", {"cohort": "care_leaver", "age_band": "18-21",
                                                                   "language": "en", "case_reference": "LCC 9!"})
    assert refused.status_code == 422
    assert "Enter their case-system reference: letters, digits, - and / only, up to 32" in text_of(refused)
    assert 'href="#case_reference"' in refused.get_data(as_text=True)


def test_the_voice_team_sets_and_removes_a_case_reference_on_the_young_person_s_page(as_role):
    person = YoungPersonFactory()
    browser = as_role("voice_officer")
    page = f"/staff/young-people/{person.id}"
    assert browser.post(f"{page}/case-reference", {"case_reference": "LCC-2024-5"}).status_code == 303
    assert _stored(person) == "LCC-2024-5"
    shown = browser.get(page)
    assert "Held (shown only on a safeguarding alert)" in text_of(shown) and "LCC-2024-5" not in shown.get_data(as_text=True)
    assert browser.post(f"{page}/case-reference", {"case_reference": ""}).status_code == 303
    assert _stored(person) is None


def test_a_bad_case_reference_on_the_young_person_s_page_is_refused_beside_the_field(as_role):
    person = YoungPersonFactory(case_reference="LCC-1")
    refused = as_role("voice_officer").post(f"/staff/young-people/{person.id}/case-reference",
                                            {"case_reference": "x" * 40})
    assert refused.status_code == 422 and "letters, digits, - and / only, up to 32" in text_of(refused)
    assert _stored(person) == "LCC-1"
