"""The application factory, configuration rules and the health check."""
import pytest
from sqlalchemy.exc import OperationalError

from voiceapp import create_app
from voiceapp.config import ConfigError


def test_production_refuses_the_default_secret_key():
    with pytest.raises(ConfigError):
        create_app({"ENV": "production", "SECRET_KEY": "dev-only-secret-change-me"})


def test_production_refuses_a_short_secret_key():
    with pytest.raises(ConfigError):
        create_app({"ENV": "production", "SECRET_KEY": "dev"})


def test_production_refuses_debug():
    with pytest.raises(ConfigError):
        create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DEBUG": True})


def test_production_refuses_the_console_sms_backend(tmp_path):
    with pytest.raises(ConfigError, match="SMS_BACKEND"):
        create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DUTY_CONTACTS": DUTY, "TWILIO_ACCOUNT_SID": "AC1",
                    "TWILIO_AUTH_TOKEN": "t", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})


def test_production_refuses_twilio_without_credentials():
    with pytest.raises(ConfigError):
        create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "SMS_BACKEND": "twilio", "DUTY_CONTACTS": DUTY})


DUTY = [{"name": "Duty", "email": "duty@example.org", "phone": "+447911999999"}]


def test_production_refuses_to_start_without_duty_contacts(tmp_path):
    with pytest.raises(ConfigError):
        create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})


def test_production_starts_with_a_strong_secret(tmp_path):
    app = create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                      "DUTY_CONTACTS": DUTY, "SMS_BACKEND": "twilio", "TWILIO_ACCOUNT_SID": "AC1",
                      "TWILIO_AUTH_TOKEN": "t"})
    assert app.config["ENV"] == "production"


def test_settings_come_from_voiceapp_environment_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("VOICEAPP_PUBLIC_URL", "https://tunnel.example")
    monkeypatch.setenv("VOICEAPP_DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    app = create_app()
    assert app.config["PUBLIC_URL"] == "https://tunnel.example"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.db")


def test_postgres_urls_use_the_psycopg_driver(tmp_path):
    app = create_app({"DATABASE_URL": "postgres://u@127.0.0.1/x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_health_check_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_health_check_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    from voiceapp.extensions import db

    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))
    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_openapi_document_is_generated_from_the_schemas(client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/me/messages" in spec["paths"]
    assert "MessageIn" in spec["components"]["schemas"]


def test_interactive_docs_are_served_without_third_party_scripts(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert b"cdn" not in page.data.lower()
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_docs_can_be_switched_off(database_url):
    from tests.conftest import base_config
    app = create_app({**base_config(database_url), "API_DOCS_ENABLED": False})
    assert app.test_client().get("/api/docs").status_code == 404


@pytest.mark.parametrize("broker, expected", [("redis://127.0.0.1:6379/15", 200), ("redis://127.0.0.1:1/0", 503)])
def test_health_check_includes_the_broker_when_jobs_use_one(database_url, broker, expected):
    from tests.conftest import base_config
    app = create_app({**base_config(database_url), "JOB_BACKEND": "celery", "CELERY_BROKER_URL": broker})
    response = app.test_client().get("/healthz")
    assert response.status_code == expected
    assert response.json["broker"] == ("ok" if expected == 200 else "unreachable")
