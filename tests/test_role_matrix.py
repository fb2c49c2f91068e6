"""The authorization matrix (SEC-01, SEC-02): every route, every kind of caller, default deny.

A new route fails this file until it is classified in AUDIENCE below, and the table must agree with
the guard on the view. Young people reach only their own records; ids cannot be guessed.
"""
import re
from uuid import UUID

import pytest
import sqlalchemy as sa

from tests.factories import MessageFactory, SurveyFactory, YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck
from voiceapp.surveys.models import SurveyResponse
from voiceapp.tellus.models import Message

ANYONE, SIGNED_IN, YOUNG_PERSON, TWILIO = "anyone", "signed_in", "young_person", "twilio"
SL, VIO, PL, BOARD, CM = "senior_leader", "voice_officer", "priority_lead", "board_member", "council_member"
STAFF_ROLES = (SL, VIO, PL, BOARD, CM)
ACTORS = ("anonymous", YOUNG_PERSON) + STAFF_ROLES
CASEWORK = {SL, VIO, PL}
EVERY_STAFF_ROLE = set(STAFF_ROLES)

# Who may call each endpoint: anyone, any signed-in caller, young people (their own records only),
# Twilio (signed webhooks), or a set of staff roles.
AUDIENCE = {
    "health.healthz": ANYONE,
    "privacy.notice": ANYONE,
    "auth.staff_sign_in": ANYONE,
    "auth.request_code": ANYONE,
    "auth.verify_code": ANYONE,
    "auth.redeem_invitation": ANYONE,
    "auth.sign_out": SIGNED_IN,
    "auth.whoami": SIGNED_IN,
    "auth.list_staff": {VIO},
    "auth.create_staff": {VIO},
    "auth.update_staff": {VIO},
    "audit.list_events": {VIO},
    "audit.export_events": {VIO},
    "people.my_profile": YOUNG_PERSON,
    "people.update_my_profile": YOUNG_PERSON,
    "people.create_young_person": {VIO},
    "people.get_young_person": {SL, VIO},
    "people.lookup_young_person": {SL, VIO},
    "people.set_phone": {VIO},
    "people.set_worker": {SL, VIO},
    "people.set_case_reference": {SL, VIO},
    "people.issue_invitation": {VIO},
    "promises.list_priorities": SIGNED_IN,
    "promises.my_promises": YOUNG_PERSON,
    "promises.promise_information_question": YOUNG_PERSON,
    "promises.submit_promise_check": YOUNG_PERSON,
    "promises.my_promise_checks": YOUNG_PERSON,
    "promises.my_promise_check": YOUNG_PERSON,
    "promises.delete_my_promise_check": YOUNG_PERSON,
    "promises.list_promise_sets": EVERY_STAFF_ROLE,
    "promises.get_promise_set": EVERY_STAFF_ROLE,
    "promises.create_promise_set": {VIO},
    "promises.make_promise_set_current": {VIO},
    "rights.export_my_data": YOUNG_PERSON,
    "rights.erase_me": YOUNG_PERSON,
    "rights.export_my_data_page": YOUNG_PERSON,
    "rights.record_request": {VIO},
    "rights.list_requests": {VIO},
    "rights.disclose": {VIO},
    "rights.complete_request": {VIO},
    "surveys.open_surveys": YOUNG_PERSON,
    "surveys.open_survey": YOUNG_PERSON,
    "surveys.answer_survey": YOUNG_PERSON,
    "surveys.my_response": YOUNG_PERSON,
    "surveys.delete_my_response": YOUNG_PERSON,
    "surveys.list_surveys": CASEWORK,
    "surveys.get_survey": CASEWORK,
    "surveys.create_survey": {VIO},
    "surveys.revise_questions": {VIO},
    "surveys.publish_survey": {VIO},
    "surveys.update_window": {VIO},
    "surveys.change_survey_details": {VIO},
    "tellus.send_message": YOUNG_PERSON,
    "tellus.my_messages": YOUNG_PERSON,
    "tellus.my_message": YOUNG_PERSON,
    "tellus.answer_back": YOUNG_PERSON,
    "tellus.delete_my_message": YOUNG_PERSON,
    "tellus.list_messages": CASEWORK,
    "tellus.get_message": CASEWORK,
    "tellus.reply": CASEWORK,
    "tellus.add_note": CASEWORK,
    "tellus.change_status": CASEWORK,
    "tellus.assign": {SL, VIO},
    "tellus.set_themes": CASEWORK,
    "tellus.answer_satisfaction": YOUNG_PERSON,
    "tellus_casework.take_lock": CASEWORK,
    "tellus_casework.release_lock": CASEWORK,
    "tellus_casework.extend": CASEWORK,
    "tellus_casework.pass_on_praise": CASEWORK,
    "tellus_casework.mark_as_complaint": CASEWORK,
    "tellus_casework.record_advocacy_offer": CASEWORK,
    "tellus_casework.escalate_complaint": CASEWORK,
    "tellus_casework.record_stage_step": CASEWORK,
    "tellus_casework.preview_letter": CASEWORK,
    "tellus_casework.list_templates": CASEWORK,
    "tellus_casework.create_template": {VIO},
    "tellus_casework.update_template": {VIO},
    "surveys.invite": {VIO},
    "surveys.remind": {VIO},
    "safeguarding.report_unsafe": YOUNG_PERSON,
    "safeguarding.list_alerts": {SL, VIO},
    "safeguarding.get_alert": {SL, VIO},
    "safeguarding.acknowledge_alert": {SL, VIO},
    "safeguarding.record_action": {SL, VIO},
    "safeguarding.close_alert": {SL, VIO},
    "reports.get_report": {VIO, SL, BOARD, CM},
    "reports.list_rules": {VIO, SL, PL, BOARD},
    "reports.add_rule": {VIO},
    "reports.change_rule": {VIO},
    "reports.remove_rule": {VIO},
    "reports.list_actions": {VIO, PL, SL, BOARD},
    "reports.record_action": {VIO, PL},
    "reports.change_action": {VIO, PL},
    "reports.tell_young_people": {VIO, PL},
    "reports.mark_priority": {CM},
    "reports.unmark_priority": {CM},
    "reports.add_comment": {CM},
    "reports.list_council_priorities": {VIO, PL, SL, BOARD, CM},
    "reports.link_action": {VIO, PL},
    "reports.unlink_action": {VIO, PL},
    "reports.list_meetings": {VIO, SL, PL, BOARD, CM},
    "reports.get_meeting": {VIO, SL, PL, BOARD, CM},
    "reports.record_meeting": {VIO, SL},
    "reports.add_question": {VIO, SL},
    "reports.answer_question": {VIO, SL},
    "reports.my_contact": {CM},
    "reports.set_my_contact": {CM},
    "reports.notify_report_ready": {VIO},
    "reports.list_notices": {VIO},
    "reports.mark_reviewed": {CM},
    "reports.list_reviews": {VIO, SL, BOARD, CM},
    "reports.list_quotes": {VIO, SL},
    "reports.propose_quote": {VIO, SL},
    "reports.edit_quote": {VIO, SL},
    "reports.approve_quote": {VIO, SL},
    "reports.reject_quote": {VIO, SL},
    "staff.sign_in": ANYONE,
    "staff.sign_out": EVERY_STAFF_ROLE,
    "staff.home": EVERY_STAFF_ROLE,
    "staff.alert_list": {SL, VIO},
    "staff.alert": {SL, VIO},
    "staff.alert_recording": {SL, VIO},
    "staff.acknowledge_alert": {SL, VIO},
    "staff.record_alert_action": {SL, VIO},
    "staff.close_alert": {SL, VIO},
    "staff.message_list": CASEWORK,
    "staff.message": CASEWORK,
    "staff.reply": CASEWORK,
    "staff.add_note": CASEWORK,
    "staff.change_status": CASEWORK,
    "council.sign_in": ANYONE,
    "council.sign_out": {CM},
    "council.home": {CM},
    "council.themes": {CM},
    "council.mark_priority": {CM},
    "council.unmark_priority": {CM},
    "council.add_comment": {CM},
    "council.priorities": {CM},
    "council.figures": {CM},
    "council.mark_reviewed": {CM},
    "council.meetings": {CM},
    "council.settings": {CM},
    "staff.assign": {SL, VIO},
    "staff.set_themes": CASEWORK,
    "staff.extend": CASEWORK,
    "staff.pass_on_praise": CASEWORK,
    "staff.mark_as_complaint": CASEWORK,
    "staff.record_advocacy_offer": CASEWORK,
    "staff.escalate_complaint": CASEWORK,
    "staff.record_stage_step": CASEWORK,
    "staff.propose_quote": {VIO, SL},
    "staff.text_young_person": {SL, VIO},
    "staff.show_number": {SL, VIO},
    "staff.quote_list": {VIO, SL},
    "staff.approve_quote": {VIO, SL},
    "staff.reject_quote": {VIO, SL},
    "staff.edit_quote": {VIO, SL},
    "staff.action_list": {VIO, PL, SL, BOARD},
    "staff.record_action": {VIO, PL},
    "staff.change_action": {VIO, PL},
    "staff.tell_young_people": {VIO, PL},
    "staff.report": {VIO, SL, BOARD},
    "staff.report_view": {VIO, SL, BOARD},
    "staff.report_download": {VIO, SL, BOARD},
    "staff.reply_templates": CASEWORK,
    "staff.create_template": {VIO},
    "staff.update_template": {VIO},
    "staff.survey_list": CASEWORK,
    "staff.survey": CASEWORK,
    "staff.publish_survey": {VIO},
    "staff.close_survey": {VIO},
    "staff.new_survey": {VIO},
    "staff.create_survey": {VIO},
    "staff.new_question": {VIO},
    "staff.add_question": {VIO},
    "staff.edit_question": {VIO},
    "staff.change_question": {VIO},
    "staff.move_question": {VIO},
    "staff.remove_question": {VIO},
    "staff.update_window": {VIO},
    "staff.survey_details": {VIO},
    "staff.change_survey_details": {VIO},
    "staff.invite_to_survey": {VIO},
    "staff.remind_survey": {VIO},
    "staff.young_people": {VIO},
    "staff.register_young_person": {VIO},
    "staff.find_young_person": {VIO},
    "staff.young_person": {VIO},
    "staff.issue_invitation": {VIO},
    "staff.set_case_reference": {VIO},
    "staff.accounts": {VIO},
    "staff.create_account": {VIO},
    "staff.update_account": {VIO},
    "staff.audit_trail": {VIO},
    "staff.audit_download": {VIO},
    "staff.council_priorities": {VIO, PL, SL, BOARD},
    "staff.link_council_action": {VIO, PL},
    "staff.unlink_council_action": {VIO, PL},
    "staff.meeting_list": {VIO, SL, PL, BOARD},
    "staff.record_meeting": {VIO, SL},
    "staff.meeting": {VIO, SL, PL, BOARD},
    "staff.add_meeting_question": {VIO, SL},
    "staff.answer_meeting_question": {VIO, SL},
    "staff.tell_councils_report_ready": {VIO},
    "pages.asset": ANYONE,
    "pages.choose_language": ANYONE,
    "young.start": ANYONE,
    "young.sign_in": ANYONE,
    "young.sign_in_by_text": ANYONE,
    "young.enter_text_code": ANYONE,
    "young.signed_out": ANYONE,
    "young.account_deleted": ANYONE,
    "young.unsafe": ANYONE,
    "young.home": YOUNG_PERSON,
    "young.messages": YOUNG_PERSON,
    "young.message": YOUNG_PERSON,
    "young.reply": YOUNG_PERSON,
    "young.happy_with_answer": YOUNG_PERSON,
    "young.promise_start": YOUNG_PERSON,
    "young.promise_question": YOUNG_PERSON,
    "young.promise_not_kept": YOUNG_PERSON,
    "young.promise_finish": YOUNG_PERSON,
    "young.promise_done": YOUNG_PERSON,
    "young.sign_out": YOUNG_PERSON,
    "young.sign_out_everywhere": YOUNG_PERSON,
    "young.survey_list": YOUNG_PERSON,
    "young.survey": YOUNG_PERSON,
    "young.survey_question": YOUNG_PERSON,
    "young.survey_check": YOUNG_PERSON,
    "young.survey_sent": YOUNG_PERSON,
    "young.tell_us": YOUNG_PERSON,
    "young.tell_us_write": YOUNG_PERSON,
    "young.my_data": YOUNG_PERSON,
    "young.my_data_everything": YOUNG_PERSON,
    "young.my_data_download": YOUNG_PERSON,
    "young.delete_item": YOUNG_PERSON,
    "young.delete_account": YOUNG_PERSON,
    "twilio_sms.inbound_sms": TWILIO,
    "twilio_sms.inbound_sms_fallback": TWILIO,
    "twilio_sms.delivery_status": TWILIO,
    "twilio_voice.incoming_call": TWILIO,
    "twilio_voice.menu_choice": TWILIO,
    "twilio_voice.promise_rating": TWILIO,
    "twilio_voice.promise_information": TWILIO,
    "twilio_voice.recorded": TWILIO,
    "twilio_voice.message_kind": TWILIO,
    "twilio_voice.message_promise": TWILIO,
    "twilio_voice.message_reply": TWILIO,
    "twilio_voice.transcribed": TWILIO,
    "twilio_voice.answer_call": TWILIO,
    "twilio_voice.answer_call_status": TWILIO,
}
# Routes that carry nothing about any one person: the published promises and priorities, the caller's own
# session, and the suppressed aggregates that boards and councils work from.
NOT_RECORDS = {"promises.list_priorities", "young.sign_out", "young.sign_out_everywhere", "young.promise_done",
               "young.survey_sent", "promises.list_promise_sets", "promises.get_promise_set",
               "auth.whoami", "auth.sign_out", "reports.get_report", "reports.list_rules", "reports.list_actions",
               "reports.mark_priority", "reports.unmark_priority", "reports.add_comment",
               # the councils' own records: priorities and their answers, meetings, how to be told, reviews
               "reports.list_council_priorities", "reports.list_meetings", "reports.get_meeting",
               "reports.my_contact", "reports.set_my_contact", "reports.mark_reviewed", "reports.list_reviews",
               "staff.home", "staff.sign_out", "staff.action_list", "staff.report", "staff.report_view",
               "staff.report_download", "staff.council_priorities", "staff.meeting_list", "staff.meeting",
               # the council area: the council's own report (suppressed figures), priorities, comments, meetings
               "council.sign_out", "council.home", "council.themes", "council.mark_priority", "council.unmark_priority",
               "council.add_comment", "council.priorities", "council.figures", "council.mark_reviewed",
               "council.meetings", "council.settings"}
