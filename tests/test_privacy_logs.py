"""Privacy (PRIV-01, PRIV-04, PRIV-05): logs carry no words, numbers, codes or tokens; profiles stay minimal."""
import logging
import re
from pathlib import Path
from uuid import UUID

import pytest
import sqlalchemy as sa
from flask import g

from tests.factories import SurveyFactory, YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.logs import ScrubFilter

CANARY_PHRASE = "purple giraffe canary 4417"
CANARY_PHONE = "07911 123987"
CANARY_DIGITS = "7911123987"   # the number without its trunk or country prefix
PHONE_FORMS = ["+447911123987", "447911123987", "07911123987", "07911 123987", "+44 7911 123987",
               "+44 (0)7911 123987", "07911-123-987", "7911123987"]
E164 = re.compile(r"\+\d{10,15}")
FORMATTER = logging.Formatter("%(name)s %(levelname)s %(message)s")


@pytest.fixture(autouse=True)
def loggers_on():
    """Alembic's fileConfig (run in-process by tests/test_migrations.py) disables every logger that existed then."""
    loggers = [logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    was = {logger: logger.disabled for logger in loggers}
    for logger in loggers:
        logger.disabled = False
    yield
    for logger, disabled in was.items():
        logger.disabled = disabled


def everything_logged(caplog, capsys):
    """Each log record as it would be written (with any traceback), then whatever reached stdout and stderr."""
    captured = capsys.readouterr()
    return [FORMATTER.format(record) for record in caplog.records] + [captured.out, captured.err]


def leaks(texts, secrets):
    """The secrets found in any text; a phone number is also looked for among the digits alone."""
    found = {secret for secret in secrets for text in texts if secret in text}
    if any(CANARY_DIGITS in re.sub(r"\D", "", text) for text in texts):
        found.add("phone digits")
    return found


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def sign_in_by_code(client, sent_sms, phone):
    challenge_id = client.post("/api/v1/auth/code", json={"phone": phone}).json["challenge_id"]
    code = re.search(r"\b(\d{6})\b", sent_sms[-1]["body"]).group(1)
    token = client.post("/api/v1/auth/code/verify", json={"challenge_id": challenge_id, "code": code}).json["token"]
    return code, token


def young_person_s_day(client, token):
    """Check the promise, tell senior leaders something and answer a survey, each with the canary phrase."""
    headers = bearer(token)
    promise_id = client.get("/api/v1/me/promises", headers=headers).json["promises"][0]["id"]
    checked = client.post("/api/v1/me/promise-checks", headers=headers, json={"answers": [
        {"promise_id": promise_id, "rating": "not_kept", "comment": CANARY_PHRASE}]})
    message = client.post("/api/v1/me/messages", headers=headers, json={
        "kind": "unhappy", "body": CANARY_PHRASE, "reply_channel": "sms"})
    survey = SurveyFactory()
    questions = client.get(f"/api/v1/me/surveys/{survey.id}", headers=headers).json["questions"]
    answers = [{"question_id": q["id"], "value": 3 if q["kind"] == "scale" else CANARY_PHRASE}
               for q in questions if q["kind"] in ("scale", "free_text")]
    answered = client.put(f"/api/v1/me/surveys/{survey.id}/response", headers=headers,
                          json={"answers": answers, "submit": True})
    assert (checked.status_code, message.status_code, answered.status_code) == (201, 201, 200)
    return message.json["id"]


def staff_follow_up(api_as, message_id):
    leader = api_as("senior_leader")
    statuses = (leader.get(f"/api/v1/messages/{message_id}").status_code,
                leader.post(f"/api/v1/messages/{message_id}/replies",
                            json={"body": f"About {CANARY_PHRASE}: I will ring"}).status_code,
                leader.post("/api/v1/young-people/lookup", json={"phone": CANARY_PHONE}).status_code)
    assert statuses == (200, 201, 200)


@pytest.fixture
def canary_person(app):
    return YoungPersonFactory(phone=CANARY_PHONE)


def test_a_full_web_flow_logs_no_words_number_code_or_token(client, api_as, canary_person, sent_sms, clock,
                                                            caplog, capsys):
    caplog.set_level(logging.DEBUG)
    code, token = sign_in_by_code(client, sent_sms, CANARY_PHONE)
    message_id = young_person_s_day(client, token)
    staff_follow_up(api_as, message_id)
    client.post("/api/v1/auth/sign-out", headers=bearer(token))
    assert len(sent_sms) == 2, "the code and the staff reply were both texted"
    assert leaks(everything_logged(caplog, capsys), [CANARY_PHRASE, code, token, *PHONE_FORMS]) == set()


@pytest.mark.adds_routes
def test_a_failed_database_query_logs_no_parameters(app, caplog, capsys):
    def failing_view():
        db.session.execute(sa.text("INSERT INTO no_such_table (body, phone) VALUES (:body, :phone)"),
                           {"body": CANARY_PHRASE, "phone": "+447911123987"})
    app.add_url_rule("/api/v1/test-only/insert", "test_only_insert", failing_view, methods=["POST"])
    caplog.set_level(logging.DEBUG)
    assert app.test_client().post("/api/v1/test-only/insert").status_code == 500
    assert leaks(everything_logged(caplog, capsys), [CANARY_PHRASE, *PHONE_FORMS]) == set()


@pytest.mark.parametrize("text", [
    "code sent to +447911123987", "number 07911 123987 again", "token Zx9_aB3-Qw7rTy8uIo0pLk2jHg5fDs",
], ids=["e164", "national", "token"])
def test_the_log_filter_masks_numbers_and_tokens_that_slip_through(text):
    from voiceapp.logs import ScrubFilter
    record = logging.LogRecord("voiceapp.test", logging.INFO, __file__, 1, text, None, None)
    ScrubFilter().filter(record)
    assert leaks([record.getMessage()], PHONE_FORMS + ["Zx9_aB3-Qw7rTy8uIo0pLk2jHg5fDs"]) == set()


def test_the_log_filter_masks_a_number_quoted_in_a_traceback():
    from voiceapp.logs import ScrubFilter
    try:
        int("+447911123987 is not a count")
    except ValueError as error:
        record = logging.LogRecord("voiceapp.test", logging.ERROR, __file__, 1, "failed", None, (
            type(error), error, error.__traceback__))
    ScrubFilter().filter(record)
    assert leaks([FORMATTER.format(record)], PHONE_FORMS) == set()


def test_the_log_filter_keeps_record_ids_so_logs_can_be_followed_up():
    from voiceapp.logs import ScrubFilter
    alert_id = "5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10"
    record = logging.LogRecord("voiceapp.test", logging.WARNING, __file__, 1, "alert %s raised", (alert_id,), None)
    ScrubFilter().filter(record)
    assert record.getMessage() == f"alert {alert_id} raised"


def test_running_the_migrations_leaves_the_app_s_loggers_working(database_url, tmp_path):
    from flask_migrate import upgrade
    from tests.conftest import base_config
    from voiceapp import create_app
    errors_log = logging.getLogger("voiceapp.errors")   # exists before the migrations run, as in a live app
    app = create_app(base_config(f"sqlite:///{tmp_path / 'migrated.sqlite'}"))
    with app.app_context():
        upgrade(directory=str(Path(__file__).parent.parent / "migrations"))
        db.engine.dispose()
    assert errors_log.disabled is False


# High-privacy defaults and a pseudonymous profile (PRIV-04)

@pytest.mark.parametrize("cohort, age_band", [("child_in_care", "10-12"), ("care_leaver", "22-25")])
def test_a_young_person_registered_with_only_required_fields_has_both_consents_off(api_as, cohort, age_band):
    created = api_as("voice_officer").post("/api/v1/young-people", json={"cohort": cohort, "age_band": age_band})
    assert created.status_code == 201
    assert (created.json["consent_to_quote"], created.json["consent_to_contact"]) == (False, False)


def test_a_young_person_s_own_profile_starts_with_both_consents_off(yp):
    profile = yp.get("/api/v1/me").json
    assert (profile["consent_to_quote"], profile["consent_to_contact"]) == (False, False)


IDENTIFYING = {"name", "first_name", "last_name", "surname", "full_name", "date_of_birth", "dob", "birth_date"}


def young_person_schemas():
    from marshmallow import Schema
    from voiceapp.people import schemas
    return [value for value in vars(schemas).values()
            if isinstance(value, type) and issubclass(value, Schema) and value.__module__ == schemas.__name__]


@pytest.mark.parametrize("schema", young_person_schemas(), ids=lambda schema: schema.__name__)
def test_no_young_person_schema_has_a_name_or_date_of_birth(schema):
    assert set(schema().fields) & IDENTIFYING == set()


def test_no_api_schema_has_a_date_of_birth(client):
    schemas = client.get("/api/openapi.json").json["components"]["schemas"]
    found = {(schema, field) for schema, body in schemas.items()
             for field in body.get("properties", {}) if field in IDENTIFYING - {"name"}}
    assert found == set()


def test_the_young_people_table_has_no_name_or_date_of_birth_column(app):
    columns = {column["name"] for column in sa.inspect(db.engine).get_columns("young_people")}
    assert columns & IDENTIFYING == set()


@pytest.mark.parametrize("field", ["name", "date_of_birth"])
def test_registering_a_young_person_with_a_name_or_birth_date_is_refused(api_as, field):
    response = api_as("voice_officer").post("/api/v1/young-people", json={
        "cohort": "care_leaver", "age_band": "18-21", field: "Sam" if field == "name" else "2008-01-01"})
    assert response.status_code == 422 and field in response.json["errors"]


# Numbers held apart, found by keyed hash, shown masked (PRIV-05)

PROFILE_TABLES = ["young_people", "young_person_voice_groups", "messages", "message_replies", "promise_checks",
                  "promise_ratings", "survey_responses", "survey_answers", "one_time_codes", "auth_sessions",
                  "audit_events", "phone_numbers", "outbound_messages"]


@pytest.fixture
def a_day_on_record(client, api_as, sent_sms, clock):
    officer = api_as("voice_officer")
    person = officer.post("/api/v1/young-people", json={"cohort": "child_in_care", "age_band": "13-15",
                                                        "phone": CANARY_PHONE}).json
    _, token = sign_in_by_code(client, sent_sms, CANARY_PHONE)
    staff_follow_up(api_as, young_person_s_day(client, token))
    return person


@pytest.mark.parametrize("table", PROFILE_TABLES)
def test_a_raw_scan_of_stored_rows_finds_no_phone_number(a_day_on_record, table):
    rows = db.session.execute(sa.text(f"SELECT * FROM {table}")).all()
    cells = [str(value) for row in rows for value in row if value is not None]
    assert [cell for cell in cells if E164.search(cell)] == []
    assert leaks(cells, PHONE_FORMS) == set()


def test_staff_see_the_number_masked_to_its_last_three_digits(a_day_on_record, api_as):
    shown = api_as("senior_leader").get(f"/api/v1/young-people/{a_day_on_record['id']}").json
    assert shown["phone_masked"] == "+44•••••••987"
    assert leaks([str(shown)], PHONE_FORMS) == set()


def test_a_staff_lookup_by_number_answers_with_the_number_masked(a_day_on_record, api_as):
    found = api_as("senior_leader").post("/api/v1/young-people/lookup", json={"phone": "+44 7911 123987"})
    assert UUID(found.json["id"]) == UUID(a_day_on_record["id"])
    assert found.json["phone_masked"] == "+44•••••••987"


def test_the_staff_view_of_a_message_shows_no_number(a_day_on_record, api_as):
    leader = api_as("senior_leader")
    message = leader.get("/api/v1/messages").json["items"][0]
    full = leader.get(f"/api/v1/messages/{message['id']}").get_data(as_text=True)
    assert leaks([full], PHONE_FORMS) == set()


def test_a_number_from_abroad_is_masked_with_its_own_country_code(api_as):
    masked = api_as("voice_officer").post("/api/v1/young-people", json={
        "cohort": "care_leaver", "age_band": "18-21", "phone": "+33 6 12 34 56 78"}).json["phone_masked"]
    assert masked.startswith("+33•") and masked.endswith("•678")
    assert re.sub(r"\D", "", masked) == "33678"


def test_record_ids_full_of_digits_survive_the_scrubber_whole():
    from voiceapp.logs import scrub
    record_id = "e2018123-4567-4bf8-8c01-b07892818123"
    assert scrub(f"alert {record_id} raised for +44 7911 123456") == f"alert {record_id} raised for [number]"


def test_a_request_id_full_of_digits_survives_the_scrubber_whole(app):
    # A random hex request id holds ten digits in a row about once in 200 requests; it must still match the
    # X-Request-ID header staff quote, while a number beside it is still masked.
    request_id = "15ab1234567890b5"
    with app.test_request_context("/"):
        g.request_id = request_id
        record = logging.LogRecord("voiceapp.test", logging.ERROR, __file__, 1, "failed [%s] for %s",
                                   (request_id, "+44 7911 123456"), None)
        ScrubFilter().filter(record)
    assert record.getMessage() == f"failed [{request_id}] for [number]" and record.request_id == request_id
