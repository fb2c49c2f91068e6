"""Every free-text field a young person can send through the API, found from the schemas themselves, is screened.

The fields are discovered from the marshmallow schemas of the routes whose guard lets young people post (their own
routes, and the youth council members', who are young people too): every string field without a fixed list
of values, at any depth. A new field fails `test_every_free_text_field_has_a_writer_below` until a writer
here proves that a disclosure sent through it raises an alert. Texts and phone calls are proven the same way.
"""
import uuid

import pytest
from marshmallow import fields, validate

from tests.safeguarding import test_every_channel as channels
from tests.safeguarding.test_alerts import DUTY, RISK
from voiceapp.extensions import db
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import SafeguardingAlert

# Routes whose writers are young people, by the audience their guard declares: their own, and the youth
# councils' members (young people too).
YOUNG_WRITERS = {"young_person", "council_member"}
# Fields whose names say they hold a code, not words: checked against their own shape by the service.
CODES = {"phone", "language"}
WRITING_METHODS = {"POST", "PUT", "PATCH"}
# Strings that are not words: codes and identifiers checked against a fixed shape.
NOT_WORDS = (fields.UUID, fields.Email, fields.URL, fields.Enum, fields.Boolean, fields.Number, fields.DateTime,
             fields.Date)


@pytest.fixture
def config_overrides():
    return DUTY


def free_text_fields(schema, prefix=""):
    """Dotted names of the fields of a schema a person can write words into ("answers[].comment")."""
    for name, field in schema.fields.items():
        key = prefix + (field.data_key or name)
        if field.dump_only or (field.data_key or name) in CODES:
            continue
        if isinstance(field, fields.Nested):
            yield from free_text_fields(field.schema, key + ".")
        elif isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
            yield from free_text_fields(field.inner.schema, key + "[].")
        elif isinstance(field, fields.List):
            if _is_words(field.inner):
                yield key + "[]"
        elif _is_words(field):
            yield key


def _is_words(field):
    if isinstance(field, NOT_WORDS) or any(isinstance(v, validate.OneOf) for v in field.validators):
        return False
    # A string, or a field of the project's own that may carry one (a survey answer's value).
    return not isinstance(field, (fields.Dict, fields.Tuple))


def discovered(app):
    found = set()
    for rule in app.url_map.iter_rules():
        methods = (rule.methods or set()) & WRITING_METHODS
        doc = getattr(app.view_functions[rule.endpoint], "_apidoc", {})
        if not methods or not YOUNG_WRITERS & set(getattr(app.view_functions[rule.endpoint], "audience", ())):
            continue
        for parameter in doc.get("arguments", {}).get("parameters", []):
            if parameter.get("location", "json") not in ("json", "form"):
                continue
            schema = parameter["schema"]() if isinstance(parameter["schema"], type) else parameter["schema"]
            found |= {f"{method} {rule.rule} {name}" for method in methods for name in free_text_fields(schema)}
    return found


# --- writers: each sends RISK through one field and returns where the words were stored -----------------------

def message_body(request, me):
    return channels.message_body(request, me)


def praise_for(request, me):
    sent = me.post("/api/v1/me/messages", json={"kind": "praise", "body": "She was great this week",
                                               "praise_for": RISK, "wants_reply": False})
    assert sent.status_code == 201, sent.json
    return "message_praise_for", sent.json["id"]


def reply_body(request, me):
    return channels.reply_body(request, me)


def satisfaction_why(request, me):
    message_id = me.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "No news yet"}).json["id"]
    leader = request.getfixturevalue("api_as")("senior_leader")
    assert leader.post(f"/api/v1/messages/{message_id}/status",
                       json={"status": "closed", "outcome": "resolved"}).status_code == 200
    answered = me.post(f"/api/v1/me/messages/{message_id}/satisfaction", json={"answer": "no", "why": RISK})
    assert answered.status_code in (200, 201), answered.json
    return None, None


def council_comment(request, me):
    member = request.getfixturevalue("api_as")("council_member", council="have_a_voice")
    sent = member.post("/api/v1/councils/reports/2026-H1/comments", json={"body": RISK})
    assert sent.status_code == 201, sent.json
    return "council_comment", sent.json["id"]


WRITERS = {
    "POST /api/v1/me/messages body": message_body,
    "POST /api/v1/me/messages praise_for": praise_for,
    "POST /api/v1/me/messages/<uuid:message_id>/replies body": reply_body,
    "POST /api/v1/me/messages/<uuid:message_id>/satisfaction why": satisfaction_why,
    "POST /api/v1/me/promise-checks comment": channels.check_comment,
    "POST /api/v1/me/promise-checks answers[].comment": channels.rating_comment,
    "PUT /api/v1/me/surveys/<uuid:survey_id>/response answers[].value": channels.survey_answer,
    "POST /api/v1/councils/reports/<string:period>/comments body": council_comment,
}
# Not routes of the API but the same young people's words: proven here beside the fields.
CHANNEL_WRITERS = {"a text message": channels.inbound_sms, "a phone message": channels.voice_transcription}


@pytest.fixture
def person(app):
    return channels.YoungPersonFactory(phone=channels.PHONE)


@pytest.fixture
def me(api_as, person):
    return api_as(young_person=person)


def test_every_free_text_field_has_a_writer_below(app):
    found = discovered(app)
    assert found - set(WRITERS) == set(), "add a writer proving each new field is screened"
    assert set(WRITERS) - found == set(), "a writer names a field no route has any more"


def test_the_discovery_finds_the_fields_known_to_carry_words(app):
    assert {"POST /api/v1/me/messages body", "POST /api/v1/me/promise-checks answers[].comment"} <= discovered(app)


@pytest.mark.parametrize("field", sorted({**WRITERS, **CHANNEL_WRITERS}))
def test_a_disclosure_sent_through_each_field_raises_an_alert(request, me, screened, field):
    source_type, source_id = {**WRITERS, **CHANNEL_WRITERS}[field](request, me)
    assert RISK in screened
    if source_type is None:         # stored as a row the route does not name: any alert on the words
        assert any(RISK in (alerts.source_text(alert) or "") for alert in all_alerts())
    else:
        alert = alerts.alert_for_source(source_type, uuid.UUID(str(source_id)))
        assert alert is not None and alerts.source_text(alert) == RISK


def all_alerts():
    return db.session.query(SafeguardingAlert).all()


screened = channels.screened
