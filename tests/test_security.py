"""Security at the edge: strict input, quiet errors, safe headers and cookies, trusted proxies, safe exports."""
import csv
import io
import logging
import re

import pytest
import sqlalchemy as sa

from tests.test_privacy_logs import loggers_on  # noqa: F401  (a fixture)
from voiceapp import create_app
from voiceapp.audit import services as audit
from voiceapp.audit.models import AuditEvent
from voiceapp.auth.actors import SYSTEM
from voiceapp.config import ConfigError
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.tellus.models import Message

MESSAGES = "/api/v1/me/messages"
A_MESSAGE = {"kind": "unhappy", "body": "Nobody rings me back"}
BOOM = "/api/v1/test-only/boom"


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def keys_in(value):
    """Every key at any depth of a JSON document."""
    if isinstance(value, dict):
        return set(value) | set().union(*(keys_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(keys_in(v) for v in value))
    return set()


# Mass assignment and field-minimal answers (SEC-03)

@pytest.mark.parametrize("extra", [{"status": "closed"}, {"internal_note": "x"}, {"role": "admin"},
                                   {"young_person_id": "5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10"},
                                   {"assigned_to_id": "5f0c7a52-3b8e-4d4a-9c1e-2a7b6d9e8f10"}],
                         ids=lambda extra: next(iter(extra)))
def test_a_message_with_a_field_the_young_person_may_not_set_is_refused_naming_it(yp, extra):
    response = yp.post(MESSAGES, json={**A_MESSAGE, **extra})
    assert response.status_code == 422
    assert list(response.json["errors"]) == list(extra)
    assert count(Message) == 0


@pytest.mark.parametrize("extra", [{"role": "voice_officer"}, {"erased_at": None}, {"id": "x"},
                                   {"cohort": "care_leaver"}], ids=lambda extra: next(iter(extra)))
def test_a_young_person_cannot_set_protected_fields_on_their_profile(yp, young_person, extra):
    response = yp.patch("/api/v1/me", json=extra)
    assert response.status_code == 422
    assert next(iter(extra)) in response.json["errors"]
    assert db.session.get(YoungPerson, young_person.id).cohort.value == "child_in_care"


def test_the_young_person_s_view_of_a_message_holds_no_staff_fields_or_phone(yp, api_as):
    message_id = yp.post(MESSAGES, json=A_MESSAGE).json["id"]
    leader = api_as("senior_leader")
    leader.post(f"/api/v1/messages/{message_id}/notes", json={"body": "Carer under review"})
    leader.put(f"/api/v1/messages/{message_id}/assignee", json={"staff_id": str(leader.id)})
    leader.post(f"/api/v1/messages/{message_id}/replies", json={"body": "I will ring you"})
    forbidden = {"notes", "internal_note", "internal_notes", "assigned_to_id", "events", "sender",
                 "author_staff_id", "phone", "phone_masked", "to", "from"}
    for document in (yp.get(f"{MESSAGES}/{message_id}").json, yp.get(MESSAGES).json):
        assert keys_in(document) & forbidden == set()
    assert "Carer under review" not in yp.get(f"{MESSAGES}/{message_id}").get_data(as_text=True)


# Bad input gets a 4xx JSON answer and writes nothing (SEC-04)

@pytest.mark.parametrize("raw", [b'{"kind": "unhappy", "body": ', b"not json", b"\xff\xfe", b'{"a": 1}}'],
                         ids=["truncated", "text", "not-utf8", "trailing-brace"])
def test_malformed_json_gets_400_json(yp, raw):
    response = yp.post(MESSAGES, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.is_json and response.json["status"] == 400
    assert count(Message) == 0


@pytest.mark.parametrize("change, field", [
    ({"body": 12}, "body"), ({"body": ["a"]}, "body"), ({"kind": 3}, "kind"),
    ({"wants_reply": "perhaps"}, "wants_reply"), ({"promise_id": "not-a-uuid"}, "promise_id"),
    ({"anonymous": {"yes": True}}, "anonymous"),
])
def test_a_field_of_the_wrong_type_gets_422_naming_it(yp, change, field):
    response = yp.post(MESSAGES, json={**A_MESSAGE, **change})
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert count(Message) == 0


def test_a_json_array_instead_of_an_object_gets_422(yp):
    response = yp.post(MESSAGES, json=[A_MESSAGE])
    assert response.status_code == 422 and response.is_json
    assert count(Message) == 0


def test_a_body_over_the_size_limit_gets_413_json_and_nothing_is_written(yp, app):
    huge = {**A_MESSAGE, "body": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)}
    response = yp.post(MESSAGES, json=huge)
    assert response.status_code == 413
    assert response.is_json and response.json["status"] == 413
    assert count(Message) == 0


def test_a_two_megabyte_body_is_refused_before_it_is_read(yp):
    response = yp.post(MESSAGES, data=b"{" + b" " * 2 * 1024 * 1024 + b"}", content_type="application/json")
    assert response.status_code == 413 and response.is_json


# No stack trace, SQL or secret in any error (SEC-05)

@pytest.fixture
def boom(app):
    """A throwaway route whose database query fails, as an unexpected bug would."""
    def failing_view():
        db.session.execute(sa.text("SELECT secret_column FROM no_such_table WHERE token = :t"), {"t": "tok"})
    app.add_url_rule(BOOM, "test_only_boom", failing_view)
    return app.test_client()


@pytest.mark.adds_routes
def test_an_unexpected_error_gets_a_generic_500_json(boom):
    response = boom.get(BOOM)
    assert response.status_code == 500 and response.is_json
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "sqlalchemy", "SELECT", "no_such_table", "secret_column", "OperationalError"):
        assert leak.lower() not in text.lower()


