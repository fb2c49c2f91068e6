"""Staff work from pages in a browser: the link in a duty email leads to the alert, and messages are answered."""
import re
import uuid

import pytest
import sqlalchemy as sa

from tests.factories import STAFF_PASSWORD, StaffFactory
from tests.safeguarding.test_alerts import DUTY, RISK
from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db
from voiceapp.safeguarding.models import AlertStatus, SafeguardingAlert
from voiceapp.tellus.models import Message, MessageNote, Status


@pytest.fixture
def config_overrides():
    return DUTY


class Browser:
    """A test client that keeps cookies, follows nothing by itself and fills in the form token like a page."""

    def __init__(self, app):
        self.client = app.test_client()
        self.client.environ_base["wsgi.url_scheme"] = "https"   # the session cookie is Secure and __Host-

    def get(self, path):
        return self.client.get(path, base_url="https://voice.example.org")

    def post(self, path, data=None, *, token=True):
        data = dict(data or {})
        if token:
            data["csrf_token"] = self.csrf_token()
        return self.client.post(path, data=data, base_url="https://voice.example.org")

    def csrf_token(self):
        page = self.get("/staff/").get_data(as_text=True)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        return found.group(1) if found else ""

    def sign_in(self, user, next_page=""):
        return self.post("/staff/sign-in", {"email": user.email, "password": STAFF_PASSWORD, "next": next_page})


@pytest.fixture
def browser(app):
    return Browser(app)


@pytest.fixture
def leader(app):
    return StaffFactory(role="senior_leader", display_name="Aisha Khan")


@pytest.fixture
def alert_id(yp):
    return yp.post("/api/v1/unsafe").json["alert_id"]


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_the_link_in_the_duty_email_leads_through_sign_in_to_the_alert(app, browser, leader, alert_id, sent_email):
    link = next(re.search(r"https://\S+/staff/alerts/[0-9a-f-]+", mail["body"]).group(0) for mail in sent_email
                if "/staff/alerts/" in mail["body"])
    path = link.removeprefix(app.config["PUBLIC_URL"])
    asked = browser.get(path)
    assert asked.status_code == 401 and 'name="password"' in asked.get_data(as_text=True)
    signed_in = browser.sign_in(leader, next_page=path)
    assert signed_in.status_code == 302 and signed_in.headers["Location"].endswith(path)
    page = browser.get(path)
    assert page.status_code == 200 and "Take this on" in text_of(page)


def test_a_senior_leader_takes_an_alert_on_records_what_was_done_and_closes_it(browser, leader, alert_id):
    browser.sign_in(leader)
    page = f"/staff/alerts/{alert_id}"
    assert browser.post(f"{page}/acknowledge").status_code == 303
    assert "Taken on" in text_of(browser.get(page)) and "Aisha Khan" in text_of(browser.get(page))
    assert browser.post(f"{page}/action", {"action_taken": "Rang the carer; young person safe tonight"}).status_code == 303
    assert browser.post(f"{page}/close").status_code == 303
    alert = db.session.get(SafeguardingAlert, uuid.UUID(alert_id))
    assert alert.status == AlertStatus.CLOSED and alert.action_taken.startswith("Rang the carer")


def test_closing_an_alert_before_anything_was_recorded_shows_why_on_the_page(browser, leader, alert_id):
    browser.sign_in(leader)
    browser.post(f"/staff/alerts/{alert_id}/acknowledge")
    refused = browser.post(f"/staff/alerts/{alert_id}/close")
    assert refused.status_code in (409, 422) and "There is a problem" in text_of(refused)
    assert db.session.get(SafeguardingAlert, uuid.UUID(alert_id)).status == AlertStatus.ACKNOWLEDGED


def test_an_empty_action_is_refused_with_the_field_named(browser, leader, alert_id):
    browser.sign_in(leader)
    refused = browser.post(f"/staff/alerts/{alert_id}/action", {"action_taken": ""})
    assert refused.status_code == 422 and "Write down what was done" in text_of(refused)


