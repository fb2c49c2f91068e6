"""Signing in on the website with a worker's code or a texted one, on a shared phone, and signing out."""
import re

from tests.factories import YoungPersonFactory
from voiceapp.auth.models import AuthSession
from voiceapp.database import utcnow
from voiceapp.extensions import db


def test_the_start_page_offers_sign_in_and_help_without_signing_in(browser):
    page = browser.text("/")
    assert "Sign in" in page and "I don't feel safe" in page and "Exit this page" in page


def test_a_young_person_signs_in_with_the_code_their_worker_gave(browser, invitation):
    response = browser.post("/sign-in", {"code": invitation})
    assert response.status_code == 303 and response.headers["Location"].endswith("/home")
    assert "What do you want to do?" in browser.text("/home")


def test_the_session_cookie_is_host_only_secure_httponly_and_lax(browser, invitation):
    response = browser.post("/sign-in", {"code": invitation})
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-voiceapp=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie and "Path=/" in cookie


def test_a_wrong_code_is_explained_beside_the_field(browser):
    response = browser.post("/sign-in", {"code": "ABCDE-23456"})
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert 'href="#code"' in page and "That code is not right or has run out" in page


def test_a_form_without_its_token_is_refused(browser, invitation):
    browser.post("/sign-in", {"code": invitation})
    assert browser.post("/sign-out", {}, token=False).status_code == 400


def test_a_shared_phone_gets_a_short_session(app, browser, invitation, young_person):
    browser.post("/sign-in", {"code": invitation, "shared_device": "yes"})
    row = db.session.query(AuthSession).filter_by(young_person_id=young_person.id).one()
    assert row.expires_at - utcnow() <= app.config["YOUNG_PERSON_SHARED_DEVICE_TIMEOUT"]


def test_the_sign_in_page_says_how_long_they_stay_signed_in(browser):
    page = browser.text("/sign-in")
    assert "You stay signed in for 7 days" in page and "60 minutes" in page


def test_signing_in_by_text_sends_a_code_that_signs_them_in(browser, app, sent_sms):
    YoungPersonFactory(phone="+447911123456")
    assert browser.post("/sign-in/text", {"phone": "07911 123456"}).status_code == 303
    code = re.search(r"\b(\d{6})\b", sent_sms[-1]["body"]).group(1)
    browser.get("/sign-in/text/code")
    assert browser.post("/sign-in/text/code", {"code": code}).headers["Location"].endswith("/home")


def test_a_phone_number_that_is_not_a_number_is_explained_beside_the_field(browser):
    page = browser.post("/sign-in/text", {"phone": "abc"}).get_data(as_text=True)
    assert 'href="#phone"' in page


def test_signing_out_everywhere_ends_every_session(signed_in, young_person, api_as):
    other = api_as(young_person=young_person)
    signed_in.get("/sign-out")
    assert signed_in.post("/sign-out/everywhere").status_code == 303
    assert other.get("/api/v1/me/promises").status_code == 401
    assert signed_in.get("/home").status_code == 401


def test_staff_are_refused_the_young_people_s_pages(api_as):
    assert api_as("senior_leader").get("/home").status_code == 403
