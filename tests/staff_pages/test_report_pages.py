"""The voice and influence team's report work in the browser: quotes, "you said, we did" and the report."""
import pytest

from tests.factories import MessageFactory, StaffFactory, YoungPersonFactory
from tests.staff_pages.conftest import text_of
from voiceapp.extensions import db
from voiceapp.promises.services import priority_by_number
from voiceapp.reports.models import Action, Quote, QuoteStatus
from voiceapp.reports.services import quotes


@pytest.fixture
def quote(app):
    message = MessageFactory(young_person_id=YoungPersonFactory(consent_to_quote=True).id,
                             body="I want to see my brother more")
    return quotes.propose_quote(actor=_officer(), source_type="message", source_id=message.id)


def _officer():
    from voiceapp.auth.actors import Actor
    return Actor.for_staff(StaffFactory(role="voice_officer"))


def test_a_proposed_quote_is_approved_from_the_list(as_role, quote):
    browser = as_role("voice_officer")
    assert "I want to see my brother more" in text_of(browser.get("/staff/quotes"))
    assert browser.post(f"/staff/quotes/{quote.id}/approve").status_code == 303
    db.session.expire_all()
    assert db.session.get(Quote, quote.id).status == QuoteStatus.APPROVED


def test_a_quote_decided_already_cannot_be_decided_again(as_role, quote):
    browser = as_role("senior_leader")
    browser.post(f"/staff/quotes/{quote.id}/reject")
    again = browser.post(f"/staff/quotes/{quote.id}/approve")
    assert again.status_code in (404, 409) and again.mimetype == "text/html"


def test_a_quote_s_words_can_be_edited_but_not_emptied(as_role, quote):
    browser = as_role("voice_officer")
    assert browser.post(f"/staff/quotes/{quote.id}/edit", {"text": ""}).status_code == 422
    assert browser.post(f"/staff/quotes/{quote.id}/edit", {"text": "I want to see my family more"}).status_code == 303


def test_an_action_is_recorded_against_a_priority(as_role):
    browser = as_role("voice_officer")
    done = browser.post("/staff/actions", {"what": "Family time moved to weekends", "who": "Fostering service",
                                           "priority": "2", "status": "planned"})
    assert done.status_code == 303 and db.session.query(Action).count() == 1
    assert "Family time moved to weekends" in text_of(browser.get("/staff/actions"))


def test_an_action_without_what_or_who_names_both(as_role):
    refused = as_role("voice_officer").post("/staff/actions", {"what": "", "who": "", "priority": "2"})
    words = text_of(refused)
    assert refused.status_code == 422 and "Say what was done" in words and "Say who is doing it" in words


def test_a_priority_lead_records_actions_only_for_their_priority(as_role):
    lead = as_role("priority_lead", priority_id=priority_by_number(3).id)
    refused = lead.post("/staff/actions", {"what": "Something", "who": "Us", "priority": "1"})
    assert refused.status_code == 403 and refused.mimetype == "text/html"


def test_an_action_is_marked_done(as_role):
    browser = as_role("voice_officer")
    browser.post("/staff/actions", {"what": "New leaflet", "who": "Voice team", "priority": "1"})
    action = db.session.query(Action).one()
    assert browser.post(f"/staff/actions/{action.id}", {"status": "done"}).status_code == 303


def test_a_board_member_reads_the_actions_but_cannot_record_one(as_role):
    board = as_role("board_member")
    assert board.get("/staff/actions").status_code == 200
    assert board.post("/staff/actions", {"what": "x", "who": "y", "priority": "1"}).status_code == 403


def test_the_report_page_offers_every_download(as_role):
    page = as_role("board_member").get("/staff/report?period=2026-H1")
    words = text_of(page)
    assert page.status_code == 200 and "Download as PDF" in words and "CSV" in words


def test_a_period_that_is_not_one_is_the_page_again_with_the_reason(as_role):
    refused = as_role("voice_officer").get("/staff/report?period=last-tuesday")
    assert refused.status_code == 422 and "Enter a period like 2026-H1" in text_of(refused)


@pytest.mark.parametrize("fmt, mimetype", [("csv", "text/csv"), ("html", "text/html"), ("pdf", "application/pdf")])
def test_the_board_report_downloads_in_each_format(as_role, fmt, mimetype):
    got = as_role("board_member").get(f"/staff/report/download?period=2026-H1&format={fmt}")
    assert got.status_code == 200 and got.mimetype == mimetype
    assert got.headers["Content-Disposition"].startswith("attachment") and len(got.data) > 100


def test_the_report_reads_in_the_browser(as_role):
    got = as_role("senior_leader").get("/staff/report/view?period=2026-H1")
    assert got.status_code == 200 and "Content-Disposition" not in got.headers and b"<html" in got.data.lower()


def test_a_download_in_another_format_is_refused_as_a_page(as_role):
    refused = as_role("board_member").get("/staff/report/download?period=2026-H1&format=docx")
    assert refused.status_code == 422 and refused.mimetype == "text/html"


def test_an_action_is_recorded_with_its_words_in_other_languages_and_an_empty_box_is_left_out(as_role):
    browser = as_role("voice_officer")
    done = browser.post("/staff/actions", {"what": "Family time moved to weekends", "who": "Fostering service",
                                           "priority": "2", "what_ar": "نقل وقت العائلة إلى عطلة نهاية الأسبوع",
                                           "what_fa": " "})
    assert done.status_code == 303
    assert db.session.query(Action).one().what_translations == {"ar": "نقل وقت العائلة إلى عطلة نهاية الأسبوع"}


def test_words_too_long_in_one_language_are_refused_beside_that_language_s_box(as_role):
    refused = as_role("voice_officer").post("/staff/actions", {"what": "Family time moved to weekends",
                                                               "who": "Fostering service", "priority": "2",
                                                               "what_fa": "ک" * 501})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'id="what_fa-error"' in page
    assert "Say what was done in Farsi/Dari (up to 500 characters)" in text_of(refused)
    assert db.session.query(Action).count() == 0
