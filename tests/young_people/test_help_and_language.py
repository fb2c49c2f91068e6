"""Help on every page: I don't feel safe (no sign-in needed), Exit this page, and the language switcher."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.safeguarding.models import SafeguardingAlert


def test_i_dont_feel_safe_needs_no_sign_in_and_shows_999_and_childline(browser):
    browser.get("/")
    response = browser.post("/unsafe")
    page = response.get_data(as_text=True)
    assert response.status_code == 201 and "999" in page and "0800 1111" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SafeguardingAlert)) == 1


def test_i_dont_feel_safe_tells_the_safety_team_who_it_is_when_signed_in(signed_in, young_person):
    signed_in.post("/unsafe")
    assert db.session.scalar(sa.select(SafeguardingAlert)).young_person_id == young_person.id


def test_an_expired_form_still_shows_the_numbers_at_once(browser):
    page = browser.post("/unsafe", {"csrf_token": "old"}).get_data(as_text=True)
    assert "999" in page and "Childline" in page


def test_every_page_has_exit_this_page_to_a_neutral_site(browser, app):
    page = browser.text("/privacy")
    assert "govuk-exit-this-page" in page and app.config["EXIT_PAGE_URL"] in page


def test_switching_to_arabic_writes_right_to_left_with_numbers_kept_in_order(browser):
    assert browser.get("/language/ar?next=/privacy").headers["Location"] == "/privacy"
    page = browser.text("/privacy")
    assert 'lang="ar" dir="rtl"' in page and '<bdi dir="ltr">0800 1111</bdi>' in page


def test_the_language_switcher_only_goes_back_to_this_site(browser):
    assert browser.get("/language/ar?next=//evil.example").headers["Location"] == "/"