RECORD_LEVEL = sorted(endpoint for endpoint, audience in AUDIENCE.items()
                      if audience not in (ANYONE, TWILIO) and endpoint not in NOT_RECORDS)
NOT_CLASSIFIED_HERE = re.compile(r"^(static|docs_assets\.static|api-docs\..*)$")
PLACEHOLDER = "5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10"
PLACEHOLDERS = {"int": "1"}   # any other converter (uuid, string) takes PLACEHOLDER


def routes(app):
    """(endpoint, method, path) for every route, with placeholder values in the path."""
    found = []
    for rule in app.url_map.iter_rules():
        if NOT_CLASSIFIED_HERE.match(rule.endpoint):
            continue
        path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: PLACEHOLDERS.get(m.group(1), PLACEHOLDER), rule.rule)
        found += [(rule.endpoint, method, path) for method in sorted(rule.methods - {"OPTIONS", "HEAD"})]
    return found


def routes_of(app, endpoint):
    return [(method, path) for name, method, path in routes(app) if name == endpoint]


def as_set(audience):
    return {audience} if isinstance(audience, str) else set(audience)


def expected(audience, actor):
    """Either "allowed" (anything but 401 or 403) or the one status the guard must answer."""
    if audience == ANYONE:
        return "allowed"
    if audience == TWILIO:
        return 403            # unsigned, whoever is asking
    if actor == "anonymous":
        return 401
    return "allowed" if audience == SIGNED_IN or actor in as_set(audience) else 403


