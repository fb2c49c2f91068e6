"""Every casework step on a Tell Us message from its page: one service call each, and a refusal is the page
again with the reason beside the field."""
import uuid
from datetime import datetime, timezone

import pytest

from tests.factories import MessageFactory, StaffFactory, YoungPersonFactory
from tests.staff_pages.conftest import text_of
from voiceapp.extensions import db
from voiceapp.reports.models import Quote
from voiceapp.tellus.models import Message, ReplyChannel, Status


@pytest.fixture
def message(app):
    return MessageFactory()


def _page(message):
    return f"/staff/messages/{message.id}"


def _fresh(message):
    db.session.expire_all()
    return db.session.get(Message, message.id)


def test_a_senior_leader_gives_a_message_to_a_priority_lead(as_role, message):
    lead = StaffFactory(role="priority_lead", display_name="Priya Lead")
    browser = as_role("senior_leader")
    assert browser.post(f"{_page(message)}/assignee", {"staff_id": str(lead.id)}).status_code == 303
    assert _fresh(message).assigned_to_id == lead.id and "Priya Lead" in text_of(browser.get(_page(message)))


def test_giving_a_message_to_nobody_names_the_field(as_role, message):
    refused = as_role("senior_leader").post(f"{_page(message)}/assignee", {"staff_id": ""})
    assert refused.status_code == 422 and "Choose who to give it to" in text_of(refused)


def test_a_priority_lead_cannot_give_messages_out(as_role, message):
    assert as_role("priority_lead").post(f"{_page(message)}/assignee", {"staff_id": ""}).status_code == 403


def test_themes_are_set_from_the_checkboxes(as_role, message):
    browser = as_role("voice_officer")
    sent = browser.client.post(f"{_page(message)}/themes", base_url="https://voice.example.org",
                               data={"themes": ["1", "3"], "csrf_token": browser.csrf_token()})
    assert sent.status_code == 303 and sorted(t.number for t in _fresh(message).themes) == [1, 3]


def test_a_theme_that_is_not_a_priority_is_refused_on_the_page(as_role, message):
    refused = as_role("voice_officer").post(f"{_page(message)}/themes", {"themes": "9"})
    assert refused.status_code == 422 and "Choose priorities from the list" in text_of(refused)


def test_acknowledging_then_closing_with_an_outcome(as_role, message):
    browser = as_role("senior_leader")
    assert browser.post(f"{_page(message)}/status", {"status": "acknowledged"}).status_code == 303
    assert browser.post(f"{_page(message)}/reply", {"body": "We are on it."}).status_code == 303
    assert browser.post(f"{_page(message)}/status", {"status": "closed", "outcome": "resolved"}).status_code == 303
    assert _fresh(message).status == Status.CLOSED


def test_a_closed_message_leaves_what_is_waiting(as_role, message):
    browser = as_role("senior_leader")
    browser.post(f"{_page(message)}/status", {"status": "acknowledged"})
    assert "never rings me back" in text_of(browser.get("/staff/"))
    browser.post(f"{_page(message)}/status", {"status": "closed", "outcome": "not_upheld"})
    assert "never rings me back" not in text_of(browser.get("/staff/"))
    assert "never rings me back" in text_of(browser.get("/staff/messages"))


def test_a_reply_by_text_goes_to_their_phone_and_the_box_counts_texts(as_role, app, sent_sms, clock):
    young = YoungPersonFactory(phone="+447911123456")
    message = MessageFactory(young_person_id=young.id, reply_channel=ReplyChannel.SMS)
    browser = as_role("senior_leader")
    page = text_of(browser.get(_page(message)))
    assert "By text to their phone" in page and "A text message holds 160 characters" in page
    assert browser.post(f"{_page(message)}/reply", {"body": "Sorry, I will ring you today."}).status_code == 303
    assert any(sms["to"] == "+447911123456" and "ring you today" in sms["body"] for sms in sent_sms)


def test_an_empty_reply_is_the_page_again_with_the_reason_by_the_box(as_role, message):
    refused = as_role("senior_leader").post(f"{_page(message)}/reply", {"body": ""})
    assert refused.status_code == 422 and "Write your reply" in text_of(refused)
    assert 'href="#body"' in refused.get_data(as_text=True)


