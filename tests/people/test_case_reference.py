"""Staff record a young person's case-system reference where they record the worker: checked for shape, audited,
and never given back anywhere but the safeguarding alert (tests/staff_pages/test_alert_contact.py)."""
import uuid

import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson


def _stored(person):
    db.session.expire_all()
    return db.session.get(YoungPerson, person.id).case_reference


def test_a_case_reference_is_recorded_audited_and_only_said_to_be_held(api_as):
    person = YoungPersonFactory()
    answer = api_as("senior_leader").put(f"/api/v1/young-people/{person.id}/case-reference",
                                         json={"case_reference": "LCC/2024-00123"})
    assert answer.status_code == 200 and answer.json["has_case_reference"] is True
    assert "LCC/2024-00123" not in answer.get_data(as_text=True) and _stored(person) == "LCC/2024-00123"
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "young_person.set_case_reference"))
    assert event.object_id == person.id and "LCC" not in str(event.detail)


@pytest.mark.parametrize("cleared", [None, ""])
def test_an_empty_case_reference_removes_the_one_held(api_as, cleared):
    person = YoungPersonFactory(case_reference="LCC-1")
    answer = api_as("voice_officer").put(f"/api/v1/young-people/{person.id}/case-reference",
                                         json={"case_reference": cleared})
    assert answer.json["has_case_reference"] is False and _stored(person) is None


@pytest.mark.parametrize("bad", ["LCC 2024", "x" * 33, "<script>", "LCC_1", "١٢٣"])
def test_a_case_reference_of_the_wrong_shape_is_refused_naming_the_field(api_as, bad):
    person = YoungPersonFactory()
    answer = api_as("voice_officer").put(f"/api/v1/young-people/{person.id}/case-reference",
                                         json={"case_reference": bad})
    assert answer.status_code == 422 and "case_reference" in answer.json["errors"] and _stored(person) is None


def test_a_case_reference_needs_the_field(api_as):
    answer = api_as("voice_officer").put(f"/api/v1/young-people/{YoungPersonFactory().id}/case-reference", json={})
    assert answer.status_code == 422 and "case_reference" in answer.json["errors"]


def test_a_young_person_registered_with_a_case_reference_keeps_it(api_as):
    made = api_as("voice_officer").post("/api/v1/young-people", json={"cohort": "care_leaver", "age_band": "18-21",
                                                                       "case_reference": "LCC-77"})
    assert made.status_code == 201 and made.json["has_case_reference"] is True
    assert db.session.get(YoungPerson, uuid.UUID(made.json["id"])).case_reference == "LCC-77"


@pytest.mark.parametrize("role", ["priority_lead", "board_member"])
def test_only_casework_roles_record_a_case_reference(api_as, role):
    answer = api_as(role).put(f"/api/v1/young-people/{YoungPersonFactory().id}/case-reference",
                              json={"case_reference": "LCC-1"})
    assert answer.status_code == 403