def as_expected(status, expectation):
    if status >= 500:
        return False
    return status not in (401, 403) if expectation == "allowed" else status == expectation


@pytest.fixture(scope="module")
def routed_app(database_url):
    """An app to read the routes and views from (no requests are made to it)."""
    from tests.conftest import base_config
    from voiceapp import create_app
    return create_app(base_config(database_url))


@pytest.fixture
def caller(api_as):
    """A client for one of ACTORS."""
    def make(actor):
        if actor == "anonymous":
            return api_as()
        if actor == YOUNG_PERSON:
            return api_as(young_person=YoungPersonFactory())
        return api_as(actor)
    return make


def answers(app, client, endpoint):
    """Each (method, path, status) when this client calls the endpoint with an empty JSON body."""
    return [(method, path, client.open(method, path, json={}).status_code)
            for method, path in routes_of(app, endpoint)]


def test_every_route_is_classified_in_the_table(routed_app):
    unclassified = sorted({endpoint for endpoint, _, _ in routes(routed_app)} - AUDIENCE.keys())
    assert unclassified == [], "add these endpoints to AUDIENCE in tests/test_role_matrix.py"


def test_the_table_names_no_route_that_no_longer_exists(routed_app):
    assert sorted(AUDIENCE.keys() - {endpoint for endpoint, _, _ in routes(routed_app)}) == []