@pytest.mark.adds_routes
def test_the_500_answer_carries_the_request_id_of_the_header_and_the_log(boom, caplog, loggers_on):
    with caplog.at_level(logging.ERROR):
        response = boom.get(BOOM)
    request_id = response.headers["X-Request-ID"]
    assert request_id and response.json["request_id"] == request_id
    assert any(request_id in record.getMessage() for record in caplog.records)


def test_every_response_has_its_own_request_id(client):
    assert client.get("/healthz").headers["X-Request-ID"] != client.get("/healthz").headers["X-Request-ID"]


@pytest.mark.parametrize("path, status", [("/api/v1/no-such-route", 404), ("/api/v1/auth/whoami", 401)])
def test_error_answers_are_json_with_a_request_id(client, path, status):
    response = client.get(path)
    assert response.status_code == status and response.is_json
    assert response.json["request_id"] == response.headers["X-Request-ID"]


def test_a_wrong_method_gets_405_json(client):
    response = client.delete("/api/v1/auth/whoami")
    assert response.status_code == 405 and response.is_json


# Headers and cookies (SEC-10)

SAMPLE = ["/healthz", "/api/v1/me", "/api/v1/auth/whoami", "/api/v1/me/messages", "/api/v1/no-such-route",
          "/api/openapi.json", "/api/docs"]


@pytest.fixture
def sample(yp):
    return lambda path: yp.get(path)


@pytest.mark.parametrize("path", SAMPLE)
def test_hsts_lasts_at_least_a_year(sample, path):
    max_age = re.search(r"max-age=(\d+)", sample(path).headers["Strict-Transport-Security"])
    assert int(max_age.group(1)) >= 31536000


