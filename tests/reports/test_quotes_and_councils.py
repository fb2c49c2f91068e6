"""Quotes need consent, redaction and approval; councils mark priorities and comment under their name."""
import pytest

from tests.reports import builders as b
from voiceapp.extensions import db
from voiceapp.tellus.models import Kind

URL = "/api/v1/reports/2026-H1"
WORDS = "My worker Sarah at Bramley Primary School never rings me on 07911 123456"


@pytest.fixture(autouse=True)
def frozen(clock):
    return clock


def said(consent=True):
    young = b.person(consent_to_quote=consent)
    return young, b.message(young, "2026-05-05 09:00", body=WORDS, themes=[3], kind=Kind.UNHAPPY)


def propose(client, message):
    return client.post("/api/v1/quotes", json={"source_type": "message", "source_id": str(message.id)})


def test_words_of_someone_who_did_not_consent_cannot_be_proposed(api_as):
    _, message = said(consent=False)
    response = propose(api_as("voice_officer"), message)
    assert response.status_code == 422 and "source_id" in response.json["errors"]


def test_a_proposed_quote_is_stored_redacted(api_as):
    _, message = said()
    quote = propose(api_as("voice_officer"), message).json
    assert quote["text"] == "My worker [name] at [school] never rings me on [phone]"
    assert quote["status"] == "pending" and quote["priority"] == 3


def test_a_quote_appears_only_once_approved(api_as):
    officer = api_as("voice_officer")
    _, message = said()
    quote = propose(officer, message).json
    assert officer.get(URL).json["quotes"] == []
    assert officer.post(f"/api/v1/quotes/{quote['id']}/approve").json["status"] == "approved"
    expected = [{"text": "My worker [name] at [school] never rings me on [phone]", "theme": 3,
                 "theme_title": "Being heard"}]
    assert officer.get(URL).json["quotes"] == expected
    assert api_as("council_member").get(URL).json["quotes"] == expected


def test_a_rejected_quote_never_appears(api_as):
    officer = api_as("voice_officer")
    quote = propose(officer, said()[1]).json
    officer.post(f"/api/v1/quotes/{quote['id']}/reject")
    assert officer.get(URL).json["quotes"] == []
    assert officer.post(f"/api/v1/quotes/{quote['id']}/approve").status_code == 409


def test_an_edit_is_redacted_again(api_as):
    officer = api_as("voice_officer")
    quote = propose(officer, said()[1]).json
    edited = officer.patch(f"/api/v1/quotes/{quote['id']}", json={"text": "Sarah never rings me"}).json
    assert edited["text"] == "[name] never rings me"


def test_withdrawing_consent_takes_an_approved_quote_out_of_the_report(api_as):
    officer = api_as("voice_officer")
    young, message = said()
    quote = propose(officer, message).json
    officer.post(f"/api/v1/quotes/{quote['id']}/approve")
    young.consent_to_quote = False
    db.session.flush()
    assert officer.get(URL).json["quotes"] == []


def test_staff_see_where_a_quote_came_from_but_never_who_said_it(api_as):
    officer = api_as("voice_officer")
    propose(officer, said()[1])
    listed = officer.get("/api/v1/quotes").json[0]
    assert "young_person_id" not in listed


@pytest.mark.parametrize("role", ["board_member", "priority_lead", "council_member"])
def test_only_the_voice_team_and_senior_leaders_handle_quotes(api_as, role):
    assert propose(api_as(role), said()[1]).status_code == 403


# --- the councils -------------------------------------------------------------------------------------------

def test_a_council_marks_a_theme_as_its_priority_and_comments_under_its_name(api_as):
    member = api_as("council_member", council="have_a_voice")
    assert member.post("/api/v1/councils/reports/2026-H1/priorities", json={"priority": 3}).status_code == 201
    assert member.post("/api/v1/councils/reports/2026-H1/comments",
                       json={"body": "Workers must ring back.", "priority": 3}).status_code == 201
    councils = api_as("board_member").get(URL).json["councils"]
    have_a_voice = next(c for c in councils if c["council"] == "have_a_voice")
    assert have_a_voice == {"council": "have_a_voice", "name": "Have a Voice Council", "priorities": [3],
                            "answers": {"3": []}, "comments": [{"text": "Workers must ring back.", "theme": 3}]}
    assert "Staff member" not in str(councils)


def test_each_council_speaks_only_for_itself(api_as):
    leavers = api_as("council_member", council="care_leavers")
    leavers.post("/api/v1/councils/reports/2026-H1/priorities", json={"priority": 5})
    councils = {c["council"]: c for c in api_as("voice_officer").get(URL).json["councils"]}
    assert councils["care_leavers"]["priorities"] == [5] and councils["have_a_voice"]["priorities"] == []


def test_marking_twice_changes_nothing_and_unmarking_removes_it(api_as):
    member = api_as("council_member")
    for _ in range(2):
        member.post("/api/v1/councils/reports/2026-H1/priorities", json={"priority": 2})
    assert member.delete("/api/v1/councils/reports/2026-H1/priorities/2").status_code == 204
    assert all(c["priorities"] == [] for c in api_as("voice_officer").get(URL).json["councils"])


@pytest.mark.parametrize("role", ["voice_officer", "senior_leader", "board_member"])
def test_only_council_members_mark_council_priorities(api_as, role):
    response = api_as(role).post("/api/v1/councils/reports/2026-H1/priorities", json={"priority": 2})
    assert response.status_code == 403


def test_the_report_shows_which_council_priorities_have_an_action_linked_as_their_answer_and_which_do_not(api_as, clock):
    clock.move_to("2026-09-01 10:00Z")
    api_as("council_member", council="have_a_voice").post("/api/v1/councils/reports/2026-H1/priorities",
                                                          json={"priority": 3})
    api_as("council_member", council="care_leavers").post("/api/v1/councils/reports/2026-H1/priorities",
                                                          json={"priority": 5})
    officer = api_as("voice_officer")
    action = officer.post("/api/v1/actions", json={"what": "Workers ring back within a day",
                                                   "who": "Head of Service", "priority": 3}).json
    officer.post("/api/v1/actions", json={"what": "Leaving care grants reviewed", "who": "Head of Service",
                                          "priority": 5})    # on the theme, but not linked as the answer
    mark = officer.get("/api/v1/councils/reports/2026-H1/priorities?council=have_a_voice").json[0]
    officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    plans = api_as("board_member").get(URL).json["lead_plans"]
    assert (plans["with_action"], len(plans["priorities"])) == (1, 2)
    assert plans["without_action"] == ["Care Leavers Council: Leaving care"]
    assert plans["priorities"][0]["actions"] == ["Workers ring back within a day"]
