"""Formal complaints (Children Act 1989 representations procedure): stages, statutory clocks, the advocate,
the closing letter and the legal hold."""
from datetime import date, datetime, timezone

import pytest

from tests.factories import YoungPersonFactory
from tests.tellus.support import london_day

# Every message below is received Tuesday 24 November 2026, 10:00 UTC (the frozen clock).


def at(*args):
    return datetime(*args, tzinfo=timezone.utc)


@pytest.fixture
def staff(api_as):
    """A fresh senior leader's client, for use after the clock has moved past a session's idle limit."""
    return lambda: api_as("senior_leader")


@pytest.fixture
def complaint(yp, leader, send):
    message = send(yp)
    assert leader.post(f"/api/v1/messages/{message['id']}/complaint").status_code == 200
    return message


def post(client, message_id, suffix, body=None):
    return client.post(f"/api/v1/messages/{message_id}{suffix}", json=body or {})


def close(client, message_id, outcome="partly_resolved"):
    return post(client, message_id, "/status", {"status": "closed", "outcome": outcome})


def stage_deadlines(client, message_id):
    stage = client.get(f"/api/v1/messages/{message_id}").json["complaint"]["stages"][-1]
    return {name: london_day(due) for name, due in stage["deadlines"].items()}


def close_stage(client, message_id):
    post(client, message_id, "/complaint/advocacy")
    assert close(client, message_id).status_code == 200


def test_marking_a_message_a_complaint_starts_stage_one_from_receipt(leader, complaint):
    seen = leader.get(f"/api/v1/messages/{complaint['id']}").json
    assert seen["complaint"]["stage"] == 1 and seen["complaint_stage"] == 1
    assert seen["complaint"]["stages"][0]["started_at"] == complaint["received_at"]
    assert stage_deadlines(leader, complaint["id"]) == {"response": date(2026, 12, 8)}
    assert seen["deadline"]["name"] == "acknowledge"


def test_a_message_cannot_be_marked_a_complaint_twice(leader, complaint):
    assert post(leader, complaint["id"], "/complaint").status_code == 409


def test_stage_one_extends_once_to_twenty_working_days_with_a_reason(leader, complaint):
    assert post(leader, complaint["id"], "/extension", {"reason": ""}).status_code == 422
    assert post(leader, complaint["id"], "/extension", {"reason": "Carer on leave"}).status_code == 200
    assert stage_deadlines(leader, complaint["id"]) == {"response": date(2026, 12, 22)}
    assert post(leader, complaint["id"], "/extension", {"reason": "Again"}).status_code == 422


def test_an_extension_granted_before_it_became_a_complaint_is_the_stage_one_extension(yp, leader, send):
    message = send(yp)
    post(leader, message["id"], "/extension", {"reason": "Carer on leave"})
    post(leader, message["id"], "/complaint")
    assert stage_deadlines(leader, message["id"]) == {"response": date(2026, 12, 22)}
    assert post(leader, message["id"], "/extension", {"reason": "Again"}).status_code == 422


def test_a_complaint_cannot_close_until_an_advocate_has_been_offered(leader, complaint):
    response = close(leader, complaint["id"])
    assert response.status_code == 422 and "advocacy_offered_at" in response.json["errors"]
    assert post(leader, complaint["id"], "/complaint/advocacy").status_code == 200
    assert close(leader, complaint["id"]).status_code == 200


def test_an_advocate_offer_cannot_be_dated_in_the_future(leader, complaint):
    response = post(leader, complaint["id"], "/complaint/advocacy", {"offered_at": "2026-12-01T10:00:00+00:00"})
    assert response.status_code == 422


def test_the_closing_letter_names_the_next_stage_and_the_ombudsman(yp, leader, complaint):
    close_stage(leader, complaint["id"])
    letter = yp.get(f"/api/v1/me/messages/{complaint['id']}").json["replies"][0]
    assert letter["kind"] == "letter" and letter["author"] == "staff"
    assert "stage 2" in letter["body"] and "Tuesday 22 December" in letter["body"]
    assert "Local Government and Social Care Ombudsman" in letter["body"] and "0300 061 0614" in letter["body"]
    assert "advocate" in letter["body"]


def test_a_texting_young_person_gets_the_closing_letter_by_text(texter, leader, send, delivered_texts):
    message = send(texter, reply_channel="sms")
    post(leader, message["id"], "/complaint")
    close_stage(leader, message["id"])
    assert any("Ombudsman" in text["body"] for text in delivered_texts())


def test_the_closing_letter_is_written_in_the_young_person_s_language(api_as, leader, send):
    arabic = api_as(young_person=YoungPersonFactory(language="ar"))
    message = send(arabic)
    post(leader, message["id"], "/complaint")
    close_stage(leader, message["id"])
    letter = arabic.get(f"/api/v1/me/messages/{message['id']}").json["replies"][0]["body"]
    assert "ديسمبر" in letter


def test_staff_can_preview_the_letter_before_closing(leader, complaint):
    preview = leader.get(f"/api/v1/messages/{complaint['id']}/complaint/letter?outcome=not_upheld").json
    assert preview["language"] == "en"
    assert "did not agree" in preview["text"] and "Ombudsman" in preview["text"]