@pytest.mark.parametrize("path", SAMPLE)
def test_the_content_security_policy_forbids_plugins_base_and_framing(sample, path):
    policy = sample(path).headers["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy


@pytest.mark.parametrize("path", SAMPLE)
def test_responses_forbid_sniffing_and_referrers(sample, path):
    headers = sample(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("no-referrer", "strict-origin-when-cross-origin", "same-origin")


@pytest.mark.parametrize("path", [p for p in SAMPLE if p.startswith("/api/v1")])
def test_api_answers_are_never_cached(sample, path):
    assert "no-store" in sample(path).headers["Cache-Control"]


@pytest.mark.adds_routes
def test_the_500_answer_has_the_security_headers_too(boom):
    headers = boom.get(BOOM).headers
    assert "no-store" in headers["Cache-Control"] and headers["X-Content-Type-Options"] == "nosniff"


def test_the_session_cookie_is_configured_host_only_secure_httponly_and_samesite(app):
    config = app.config
    assert config["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert config["SESSION_COOKIE_SECURE"] is True and config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert not config.get("SESSION_COOKIE_DOMAIN")


@pytest.mark.adds_routes
def test_a_session_cookie_when_set_has_every_protective_attribute(app):
    from flask import session

    def remember():
        session["seen"] = True
        return "ok"
    app.add_url_rule("/test-only/remember", "test_only_remember", remember)
    cookie = app.test_client().get("/test-only/remember").headers["Set-Cookie"]
    assert cookie.startswith("__Host-voiceapp=")
    assert {"Secure", "HttpOnly", "Path=/", "SameSite=Lax"} <= {part.strip() for part in cookie.split(";")}
    assert "Domain=" not in cookie


def test_production_refuses_to_start_without_twilio_credentials(tmp_path):
    otherwise_ready = {"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/p.db",
                       "DUTY_CONTACTS": [{"name": "Duty", "email": "duty@example.org", "phone": "+447911999999"}]}
    with pytest.raises(ConfigError, match="TWILIO"):
        create_app(otherwise_ready)


def test_with_docs_switched_off_the_openapi_document_is_not_served(database_url):
    from tests.conftest import base_config
    app = create_app({**base_config(database_url), "API_DOCS_ENABLED": False})
    assert app.test_client().get("/api/openapi.json").status_code == 404


# Trusted proxies (SEC-12)

BEHIND_ONE_PROXY = pytest.mark.parametrize(
    "config_overrides", [{"PROXY_HOPS": 1, "SIGN_IN_RATE_LIMIT": "3 per minute"}], ids=["one-proxy"])
PROXY_SAW = "203.0.113.9"


@BEHIND_ONE_PROXY
def test_a_spoofed_forwarded_for_does_not_evade_the_sign_in_limit(client, clock):
    statuses = []
    for spoof in range(5):
        # What the client claims, then the address our one proxy appended.
        forwarded = f"1.2.3.{spoof}, 5.6.7.{spoof}, {PROXY_SAW}"
        statuses.append(client.post("/api/v1/auth/staff/sign-in", headers={"X-Forwarded-For": forwarded},
                                    json={"email": "nobody@example.org", "password": "x"}).status_code)
    assert statuses == [401, 401, 401, 429, 429]


@BEHIND_ONE_PROXY
def test_the_audit_trail_records_the_address_the_proxy_saw(client, app, clock):
    from tests.factories import STAFF_PASSWORD, StaffFactory
    user = StaffFactory()
    client.post("/api/v1/auth/staff/sign-in", headers={"X-Forwarded-For": f"1.2.3.4, 5.6.7.8, {PROXY_SAW}"},
                json={"email": user.email, "password": STAFF_PASSWORD})
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "auth.sign_in"))
    assert event.ip_address == PROXY_SAW


def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, app, clock):
    from tests.factories import STAFF_PASSWORD, StaffFactory
    user = StaffFactory()
    client.post("/api/v1/auth/staff/sign-in", headers={"X-Forwarded-For": "1.2.3.4"},
                json={"email": user.email, "password": STAFF_PASSWORD})
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "auth.sign_in"))
    assert event.ip_address == "127.0.0.1"


# CSV exports neutralise formulas (SEC-13)

DANGEROUS = ['=HYPERLINK("x")', "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\0=1+1", "\r=1+1"]


@pytest.mark.parametrize("value", DANGEROUS, ids=repr)
def test_a_cell_that_would_run_as_a_formula_is_neutralised(value):
    assert audit.safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["plain words", "", None, 42, "a=b", "1-2"], ids=repr)
def test_ordinary_cells_are_left_alone(value):
    assert audit.safe_cell(value) == ("" if value is None else str(value))


@pytest.mark.parametrize("value", DANGEROUS, ids=repr)
def test_to_csv_neutralises_every_dangerous_cell(value):
    rows = list(csv.reader(io.StringIO(audit.to_csv([{"body": value}], ["body"]), newline="")))
    assert rows == [["body"], ["'" + value]]


def test_the_audit_csv_export_neutralises_formulas(api_as, app):
    storable = [value for value in DANGEROUS if "\0" not in value]   # PostgreSQL text cannot hold NUL at all
    with transaction():
        for value in storable:
            audit.record(actor=SYSTEM, action=value, object_type=value)
    export = api_as("voice_officer").get("/api/v1/audit-events.csv")
    assert export.status_code == 200 and export.mimetype == "text/csv"
    cells = {cell for row in csv.reader(io.StringIO(export.get_data(as_text=True), newline="")) for cell in row}
    assert {"'" + value for value in storable} <= cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\0", "\r")) for cell in cells)


@pytest.mark.parametrize("role", ["senior_leader", "priority_lead", "board_member", "council_member"])
def test_only_a_voice_officer_may_export_the_audit_trail(api_as, role):
    assert api_as(role).get("/api/v1/audit-events.csv").status_code == 403


def test_exporting_the_audit_trail_is_itself_audited(api_as):
    api_as("voice_officer").get("/api/v1/audit-events.csv")
    assert db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "audit.export")) is not None


def test_a_401_names_the_bearer_scheme(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"


def test_a_nul_character_in_any_text_is_a_422_naming_the_field_and_nothing_is_written(yp):
    from voiceapp.tellus.models import Message
    response = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "hello\u0000there"})
    assert response.status_code == 422 and "body" in response.json["errors"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0