def test_a_note_with_no_words_is_refused_beside_the_note_box(as_role, message):
    refused = as_role("senior_leader").post(f"{_page(message)}/note", {"note": ""})
    assert refused.status_code == 422 and 'href="#note"' in refused.get_data(as_text=True)


def test_a_message_is_extended_once_with_a_reason(as_role, message):
    browser = as_role("senior_leader")
    assert browser.post(f"{_page(message)}/extension", {"reason": ""}).status_code == 422
    assert browser.post(f"{_page(message)}/extension", {"reason": "Waiting for the placement team"}).status_code == 303
    assert _fresh(message).extension_reason == "Waiting for the placement team"


def test_a_formal_complaint_goes_through_its_stages(as_role, message):
    browser = as_role("senior_leader")
    assert browser.post(f"{_page(message)}/complaint").status_code == 303
    assert browser.post(f"{_page(message)}/complaint/advocacy").status_code == 303
    early = browser.post(f"{_page(message)}/complaint/escalation")
    assert early.status_code == 409 and "This stage is still running" in text_of(early)
    browser.post(f"{_page(message)}/reply", {"body": "Here is our stage 1 answer."})
    browser.post(f"{_page(message)}/status", {"status": "closed", "outcome": "not_upheld"})
    assert browser.post(f"{_page(message)}/complaint/escalation").status_code == 303
    fresh = _fresh(message)
    assert fresh.complaint_stage == 2 and "Stage 2 complaint" in text_of(browser.get(_page(message)))


def test_a_complaint_step_that_does_not_apply_is_refused_on_the_page(as_role, message):
    browser = as_role("senior_leader")
    browser.post(f"{_page(message)}/complaint")
    refused = browser.post(f"{_page(message)}/complaint/steps", {"step": "panel"})
    assert refused.status_code in (409, 422) and "There is a problem" in text_of(refused)


def test_praise_is_passed_on_to_the_manager(as_role, sent_email):
    message = MessageFactory(kind="praise", praise_for="Jo, my PA", wants_reply=False, reply_channel=None)
    browser = as_role("senior_leader")
    assert browser.post(f"{_page(message)}/praise", {"manager_email": "not an email"}).status_code == 422
    assert browser.post(f"{_page(message)}/praise", {"manager_email": "manager@leeds.example"}).status_code == 303
    assert any(mail["to"] == "manager@leeds.example" for mail in sent_email)


def test_words_are_proposed_as_a_quote_only_with_consent(as_role):
    refused = MessageFactory(young_person_id=YoungPersonFactory(consent_to_quote=False).id)
    agreed = MessageFactory(young_person_id=YoungPersonFactory(consent_to_quote=True).id)
    browser = as_role("voice_officer")
    no = browser.post(f"{_page(refused)}/quote")
    assert no.status_code == 422 and "has not agreed to be quoted" in text_of(no)
    assert browser.post(f"{_page(agreed)}/quote").status_code == 303
    assert db.session.query(Quote).count() == 1


def test_times_are_uk_local_and_values_are_plain_words(as_role):
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)
    message = MessageFactory(received_at=summer, reply_channel=ReplyChannel.SMS, channel="sms")
    page = text_of(as_role("senior_leader").get(_page(message)))
    assert "Wed 1 Jul 2026, 13:00" in page and "UTC" not in page
    assert " sms" not in page and "by text message" in page


def test_the_list_shows_a_preview_of_each_message(as_role):
    MessageFactory(body="word " * 60)
    listed = text_of(as_role("senior_leader").get("/staff/messages"))
    assert "“word word" in listed and "…" in listed


def test_a_bad_filter_is_a_page(as_role):
    refused = as_role("senior_leader").get("/staff/messages?status=lost")
    assert refused.status_code == 422 and refused.mimetype == "text/html"


def test_a_message_that_does_not_exist_is_a_page(as_role):
    missing = as_role("senior_leader").get(f"/staff/messages/{uuid.uuid4()}")
    assert missing.status_code == 404 and "Not found" in text_of(missing)