@pytest.mark.parametrize("endpoint", sorted(AUDIENCE))
def test_the_table_agrees_with_the_guard_on_the_view(routed_app, endpoint):
    view = routed_app.view_functions[endpoint]
    assert set(getattr(view, "audience", ())) == as_set(AUDIENCE[endpoint])


@pytest.mark.parametrize("endpoint", sorted(AUDIENCE))
def test_each_route_answers_every_caller_as_the_table_says(app, caller, endpoint):
    wrong = [f"{actor} {method} {path}: {status}, expected {expected(AUDIENCE[endpoint], actor)}"
             for actor in ACTORS for method, path, status in answers(app, caller(actor), endpoint)
             if not as_expected(status, expected(AUDIENCE[endpoint], actor))]
    assert wrong == []


def test_board_and_council_members_are_refused_every_record_level_route(app, caller):
    wrong = [f"{actor} {method} {path}: {status}" for actor in (BOARD, CM) for endpoint in RECORD_LEVEL
             for method, path, status in answers(app, caller(actor), endpoint) if status != 403]
    assert wrong == []


# BOLA: a young person reaches only their own records, and ids cannot be guessed (SEC-02)

def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def a(api_as):
    return api_as(young_person=YoungPersonFactory())


@pytest.fixture
def b(api_as):
    return api_as(young_person=YoungPersonFactory())


