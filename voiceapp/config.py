"""Configuration: defaults, then VOICEAPP_* environment variables, then the mapping given to create_app."""
import os
from datetime import timedelta

DEV_SECRET = "dev-only-secret-change-me"


class Defaults:
    ENV = "development"
    SECRET_KEY = DEV_SECRET
    DATABASE_URL = None
    PUBLIC_URL = "http://127.0.0.1:5000"
    TWILIO_ACCOUNT_SID = ""
    TWILIO_AUTH_TOKEN = ""
    TWILIO_MESSAGING_SERVICE_SID = ""
    SMS_BACKEND = "console"          # console | twilio | memory
    MAIL_BACKEND = "console"         # console | smtp | memory
    MAIL_HOST = "127.0.0.1"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_FROM = "voiceapp@localhost"
    JOB_BACKEND = "inprocess"        # inprocess | celery | inline
    CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    SCHEDULER_ENABLED = False        # the in-process ticker; `flask run` and gunicorn set it on (see README)
    RATELIMIT_STORAGE_URI = "memory://"
    PROXY_HOPS = 0
    MAX_CONTENT_LENGTH = 64 * 1024
    API_DOCS_ENABLED = True
    # Sessions: opaque tokens kept server-side (ASVS 7.4.1), with idle and absolute limits.
    SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
    YOUNG_PERSON_SESSION_IDLE_TIMEOUT = timedelta(days=7)
    YOUNG_PERSON_SESSION_ABSOLUTE_TIMEOUT = timedelta(days=30)
    STAFF_LOCKOUT_ATTEMPTS = 5
    STAFF_LOCKOUT_PERIOD = timedelta(minutes=15)
    OTP_TTL = timedelta(minutes=10)
    OTP_MAX_ATTEMPTS = 5
    OTP_PER_NUMBER_HOURLY = 3
    OTP_GLOBAL_HOURLY = 500
    INVITATION_TTL = timedelta(days=14)
    SIGN_IN_RATE_LIMIT = "10 per minute"
    LANGUAGES = ("en", "ar")
    BABEL_DEFAULT_LOCALE = "en"
    SERVICE_CONTACT = "0113 000 0000"
    # Flask's own cookie is used only for page state, never for authentication.
    SESSION_COOKIE_NAME = "__Host-voiceapp"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    API_TITLE = "voiceapp"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "docs"
    OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/"


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete for the chosen environment."""


def load(app, overrides=None):
    """Apply defaults, VOICEAPP_* environment variables and overrides, then check them."""
    app.config.from_object(Defaults)
    app.config.from_prefixed_env("VOICEAPP")
    app.config.update(overrides or {})
    _resolve_database(app)
    _translations(app)
    check(app.config)


def _resolve_database(app):
    url = app.config.get("DATABASE_URL")
    if not url:
        os.makedirs(app.instance_path, exist_ok=True)
        url = "sqlite:///" + os.path.join(app.instance_path, "voiceapp.sqlite")
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", _engine_options(url))


def _engine_options(url):
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 15}}
    return {"pool_pre_ping": True, "connect_args": {"connect_timeout": 2}}


def _translations(app):
    root = os.path.dirname(app.root_path)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", os.path.join(root, "translations"))


def check(config):
    """Refuse to run in production with a default secret, debug on, or no Twilio credentials."""
    if config.get("ENV") != "production":
        return
    secret = config.get("SECRET_KEY") or ""
    if secret in (DEV_SECRET, "dev", "changeme") or len(secret) < 32:
        raise ConfigError("VOICEAPP_SECRET_KEY must be set to a random value of 32+ characters")
    if config.get("DEBUG"):
        raise ConfigError("DEBUG must be off in production")
    if config.get("SMS_BACKEND") == "twilio" and not (
        config.get("TWILIO_ACCOUNT_SID") and config.get("TWILIO_AUTH_TOKEN")
    ):
        raise ConfigError("VOICEAPP_TWILIO_ACCOUNT_SID and VOICEAPP_TWILIO_AUTH_TOKEN are required")