def test_a_form_without_its_token_changes_nothing(browser, leader, alert_id):
    browser.sign_in(leader)
    refused = browser.post(f"/staff/alerts/{alert_id}/acknowledge", token=False)
    assert refused.status_code == 400 and "expired" in text_of(refused)
    assert db.session.get(SafeguardingAlert, uuid.UUID(alert_id)).status == AlertStatus.OPEN


def test_every_look_at_an_alert_page_is_audited(browser, leader, alert_id):
    browser.sign_in(leader)
    browser.get(f"/staff/alerts/{alert_id}")
    actions = db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.actor_id == leader.id)).all()
    assert "safeguarding_alert.view" in actions


def test_the_start_page_shows_what_waits_for_the_role(browser, leader, alert_id, yp):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came to my review"})
    browser.sign_in(leader)
    start = text_of(browser.get("/staff/"))
    assert "Safeguarding alerts not yet taken on" in start and "Unhappy with support" in start


def test_the_start_page_names_the_languages_no_fluent_speaker_has_checked(app, browser, leader):
    from voiceapp import languages
    browser.sign_in(leader)
    start = text_of(browser.get("/staff/"))
    assert "Languages not yet checked by a fluent speaker" in start
    offered = [languages.BY_CODE[code].english for code in app.config["LANGUAGES"] if code != "en"]
    assert ", ".join(offered) in start and "Farsi/Dari, Pashto" in start


def test_a_priority_lead_sees_messages_but_never_alerts(browser, alert_id):
    from voiceapp.promises.services import priority_by_number
    lead = StaffFactory(role="priority_lead", priority_id=priority_by_number(3).id)
    browser.sign_in(lead)
    assert browser.get(f"/staff/alerts/{alert_id}").status_code == 403
    assert "Safeguarding" not in text_of(browser.get("/staff/"))
    assert browser.get("/staff/messages").status_code == 200


def test_a_council_member_signing_in_here_is_sent_to_the_councils_area_with_no_staff_session(browser, alert_id):
    member = StaffFactory(role="council_member")
    signed_in = browser.post("/staff/sign-in", {"email": member.email, "password": STAFF_PASSWORD, "next": ""})
    assert signed_in.status_code == 302 and signed_in.headers["Location"].endswith("/council/")
    assert browser.get("/staff/messages").status_code == 401
    assert browser.get(f"/staff/alerts/{alert_id}").status_code == 401


def test_the_staff_sign_in_page_shows_council_members_the_way_to_their_area(browser):
    assert "youth councils' area" in text_of(browser.get("/staff/sign-in"))


def test_a_reply_sent_from_the_page_reaches_the_young_person(browser, leader, yp):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came to my review"}).json
    browser.sign_in(leader)
    page = f"/staff/messages/{sent['id']}"
    assert "Nobody came to my review" in text_of(browser.get(page))
    assert browser.post(f"{page}/status", {"status": "acknowledged", "outcome": ""}).status_code == 303
    assert browser.post(f"{page}/reply", {"body": "Sorry. Your reviewing officer will ring you by Friday."}
                        ).status_code == 303
    thread = yp.get(f"/api/v1/me/messages/{sent['id']}").json["replies"]
    assert any("ring you by Friday" in entry["body"] for entry in thread)


def test_closing_a_message_without_an_outcome_says_which_field(browser, leader, yp):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came to my review"}).json
    browser.sign_in(leader)
    refused = browser.post(f"/staff/messages/{sent['id']}/status", {"status": "closed", "outcome": ""})
    assert refused.status_code == 422 and "Say what the outcome was" in text_of(refused)
    assert db.session.get(Message, uuid.UUID(sent["id"])).status == Status.RECEIVED