@pytest.fixture
def b_message(b):
    return b.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "B's own words"}).json


def test_a_young_person_cannot_read_another_s_message(a, b_message):
    assert a.get(f"/api/v1/me/messages/{b_message['id']}").status_code == 404


def test_another_s_message_answers_exactly_like_a_missing_one(a, b_message):
    theirs = a.get(f"/api/v1/me/messages/{b_message['id']}")
    missing = a.get(f"/api/v1/me/messages/{PLACEHOLDER}")
    assert (theirs.status_code, theirs.json["message"]) == (missing.status_code, missing.json["message"])


@pytest.mark.parametrize("method, suffix, body", [
    ("DELETE", "", None), ("POST", "/replies", {"body": "I am not B"}),
], ids=["delete", "reply"])
def test_a_young_person_cannot_change_another_s_message(a, b, b_message, method, suffix, body):
    assert a.open(method, f"/api/v1/me/messages/{b_message['id']}{suffix}", json=body).status_code == 404
    assert b.get(f"/api/v1/me/messages/{b_message['id']}").json == b_message
    assert db.session.get(Message, UUID(b_message["id"])).body == "B's own words"


def test_a_young_person_s_list_holds_only_their_own_messages(a, b_message):
    MessageFactory()
    assert a.get("/api/v1/me/messages").json == []


@pytest.fixture
def b_check(b):
    promise_id = b.get("/api/v1/me/promises").json["promises"][0]["id"]
    return b.post("/api/v1/me/promise-checks",
                  json={"answers": [{"promise_id": promise_id, "rating": "kept"}]}).json


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_young_person_cannot_reach_another_s_promise_check(a, b, b_check, method):
    assert a.open(method, f"/api/v1/me/promise-checks/{b_check['id']}").status_code == 404
    assert b.get(f"/api/v1/me/promise-checks/{b_check['id']}").json == b_check
    assert count(PromiseCheck) == 1


@pytest.fixture
def b_response(b, app):
    survey = SurveyFactory()
    questions = b.get(f"/api/v1/me/surveys/{survey.id}").json["questions"]
    scale = next(q for q in questions if q["kind"] == "scale")
    b.put(f"/api/v1/me/surveys/{survey.id}/response", json={"answers": [{"question_id": scale["id"], "value": 4}]})
    return survey.id, b.get(f"/api/v1/me/surveys/{survey.id}/response").json


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_young_person_cannot_reach_another_s_survey_response(a, b, b_response, method):
    survey_id, response = b_response
    assert a.open(method, f"/api/v1/me/surveys/{survey_id}/response").status_code == 404
    assert b.get(f"/api/v1/me/surveys/{survey_id}/response").json == response
    assert count(SurveyResponse) == 1


def test_ids_handed_out_are_random_uuid4s(api_as, b, b_message, b_check, b_response):
    officer = api_as("voice_officer")
    person = officer.post("/api/v1/young-people", json={"cohort": "care_leaver", "age_band": "18-21"}).json
    staff = officer.post("/api/v1/staff-users", json={"email": "new@example.org", "display_name": "New",
                                                      "role": "senior_leader", "password": "a long passphrase"}).json
    ids = [person["id"], staff["id"], b_message["id"], b_check["id"], b_response[1]["id"]]
    assert {UUID(value).version for value in ids} == {4}


@pytest.mark.parametrize("path", ["/api/v1/me/messages/1", "/api/v1/me/promise-checks/2",
                                  "/api/v1/messages/3", "/api/v1/young-people/4"])
def test_probing_with_sequential_numbers_finds_nothing(api_as, a, path):
    prober = a if path.startswith("/api/v1/me") else api_as("voice_officer")
    assert prober.get(path).status_code == 404
