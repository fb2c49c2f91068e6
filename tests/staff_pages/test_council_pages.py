"""Staff answer the youth councils in the browser: link actions to council priorities, record meetings with
their questions and answers, and tell the councils a report is ready for review."""
import pytest

from tests.factories import StaffFactory
from tests.staff_pages.conftest import text_of
from voiceapp.auth.actors import Actor
from voiceapp.extensions import db
from voiceapp.messaging import tasks
from voiceapp.reports.models import CouncilMeeting, NoticeChoice
from voiceapp.reports.services import actions, councils, reviews

PERIOD = "2026-H2"


@pytest.fixture
def council_priority(app, clock):
    member = Actor.for_staff(StaffFactory(role="council_member"))
    return councils.mark_priority(actor=member, period=PERIOD, priority=2)


@pytest.fixture
def action(app):
    officer = Actor.for_staff(StaffFactory(role="voice_officer"))
    return actions.record_action(actor=officer, what="Family time at weekends", who="Fostering service", priority=2)


def test_a_priority_with_no_action_is_shown_as_such(as_role, council_priority, clock):
    page = text_of(as_role("senior_leader").get(f"/staff/council-priorities?period={PERIOD}"))
    assert "Have a Voice Council: priority 2" in page and "No action yet" in page


def test_an_action_is_linked_to_a_council_priority_and_unlinked(as_role, council_priority, action, clock):
    browser = as_role("voice_officer")
    path = f"/staff/council-priorities/{council_priority.id}/actions?period={PERIOD}"
    assert browser.post(path, {"action_id": str(action.id)}).status_code == 303
    page = text_of(browser.get(f"/staff/council-priorities?period={PERIOD}"))
    assert "Family time at weekends" in page and "0 of 1 council priorities have no action yet" in page
    unlink = f"/staff/council-priorities/{council_priority.id}/actions/{action.id}/unlink?period={PERIOD}"
    assert browser.post(unlink).status_code == 303


def test_linking_without_choosing_an_action_names_the_field(as_role, council_priority, action, clock):
    refused = as_role("voice_officer").post(f"/staff/council-priorities/{council_priority.id}/actions?period={PERIOD}",
                                            {"action_id": ""})
    assert refused.status_code == 422 and "Choose the action that answers it" in text_of(refused)


def test_a_board_member_reads_council_priorities_but_cannot_link(as_role, council_priority, action, clock):
    board = as_role("board_member")
    assert board.get(f"/staff/council-priorities?period={PERIOD}").status_code == 200
    assert board.post(f"/staff/council-priorities/{council_priority.id}/actions",
                      {"action_id": str(action.id)}).status_code == 403


def test_a_meeting_is_recorded_with_a_question_and_answered_later(as_role, clock):
    browser = as_role("senior_leader")
    made = browser.post("/staff/meetings", {"kind": "head_of_service", "council": "care_leavers",
                                            "held_on": "2026-11-20", "title": "Autumn meeting",
                                            "question": "Why does my PA change so often?"})
    assert made.status_code == 303
    meeting = db.session.query(CouncilMeeting).one()
    question_id = meeting.questions[0].id
    answered = browser.post(f"/staff/meetings/{meeting.id}/questions/{question_id}/answer",
                            {"answer": "We are hiring four more PAs in January."})
    assert answered.status_code == 303
    assert "hiring four more PAs" in text_of(browser.get(f"/staff/meetings/{meeting.id}"))


def test_a_meeting_without_a_kind_or_day_is_refused_beside_each_field(as_role):
    refused = as_role("voice_officer").post("/staff/meetings", {"title": "Something"})
    words = text_of(refused)
    assert refused.status_code == 422 and "Choose what kind of meeting it was" in words and "Enter the day" in words


def test_a_question_with_no_words_is_refused_on_the_meeting_page(as_role, clock):
    browser = as_role("voice_officer")
    browser.post("/staff/meetings", {"kind": "board_takeover", "held_on": "2026-11-20", "title": "Takeover"})
    meeting = db.session.query(CouncilMeeting).one()
    refused = browser.post(f"/staff/meetings/{meeting.id}/questions", {"question": ""})
    assert refused.status_code == 422 and "Write the question" in text_of(refused)


def test_the_councils_are_told_the_report_is_ready(as_role, clock, sent_email):
    StaffFactory(role="council_member")
    told = as_role("voice_officer").post(f"/staff/report/ready?period={PERIOD}")
    assert told.status_code == 200 and "1 council member told" in text_of(told)


def test_the_report_page_shows_a_text_stopped_at_sending_as_not_sent_and_why(as_role, clock, sent_sms, sent_email):
    clock.move_to("2026-11-24 22:30Z")
    texting = StaffFactory(role="council_member", display_name="Sam Texter")
    reviews.set_contact(actor=Actor.for_staff(texting), choice=NoticeChoice.TEXT, phone="07911 123456")
    StaffFactory(role="council_member", display_name="Ali Emailer")
    as_role("voice_officer").post(f"/staff/report/ready?period={PERIOD}")
    reviews.set_contact(actor=Actor.for_staff(texting), choice=NoticeChoice.NONE)
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    page = text_of(as_role("voice_officer").get(f"/staff/report?period={PERIOD}"))
    assert "Sam Texter, by text message: not sent because they asked not to be told" in page
    assert "Ali Emailer, by email: sent" in page and "on its way" not in page


def test_a_priority_lead_cannot_record_a_meeting(as_role):
    assert as_role("priority_lead").post("/staff/meetings", {"title": "x"}).status_code == 403