def test_a_note_stays_with_staff(browser, leader, yp):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody came to my review"}).json
    browser.sign_in(leader)
    browser.post(f"/staff/messages/{sent['id']}/note", {"note": "Checked with the IRO team"})
    assert db.session.scalar(sa.select(MessageNote.body)) == "Checked with the IRO team"
    assert "IRO team" not in str(yp.get(f"/api/v1/me/messages/{sent['id']}").json)


def test_a_wrong_password_shows_the_form_again(browser, leader):
    refused = browser.post("/staff/sign-in", {"email": leader.email, "password": "nope"})
    assert refused.status_code == 401 and "not right" in text_of(refused)


def test_after_sign_in_only_a_page_of_ours_is_a_destination(browser, leader):
    signed_in = browser.sign_in(leader, next_page="https://elsewhere.example/staff/")
    assert signed_in.headers["Location"].endswith("/staff/")


def test_signing_out_ends_the_session_on_the_server(browser, leader):
    browser.sign_in(leader)
    cookie = browser.client.get_cookie("__Host-voiceapp", domain="voice.example.org")
    assert browser.post("/staff/sign-out").status_code == 302
    again = Browser.__new__(Browser)
    again.client = browser.client.application.test_client()
    again.client.set_cookie("__Host-voiceapp", cookie.value, domain="voice.example.org")
    assert again.get("/staff/").status_code == 401


def test_the_pages_work_for_a_script_with_a_bearer_token(api_as, alert_id):
    leader = api_as("senior_leader")
    assert leader.get(f"/staff/alerts/{alert_id}").status_code == 200
    assert leader.post(f"/staff/alerts/{alert_id}/acknowledge").status_code == 303


def test_a_sign_in_without_an_email_says_so(browser):
    refused = browser.post("/staff/sign-in", {"email": "", "password": "x"})
    assert refused.status_code == 422 and "email" in text_of(refused)


def test_a_sign_in_form_without_its_form_token_is_refused_and_signs_nobody_in(browser, leader):
    refused = browser.post("/staff/sign-in", {"email": leader.email, "password": STAFF_PASSWORD}, token=False)
    assert refused.status_code == 400 and "expired" in text_of(refused)
    assert browser.get("/staff/").status_code == 401


@pytest.mark.parametrize("path", ["/staff/", "/staff/sign-in", "/staff/messages"])
def test_staff_pages_are_never_kept_in_a_cache(browser, leader, path):
    browser.sign_in(leader)
    assert browser.get(path).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("next_page, lands_on", [
    ("/staff//evil.example", "/staff/evil.example"),
    ("/staff/..//evil.example", "/staff/"),
    ("/staff/../../evil", "/staff/"),
    ("//evil.example/staff/", "/staff/"),
    ("/staff/\\evil.example", "/staff/"),
    ("/staff/%0d%0aSet-Cookie:x", "/staff/%0d%0aSet-Cookie:x"),
    ("/staff/\r\nSet-Cookie: x", "/staff/"),
    ("https://evil.example/staff/", "/staff/"),
    ("/staff/messages?status=open", "/staff/messages?status=open"),
])
def test_after_sign_in_next_must_normalise_to_a_staff_page(browser, leader, next_page, lands_on):
    signed_in = browser.sign_in(leader, next_page=next_page)
    assert signed_in.status_code == 302
    assert signed_in.headers["Location"] in (lands_on, "https://voice.example.org" + lands_on)


def test_direction_overrides_in_a_young_person_s_words_are_not_shown_on_the_page(browser, leader, yp):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy",
                                                "body": "my carer \u202eseod lla\u202c \u2066ok\u2069 \u0645\u0631\u062d\u0628\u0627"}).json
    browser.sign_in(leader)
    page = browser.get(f"/staff/messages/{sent['id']}").get_data(as_text=True)
    assert "my carer seod lla ok \u0645\u0631\u062d\u0628\u0627" in page
    assert not any(c in page for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