def test_the_young_person_is_told_the_next_stage_and_by_when_after_closing(yp, leader, complaint):
    close_stage(leader, complaint["id"])
    next_step = yp.get(f"/api/v1/me/messages/{complaint['id']}").json["next_step"]
    assert "stage 2" in next_step and "Tuesday 22 December" in next_step


def test_a_running_stage_cannot_be_escalated(leader, complaint):
    assert post(leader, complaint["id"], "/complaint/escalation").status_code == 409


def test_a_stage_that_ran_out_of_time_can_be_escalated(complaint, staff, clock):
    clock.move_to(at(2026, 12, 9, 10))
    assert post(staff(), complaint["id"], "/complaint/escalation").json["complaint_stage"] == 2


def test_stage_two_runs_twenty_five_working_days_from_the_request_and_extends_to_sixty_five(
        complaint, staff, clock):
    close_stage(staff(), complaint["id"])
    clock.move_to(at(2027, 1, 4, 10))
    client = staff()
    escalated = post(client, complaint["id"], "/complaint/escalation").json
    assert escalated["status"] == "acknowledged" and escalated["complaint"]["stage"] == 2
    assert stage_deadlines(client, complaint["id"]) == {"response": date(2027, 2, 8)}
    assert london_day(escalated["response_due_at"]) == date(2027, 2, 8)
    post(client, complaint["id"], "/extension", {"reason": "Independent investigator appointed"})
    assert stage_deadlines(client, complaint["id"]) == {"response": date(2027, 4, 7)}


def test_stage_three_clocks_run_panel_then_report_then_council_response(complaint, staff, clock):
    close_stage(staff(), complaint["id"])
    post(staff(), complaint["id"], "/complaint/escalation")
    close_stage(staff(), complaint["id"])
    clock.move_to(at(2027, 3, 1, 10))
    client = staff()
    post(client, complaint["id"], "/complaint/escalation")
    assert stage_deadlines(client, complaint["id"]) == {
        "panel": date(2027, 4, 14), "panel_report": date(2027, 4, 21), "council_response": date(2027, 5, 13)}
    clock.move_to(at(2027, 4, 16, 12))
    client = staff()
    post(client, complaint["id"], "/complaint/steps", {"step": "panel", "at": "2027-04-12T10:00:00+00:00"})
    post(client, complaint["id"], "/complaint/steps", {"step": "panel_report", "at": "2027-04-16T10:00:00+00:00"})
    assert stage_deadlines(client, complaint["id"])["council_response"] == date(2027, 5, 10)
    assert london_day(client.get(f"/api/v1/messages/{complaint['id']}").json["response_due_at"]) == date(2027, 5, 10)


def test_stage_three_cannot_be_extended_or_escalated(complaint, leader):
    for _ in range(2):
        close_stage(leader, complaint["id"])
        post(leader, complaint["id"], "/complaint/escalation")
    assert post(leader, complaint["id"], "/extension", {"reason": "Panel chair ill"}).status_code == 422
    close_stage(leader, complaint["id"])
    assert post(leader, complaint["id"], "/complaint/escalation").status_code == 409


def test_the_final_letter_says_it_was_the_last_stage_and_names_the_ombudsman(yp, complaint, leader):
    for _ in range(2):
        close_stage(leader, complaint["id"])
        post(leader, complaint["id"], "/complaint/escalation")
    close_stage(leader, complaint["id"])
    letters = [r["body"] for r in yp.get(f"/api/v1/me/messages/{complaint['id']}").json["replies"]
               if r["kind"] == "letter"]
    final = [letter for letter in letters if "last stage" in letter]    # letters share a frozen timestamp
    assert final and "Ombudsman" in final[0] and not any("stage 4" in letter for letter in letters)


def test_a_panel_report_cannot_come_before_the_panel(complaint, leader):
    for _ in range(2):
        close_stage(leader, complaint["id"])
        post(leader, complaint["id"], "/complaint/escalation")
    assert post(leader, complaint["id"], "/complaint/steps", {"step": "panel_report"}).status_code == 409


def test_a_complaint_in_progress_stops_the_young_person_deleting_with_a_reason(yp, complaint, leader):
    refused = yp.delete("/api/v1/me")
    assert refused.status_code == 409 and "complaint" in refused.json["message"]
    assert yp.delete(f"/api/v1/me/messages/{complaint['id']}").status_code == 409
    close_stage(leader, complaint["id"])
    assert yp.delete(f"/api/v1/me/messages/{complaint['id']}").status_code == 204


def test_a_complaint_does_not_hold_the_young_person_s_other_messages(yp, send, complaint):
    other = send(yp, body="Something else")
    assert yp.delete(f"/api/v1/me/messages/{other['id']}").status_code == 204


def test_a_closed_message_marked_a_complaint_is_opened_again(yp, leader, send):
    message = send(yp)
    close(leader, message["id"], "resolved")
    assert post(leader, message["id"], "/complaint").json["status"] == "acknowledged"


def test_the_thread_keeps_its_order_when_entries_share_a_moment(yp, complaint, leader, clock):
    # Closing writes the letter and then the satisfaction question in one step, at one frozen instant.
    close_stage(leader, complaint["id"])
    kinds = [r["kind"] for r in yp.get(f"/api/v1/me/messages/{complaint['id']}").json["replies"]]
    assert kinds.index("letter") < kinds.index("satisfaction_question")
