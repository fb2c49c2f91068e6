"""The duty team can tell who an alert is about and reach them through the service; each look is audited
and the number is shown only to the person about to call it."""
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from tests.staff_pages.conftest import text_of
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db

NUMBER = "+447911123456"
CASE_REFERENCE = "LCC/2024-00123"


def _alert_for(api_as, **person):
    young = YoungPersonFactory(**person)
    return young, api_as(young_person=young).post("/api/v1/unsafe").json["alert_id"]


def _actions():
    return db.session.scalars(sa.select(AuditEvent.action)).all()


def test_the_alert_says_who_they_are_by_reference_without_their_number(api_as, as_role):
    young, alert_id = _alert_for(api_as, phone=NUMBER)
    page = as_role("senior_leader").get(f"/staff/alerts/{alert_id}")
    words = text_of(page)
    assert f"YP-{young.id.hex[:8].upper()}" in words and "ending 456" in words
    assert "7911123456" not in page.get_data(as_text=True)
    assert "safeguarding_alert.identity" in _actions()


def test_texting_them_from_the_alert_sends_through_the_service(api_as, as_role, sent_sms):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    sent = as_role("voice_officer").post(f"/staff/alerts/{alert_id}/text", {"body": "It's Sam from Leeds. Are you safe now?"})
    assert sent.status_code == 303 and "texted=1" in sent.headers["Location"]
    assert any(sms["to"] == NUMBER and "Are you safe now?" in sms["body"] for sms in sent_sms)
    assert "safeguarding_alert.text" in _actions()


def test_an_empty_text_is_the_page_again_with_the_reason_beside_the_box(api_as, as_role, sent_sms):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    refused = as_role("senior_leader").post(f"/staff/alerts/{alert_id}/text", {"body": ""})
    assert refused.status_code == 422 and "There is a problem" in text_of(refused)
    assert 'href="#body"' in refused.get_data(as_text=True) and not [s for s in sent_sms if s["to"] == NUMBER]


def test_the_number_is_shown_only_when_asked_and_each_showing_is_audited(api_as, as_role):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    browser = as_role("senior_leader")
    shown = browser.post(f"/staff/alerts/{alert_id}/number")
    assert shown.status_code == 200 and f'href="tel:{NUMBER}"' in shown.get_data(as_text=True)
    assert "safeguarding_alert.phone_shown" in _actions()
    assert NUMBER not in browser.get(f"/staff/alerts/{alert_id}").get_data(as_text=True)


def test_someone_with_no_number_is_said_so_and_cannot_be_texted(api_as, as_role):
    _young, alert_id = _alert_for(api_as)
    browser = as_role("senior_leader")
    assert "We hold no number for them" in text_of(browser.get(f"/staff/alerts/{alert_id}"))
    refused = browser.post(f"/staff/alerts/{alert_id}/text", {"body": "Are you safe?"})
    assert refused.status_code == 409 and "no phone number" in text_of(refused)


def test_the_reference_appears_on_no_message_page(api_as, as_role):
    young = YoungPersonFactory(phone=NUMBER, case_reference=CASE_REFERENCE)
    sent = api_as(young_person=young).post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came"}).json
    browser = as_role("senior_leader")
    for path in ("/staff/", "/staff/messages", f"/staff/messages/{sent['id']}"):
        page = browser.get(path).get_data(as_text=True)
        assert f"YP-{young.id.hex[:8].upper()}" not in page and "ending 456" not in page
        assert CASE_REFERENCE not in page


def test_the_case_reference_is_shown_on_the_alert_and_the_look_is_audited(api_as, as_role):
    _young, alert_id = _alert_for(api_as, phone=NUMBER, case_reference=CASE_REFERENCE)
    words = text_of(as_role("senior_leader").get(f"/staff/alerts/{alert_id}"))
    assert f"Case-system reference {CASE_REFERENCE} (find their record with it)" in words
    assert "use their case-system reference" in words and "safeguarding_alert.identity" in _actions()


def test_an_alert_about_someone_with_no_case_reference_says_none_is_recorded(api_as, as_role):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    assert "Case-system reference None recorded" in text_of(as_role("senior_leader").get(f"/staff/alerts/{alert_id}"))


def test_the_case_reference_is_on_no_other_page_or_api_answer(api_as, as_role):
    young = YoungPersonFactory(phone=NUMBER, case_reference=CASE_REFERENCE)
    sent = api_as(young_person=young).post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came"}).json
    officer, officer_api = as_role("voice_officer"), api_as("voice_officer")
    pages = [officer.get(path) for path in ("/staff/", "/staff/messages", f"/staff/messages/{sent['id']}",
                                            "/staff/young-people", f"/staff/young-people/{young.id}", "/staff/audit")]
    answers = [officer_api.get(path) for path in (f"/api/v1/young-people/{young.id}", f"/api/v1/messages/{sent['id']}",
                                                  "/api/v1/messages", "/api/v1/audit-events")]
    answers.append(api_as(young_person=young).get("/api/v1/me"))
    for response in pages + answers:
        assert response.status_code == 200 and CASE_REFERENCE not in response.get_data(as_text=True)
    assert "Held (shown only on a safeguarding alert)" in text_of(pages[4])


def test_the_alert_shows_plain_words_and_uk_time(api_as, as_role, clock):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    words = text_of(as_role("senior_leader").get(f"/staff/alerts/{alert_id}"))
    assert "Tue 24 Nov 2026, 10:00" in words and "unsafe choice" not in words and " en)" not in words


def test_the_alert_names_their_worker_where_one_is_held_so_the_duty_team_can_ask_them(api_as, as_role):
    young, alert_id = _alert_for(api_as, phone=NUMBER, worker_name="Priya Shah", worker_email="priya.shah@leeds.gov.uk")
    words = text_of(as_role("senior_leader").get(f"/staff/alerts/{alert_id}"))
    assert "Priya Shah" in words and "priya.shah@leeds.gov.uk" in words and "ask their worker" in words


def test_without_a_worker_the_alert_says_none_is_recorded(api_as, as_role):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    words = text_of(as_role("senior_leader").get(f"/staff/alerts/{alert_id}"))
    assert "None recorded" in words and "ask their worker" not in words


def _history(browser, alert_id):
    return text_of(browser.get(f"/staff/alerts/{alert_id}")).split("History", 1)[-1]


def test_a_text_from_the_alert_is_in_its_history_with_who_and_when(api_as, as_role, clock):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    officer = as_role("voice_officer", display_name="Sam Duty")
    officer.post(f"/staff/alerts/{alert_id}/text", {"body": "It's Sam from Leeds. Are you safe now?"})
    history = _history(officer, alert_id)
    assert "Young person texted by Sam Duty" in history and "Are you safe now?" in history
    assert "24 Nov 2026, 10:00" in history


def test_showing_the_number_is_in_the_alert_s_history_with_who(api_as, as_role):
    _young, alert_id = _alert_for(api_as, phone=NUMBER)
    leader = as_role("senior_leader", display_name="Alex Lead")
    leader.post(f"/staff/alerts/{alert_id}/number")
    assert "Phone number shown to call them by Alex Lead" in _history(leader, alert_id)
    events = api_as(role="senior_leader").get(f"/api/v1/alerts/{alert_id}").json["events"]
    assert [(e["kind"], e["actor_name"]) for e in events if e["kind"] == "number_shown"] == [("number_shown", "Alex Lead")]
