"""Test wiring: one migrated database per run, a rolled-back savepoint per test, fakes at the edges."""
import copy
import os
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
import time_machine

from voiceapp import create_app
from voiceapp.auth.actors import Actor
from voiceapp.extensions import db, limiter
from voiceapp.jobs import backends as job_backends
from voiceapp.promises.seed import seed_all

TEST_SECRET = "test-secret-" + "x" * 40


def base_config(url):
    return {
        "TESTING": True, "SECRET_KEY": TEST_SECRET, "DATABASE_URL": url, "JOB_BACKEND": "inline",
        "SMS_BACKEND": "memory", "MAIL_BACKEND": "memory", "PUBLIC_URL": "https://voice.example.org", "TWILIO_AUTH_TOKEN": "test-token",
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "SESSION_COOKIE_SECURE": True,
    }


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    url = os.environ.get("VOICEAPP_TEST_DATABASE_URL")
    if url:
        url = worker_database(url, worker_id)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    app = create_app(base_config(url))
    with app.app_context():
        reset_schema(db.engine)
        # The models build the test schema; tests/test_migrations.py checks the migrations build the same.
        db.create_all()
        seed_all()
        db.engine.dispose()
    return url


def worker_database(url, worker_id):
    """Each pytest-xdist worker gets a PostgreSQL database of its own, named after the one given."""
    if worker_id == "master":
        return url
    given = sa.engine.make_url(url)
    own = given.set(database=f"{given.database}_{worker_id}")
    engine = sa.create_engine(given, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                    {"name": own.database}).scalar()
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{own.database}"'))
    engine.dispose()
    return own.render_as_string(hide_password=False)


def reset_schema(engine, schema="public"):
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))


@pytest.fixture
def config_overrides():
    """Override in a test module to change settings for its app."""
    return {}


_APPS = {}


def app_for(database_url, overrides):
    """One app per distinct configuration for the whole session: building one costs over half a second."""
    key = (database_url, repr(sorted(overrides.items())))
    if key not in _APPS:
        _APPS[key] = create_app({**base_config(database_url), **overrides})
    return _APPS[key]


def fresh_adapters(app):
    """What a test may have filled in a shared app starts empty again: sent texts and mail, jobs, rate limits."""
    app.extensions.pop("voiceapp_sms", None)
    app.extensions.pop("voiceapp_mail", None)
    app.extensions["voiceapp_jobs"] = job_backends.create(app)
    limiter.reset()


@pytest.fixture
def app(request, database_url, config_overrides):
    if request.node.get_closest_marker("adds_routes"):
        # Flask refuses new routes once an app has served a request, so such a test gets an app of its own.
        app = create_app({**base_config(database_url), **config_overrides})
    else:
        app = app_for(database_url, config_overrides)
    settings = copy.deepcopy(dict(app.config))
    # Registries a test adds to (a legal hold, a pause check) go back to what the domains registered.
    registries = {key: copy.copy(value) for key, value in app.extensions.items()
                  if key.startswith("voiceapp_") and isinstance(value, (list, dict))}
    fresh_adapters(app)
    with app.app_context():
        engines = db.engines
        engine = engines[None]
        connection = engine.connect()
        outer = connection.begin()
        engines[None] = connection
        db.session.remove()
        db.session.configure(join_transaction_mode="create_savepoint")
        try:
            yield app
        finally:
            db.session.remove()
            outer.rollback()
            connection.close()
            engines[None] = engine
            app.config.clear()
            app.config.update(settings)
            app.extensions.update(registries)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def clock():
    """Freeze time at a weekday morning in term time; tests move it with clock.move_to(...)."""
    with time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc), tick=False) as traveller:
        yield traveller


@pytest.fixture
def sent_sms(app):
    """What the memory SMS backend would have sent."""
    from voiceapp.messaging.senders import sender_for
    return sender_for(app).sent


@pytest.fixture
def sent_email(app):
    """What the memory mail backend would have sent."""
    from voiceapp.messaging.email import mailer_for
    return mailer_for(app).sent


@pytest.fixture
def system_actor():
    return Actor(kind="system")


class ApiClient:
    """A test client that signs every request with one actor's bearer token."""

    def __init__(self, client, token, actor_id):
        self.client, self.token, self.id = client, token, actor_id

    def _headers(self, kwargs):
        headers = dict(kwargs.pop("headers", {}) or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def open(self, method, url, **kwargs):
        return self.client.open(url, method=method, headers=self._headers(kwargs), **kwargs)

    def get(self, url, **kwargs):
        return self.open("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.open("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self.open("PUT", url, **kwargs)

    def patch(self, url, **kwargs):
        return self.open("PATCH", url, **kwargs)

    def delete(self, url, **kwargs):
        return self.open("DELETE", url, **kwargs)


def _session_for(**subject):
    from voiceapp.auth.services import open_session
    from voiceapp.database import transaction
    with transaction():
        return open_session(**subject)


@pytest.fixture
def api_as(app, client):
    """api_as("senior_leader") or api_as(young_person=person): a client signed in as that actor."""
    from tests.factories import StaffFactory

    def make(role=None, *, young_person=None, **staff_fields):
        if young_person is not None:
            return ApiClient(client, _session_for(young_person_id=young_person.id), young_person.id)
        if role is None:
            return ApiClient(client, None, None)
        if role == "priority_lead":
            from voiceapp.promises.services import priority_by_number
            staff_fields.setdefault("priority_id", priority_by_number(3).id)
        user = StaffFactory(role=role, **staff_fields)
        return ApiClient(client, _session_for(staff_user_id=user.id), user.id)
    return make


@pytest.fixture
def young_person(app):
    from tests.factories import YoungPersonFactory
    return YoungPersonFactory()


@pytest.fixture
def yp(api_as, young_person):
    """The young person's own signed-in client."""
    return api_as(young_person=young_person)


class SignedTwilio:
    """Posts form requests to /twilio/* signed exactly as Twilio would sign them (real RequestValidator)."""

    def __init__(self, client, app):
        from twilio.request_validator import RequestValidator
        self.client, self.app = client, app
        self.validator = RequestValidator(app.config["TWILIO_AUTH_TOKEN"])
        self.counter = 0

    def signature(self, path, params, base=None):
        url = (base or self.app.config["PUBLIC_URL"]).rstrip("/") + path
        return self.validator.compute_signature(url, params)

    def post(self, path, params, signature=None, headers=None):
        headers = dict(headers or {})
        headers["X-Twilio-Signature"] = signature if signature is not None else self.signature(path, params)
        return self.client.post(path, data=params, headers=headers)

    def sms(self, body, phone="+447911123456", sid=None, **extra):
        self.counter += 1
        params = {"MessageSid": sid or f"SM{self.counter:032d}", "From": phone, "To": "+447700000001",
                  "Body": body, "NumSegments": "1", **extra}
        return self.post("/twilio/sms", params)


@pytest.fixture
def twilio(app, client):
    return SignedTwilio(client, app)


def twiml_texts(response):
    """The <Message> texts of a TwiML reply, after checking it is well-formed XML with the right type."""
    from xml.etree import ElementTree
    assert response.status_code == 200, response.data
    assert response.headers["Content-Type"].startswith(("text/xml", "application/xml"))
    root = ElementTree.fromstring(response.data)
    assert root.tag == "Response"
    return [m.text or "" for m in root.iter("Message")]
