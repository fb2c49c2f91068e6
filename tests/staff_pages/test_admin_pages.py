"""The administrators' pages: registering young people and invitations, staff accounts, the audit trail,
reply templates and surveys, each form's success and its refusal as a page."""
import sqlalchemy as sa

from tests.factories import StaffFactory, SurveyFactory
from tests.staff_pages.conftest import text_of
from voiceapp.auth.models import StaffUser
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.surveys.models import Survey
from voiceapp.tellus.models import ReplyTemplate


def test_a_young_person_is_registered_and_given_an_invitation_code(as_role):
    browser = as_role("voice_officer")
    made = browser.post("/staff/young-people", {"cohort": "care_leaver", "age_band": "18-21", "language": "en"})
    assert made.status_code == 303
    person = db.session.scalar(sa.select(YoungPerson))
    page = text_of(browser.get(made.headers["Location"]))
    assert f"YP-{person.id.hex[:8].upper()}" in page and "Care leaver" in page
    issued = browser.post(f"/staff/young-people/{person.id}/invitations")
    assert issued.status_code == 200 and "Invitation code" in text_of(issued)


def test_registering_without_a_cohort_or_age_names_both(as_role):
    refused = as_role("voice_officer").post("/staff/young-people", {"language": "en"})
    words = text_of(refused)
    assert refused.status_code == 422 and "Choose child in care or care leaver" in words and "Choose their age band" in words
    assert db.session.scalar(sa.select(sa.func.count()).select_from(YoungPerson)) == 0


def test_a_young_person_is_found_by_number(as_role):
    browser = as_role("voice_officer")
    browser.post("/staff/young-people", {"cohort": "care_leaver", "age_band": "18-21", "phone": "07911 123456"})
    found = browser.post("/staff/young-people/find", {"phone": "07911123456"})
    assert found.status_code == 303
    missing = browser.post("/staff/young-people/find", {"phone": "07911654321"})
    assert missing.status_code in (404, 422) and 'href="#find_phone"' in missing.get_data(as_text=True)


def test_a_staff_account_is_added_and_disabled(as_role):
    browser = as_role("voice_officer")
    made = browser.post("/staff/accounts", {"display_name": "Sam Leader", "email": "sam@leeds.example",
                                            "role": "senior_leader", "password": "purple elephants dance at noon"})
    assert made.status_code == 303
    sam = db.session.scalar(sa.select(StaffUser).where(StaffUser.email == "sam@leeds.example"))
    assert browser.post(f"/staff/accounts/{sam.id}", {"is_active": "false"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(StaffUser, sam.id).is_active is False


def test_a_council_member_under_15_is_refused_beside_the_age(as_role):
    account = {"display_name": "Jo", "email": "jo@leeds.example", "role": "council_member",
               "council": "have_a_voice", "password": "purple elephants dance at noon"}
    refused = as_role("voice_officer").post("/staff/accounts", {**account, "age": "14"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'href="#age"' in page and "Council members must be 15 or over" in text_of(refused)
    assert as_role("voice_officer").post("/staff/accounts", {**account, "age": "15"}).status_code == 303


def test_a_weak_password_is_refused_beside_the_field(as_role):
    refused = as_role("voice_officer").post("/staff/accounts", {"display_name": "Sam", "email": "sam@leeds.example",
                                                                "role": "senior_leader", "password": "password"})
    assert refused.status_code == 422 and 'href="#password"' in refused.get_data(as_text=True)


def test_the_audit_trail_lists_and_downloads(as_role):
    browser = as_role("voice_officer")
    browser.get("/staff/messages")
    assert "message.list" in text_of(browser.get("/staff/audit"))
    csv = browser.get("/staff/audit.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv" and b"message.list" in csv.data


def test_a_bad_audit_filter_is_a_page(as_role):
    refused = as_role("voice_officer").get("/staff/audit?object_id=not-an-id")
    assert refused.status_code == 422 and refused.mimetype == "text/html"


def test_a_reply_template_is_added_and_retired(as_role):
    browser = as_role("voice_officer")
    made = browser.post("/staff/reply-templates", {"title": "Thanks", "language": "en", "body": "Thank you for telling us."})
    assert made.status_code == 303
    template = db.session.scalar(sa.select(ReplyTemplate))
    assert browser.post(f"/staff/reply-templates/{template.id}", {"active": "false"}).status_code == 303


def test_a_reply_template_without_words_is_refused(as_role):
    refused = as_role("voice_officer").post("/staff/reply-templates", {"title": "", "language": "en", "body": ""})
    assert refused.status_code == 422 and "Give the template a title" in text_of(refused)


def test_a_senior_leader_reads_templates_but_cannot_add_one(as_role):
    browser = as_role("senior_leader")
    assert browser.get("/staff/reply-templates").status_code == 200
    assert browser.post("/staff/reply-templates", {"title": "x", "language": "en", "body": "y"}).status_code == 403


def test_a_survey_is_published_and_its_invitations_texted(as_role):
    survey = SurveyFactory()
    browser = as_role("voice_officer")
    assert survey.title in text_of(browser.get("/staff/surveys"))
    browser.post(f"/staff/surveys/{survey.id}/publish")
    sent = browser.post(f"/staff/surveys/{survey.id}/invitations")
    assert sent.status_code == 200 and "texts queued" in text_of(sent)


def test_survey_dates_the_wrong_way_round_are_refused_on_the_page(as_role):
    survey = SurveyFactory()
    refused = as_role("voice_officer").post(f"/staff/surveys/{survey.id}/window",
                                            {"opens_at": "2026-12-20T09:00", "closes_at": "2026-12-01T09:00"})
    assert refused.status_code == 422 and "There is a problem" in text_of(refused)
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).closes_at > db.session.get(Survey, survey.id).opens_at


def test_survey_dates_are_read_as_uk_time(as_role):
    survey = SurveyFactory()
    as_role("voice_officer").post(f"/staff/surveys/{survey.id}/window",
                                  {"opens_at": "2027-07-01T09:00", "closes_at": "2027-07-31T17:00"})
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).opens_at.hour == 8      # 09:00 British Summer Time


def test_a_priority_lead_is_refused_the_admin_pages(as_role):
    lead = as_role("priority_lead")
    assert lead.get("/staff/young-people").status_code == 403 and lead.get("/staff/accounts").status_code == 403
