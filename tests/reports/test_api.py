"""The report over the API: who gets which version, and the records the report is made from."""
import pytest
import sqlalchemy as sa

from tests.reports import builders as b
from voiceapp.extensions import db
from voiceapp.reports.models import ThemeKeywordRule

URL = "/api/v1/reports/2026-H1"


@pytest.fixture(autouse=True)
def frozen(clock):
    return clock


@pytest.mark.parametrize("role", ["voice_officer", "senior_leader", "board_member"])
def test_staff_who_oversee_the_service_get_the_board_s_report(api_as, hand_worked, role):
    body = api_as(role).get(URL).json
    assert body["meta"]["audience"] == "board"
    assert body["tellus"]["praise"]["messages"]["display"] == "8"


def test_a_council_member_gets_the_young_people_s_version_even_when_asking_for_the_board_s(api_as, hand_worked):
    body = api_as("council_member").get(URL, query_string={"audience": "board"}).json
    assert body["meta"]["audience"] == "young_people"
    assert "tellus" not in body and "IRO team" not in str(body)


def test_the_council_s_version_is_suppressed_like_every_other(api_as, hand_worked):
    body = api_as("council_member").get(URL).json
    themes = {t["number"]: t for t in body["themes"]}
    assert themes[5]["mentions"] == {"value": None, "display": "c"}


@pytest.mark.parametrize("who, status", [("priority_lead", 403), (None, 401)])
def test_others_cannot_read_the_report(api_as, who, status):
    assert api_as(who).get(URL).status_code == status


def test_a_young_person_cannot_read_the_report(api_as):
    assert api_as(young_person=b.person()).get(URL).status_code == 403


@pytest.mark.parametrize("fmt, mimetype, start", [("csv", "text/csv", b"period,section"),
                                                  ("pdf", "application/pdf", b"%PDF"),
                                                  ("html", "text/html", b"\n\n<!doctype html>")])
def test_the_report_downloads_in_each_format(api_as, fmt, mimetype, start):
    response = api_as("voice_officer").get(URL, query_string={"format": fmt})
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.data.startswith(start)
    assert response.headers["Content-Disposition"] == f'attachment; filename="voice-and-influence-2026-H1.{fmt}"'
    assert "script-src" not in response.headers["Content-Security-Policy"]


def test_a_period_that_is_not_one_is_refused(api_as):
    response = api_as("voice_officer").get("/api/v1/reports/2026-H9")
    assert response.status_code == 422 and "period" in response.json["errors"]


# --- keyword rules ------------------------------------------------------------------------------------------

def test_the_voice_officer_adds_a_keyword_rule_and_the_report_counts_with_it(api_as, hand_worked):
    officer = api_as("voice_officer")
    rule = officer.post("/api/v1/reports/theme-rules", json={"priority": 4, "keyword": "Thank You"}).json
    assert (rule["priority"], rule["keyword"], rule["is_active"]) == (4, "thank you", True)
    themes = {t["number"]: t for t in officer.get(URL).json["themes"]}
    assert themes[4]["mentions"]["display"] == "c"     # the 2 "Thank you" praise messages


def test_a_rule_can_be_switched_off_and_removed(api_as, hand_worked):
    officer = api_as("voice_officer")
    rule = db.session.scalar(sa.select(ThemeKeywordRule).where(ThemeKeywordRule.keyword == "football"))
    assert officer.patch(f"/api/v1/reports/theme-rules/{rule.id}", json={"is_active": False}).json["is_active"] is False
    themes = {t["number"]: t for t in officer.get(URL).json["themes"]}
    assert themes[6]["by_source"]["tell_us"]["display"] == "0"
    assert officer.delete(f"/api/v1/reports/theme-rules/{rule.id}").status_code == 204


@pytest.mark.parametrize("keyword", ["a%", "x_", "", "a" * 61])
def test_a_keyword_that_is_not_plain_words_is_refused(api_as, keyword):
    response = api_as("voice_officer").post("/api/v1/reports/theme-rules", json={"priority": 1, "keyword": keyword})
    assert response.status_code == 422


def test_the_same_keyword_twice_for_a_theme_is_a_conflict(api_as):
    officer = api_as("voice_officer")
    officer.post("/api/v1/reports/theme-rules", json={"priority": 1, "keyword": "exam"})
    assert officer.post("/api/v1/reports/theme-rules", json={"priority": 1, "keyword": "EXAM"}).status_code == 409


@pytest.mark.parametrize("role", ["senior_leader", "priority_lead", "board_member"])
def test_only_the_voice_officer_edits_rules_though_others_can_read_them(api_as, role):
    client = api_as(role)
    assert client.get("/api/v1/reports/theme-rules").status_code == 200
    assert client.post("/api/v1/reports/theme-rules", json={"priority": 1, "keyword": "exam"}).status_code == 403


def test_a_council_member_cannot_see_the_rules_or_any_record(api_as):
    council = api_as("council_member")
    for url in ("/api/v1/reports/theme-rules", "/api/v1/quotes", "/api/v1/actions", "/api/v1/messages"):
        assert council.get(url).status_code == 403, url
