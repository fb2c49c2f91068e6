"""Configuration: defaults, then VOICEAPP_* environment variables, then the mapping given to create_app."""
import os
from datetime import timedelta

from voiceapp import languages
from voiceapp.sqlite_lock import QueuedWriterConnection

DEV_SECRET = "dev-only-secret-change-me"


class Defaults:
    ENV = "development"
    SECRET_KEY = DEV_SECRET
    DATABASE_URL = None
    PUBLIC_URL = "http://127.0.0.1:5000"
    TWILIO_ACCOUNT_SID = ""
    TWILIO_AUTH_TOKEN = ""
    TWILIO_MESSAGING_SERVICE_SID = ""
    TWILIO_CALLER_ID = ""             # our number, as outbound call backs show it (E.164)
    CALL_RETRY_MINUTES = 30           # a call back nobody answered is tried once more after this long
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
    RATELIMIT_STORAGE_URI = "memory://"
    PROXY_HOPS = 0
    MAX_CONTENT_LENGTH = 64 * 1024
    API_DOCS_ENABLED = True
    # Sessions: opaque tokens kept server-side (ASVS 7.4.1), with idle and absolute limits.
    SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
    YOUNG_PERSON_SESSION_IDLE_TIMEOUT = timedelta(days=7)
    YOUNG_PERSON_SESSION_ABSOLUTE_TIMEOUT = timedelta(days=30)
    YOUNG_PERSON_SHARED_DEVICE_TIMEOUT = timedelta(hours=1)   # "this is a shared phone"
    # Where "Exit this page" goes: a neutral site that gives nothing away on a watched phone.
    EXIT_PAGE_URL = "https://www.bbc.co.uk/weather"
    # Staff sign-in: past the free tries in an hour, each try waits twice as long as the last (auth/throttle.py).
    SIGN_IN_FREE_TRIES_PER_ACCOUNT = 5    # from one source to one account
    SIGN_IN_FREE_TRIES_PER_SOURCE = 20    # from one source to any account (a right password takes its try back)
    SIGN_IN_BACKOFF_FIRST_SECONDS = 1
    SIGN_IN_BACKOFF_MOST_SECONDS = 900
    OTP_TTL = timedelta(minutes=10)
    OTP_MAX_ATTEMPTS = 5
    OTP_PER_NUMBER_HOURLY = 3
    OTP_GLOBAL_HOURLY = 500
    INVITATION_TTL = timedelta(days=14)
    SIGN_IN_RATE_LIMIT = "10 per minute"
    # Offered languages: every registered one (voiceapp/languages.py) whose catalog is in translations/, unless
    # VOICEAPP_LANGUAGES narrows them; a language with no catalog yet would show a young person English.
    LANGUAGES = None
    BABEL_DEFAULT_LOCALE = "en"
    SERVICE_CONTACT = "0113 000 0000"
    RETENTION_DAYS = 730              # a young person's records go this long after their last contact (PRIV-08)
    WORKER_TEAM_INBOX = ""            # answers "through my worker" go here when no worker is on record
    WORKER_PASS_ON_WORKING_DAYS = 3   # a worker passes an answer on within this many working days
    PRIVACY_URL = ""                  # default: PUBLIC_URL + /privacy
    SMS_JOIN_MODE = "open"            # open: a short join flow; invitation: a worker's code only
    SMS_STATE_TTL_SECONDS = 24 * 3600 # a quiet conversation starts fresh with the menu after this
    SMS_JOIN_WINDOW_SECONDS = 15      # texts this close together are parts of one long message
    SPOOL_DIR = ""                    # default: instance/spool
    QUIET_HOURS_START = "21:00"       # Europe/London; only direct replies and safeguarding go out then
    QUIET_HOURS_END = "08:00"
    SMS_SEGMENTS_PER_SECOND = 1.0     # the sender's throughput (a UK long code: check yours in Console)
    SMS_MAX_ATTEMPTS = 5
    TWILIO_REDACT_INBOUND = False     # true with the twilio backend: blank inbound bodies at Twilio once stored
    SMS_RETRY_BASE_SECONDS = 30
    # Safeguarding alerts. Contacts are {"name", "email", "phone"}; set them as JSON, e.g.
    # VOICEAPP_DUTY_CONTACTS='[{"name": "Duty manager", "email": "...", "phone": "+44..."}]'.
    DUTY_CONTACTS = []
    HEAD_OF_SERVICE = {}
    # For the duty contacts only (the EDT takes professionals' calls). The council must confirm the current
    # number: sources differ (0113 535 0600 and 0113 240 9536), so none is assumed here.
    EMERGENCY_DUTY_TEAM_PHONE = ""
    CRISIS_EMERGENCY_NUMBER = "999"
    CRISIS_CHILDLINE_NUMBER = "0800 1111"
    ALERT_RENOTIFY_MINUTES = 15
    ALERT_ESCALATE_MINUTES = 60
    # Languages Twilio's <Record transcribe> turns into words; any other voice message goes to a person at once.
    VOICE_TRANSCRIBED_LANGUAGES = ("en",)
    # A voice message with no transcription after this long goes to a person to listen to.
    VOICE_TRANSCRIPTION_WAIT_MINUTES = 5
    # Texts from one number within this window are also screened read together (a disclosure split up).
    SMS_JOIN_MINUTES = 10
    # Tell Us, We Care: time limits in working days (SI 2006/1738 reg 2), measured from receipt.
    ACK_WORKING_DAYS = 1
    RESPONSE_WORKING_DAYS = 10
    RESPONSE_EXTENDED_WORKING_DAYS = 20   # one extension, with a recorded reason
    DUE_SOON_HOURS = 24                   # lists show "due soon" this close to a deadline
    REMINDER_LEAD_HOURS = 24              # remind the owner this long before a deadline
    REPLY_LOCK_MINUTES = 10               # how long "I am replying" holds off other staff
    PAUSE_BULK_WHILE_OPEN = True          # hold survey invitations and other bulk texts while a message is open
    STAFF_MESSAGE_URL = "{public_url}/staff/messages/{message_id}"   # the link in staff emails
    OMBUDSMAN_PHONE = "0300 061 0614"     # Local Government and Social Care Ombudsman (check before go-live)
    OMBUDSMAN_WEBSITE = "www.lgo.org.uk"
    # Flask's own cookie is used only for page state, never for authentication.
    SESSION_COOKIE_NAME = "__Host-voiceapp"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # The six-monthly report. Counts from REPORT_SUPPRESS_FROM to REPORT_SUPPRESS_TO are withheld (DfE: 1-5)
    # and no percentage is given for fewer than REPORT_MIN_DENOMINATOR people (STAT-01, STAT-02).
    REPORT_SUPPRESS_FROM = 1
    REPORT_SUPPRESS_TO = 5
    REPORT_MIN_DENOMINATOR = 10
    REPORT_SECONDARY_MAX = None      # Hansard 2008 used 20: prefer complementary cells below it
    REPORT_COHORT_SIZES = {}         # e.g. {"child_in_care": 1550}: shows each cohort's reach
    REPORT_ACKNOWLEDGE_WORKING_DAYS = 1
    REPORT_ANSWER_WORKING_DAYS = 10
    REPORT_TELL_BACK_DAYS = 365      # "you said, we did" goes to those who raised the theme this recently
    REPORT_QUERY_WORKERS = 2         # the report's independent queries run side by side on this many connections
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
    _languages(app)
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
    # Bound values are young people's words and numbers: keep them out of error messages and logs (PRIV-01).
    if url.startswith("sqlite"):
        return {"hide_parameters": True, "connect_args": {"timeout": 15, "factory": QueuedWriterConnection}}
    return {"hide_parameters": True, "pool_pre_ping": True, "connect_args": {"connect_timeout": 2}}


def _translations(app):
    root = os.path.dirname(app.root_path)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", os.path.join(root, "translations"))


def _languages(app):
    """VOICEAPP_LANGUAGES (a JSON list) may narrow the offered languages, never name an unregistered one."""
    if app.config["LANGUAGES"] is None:
        folders = app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")
        app.config["LANGUAGES"] = tuple(
            code for code in languages.CODES if code == languages.DEFAULT
            or any(os.path.exists(os.path.join(folder, code, "LC_MESSAGES", "messages.po")) for folder in folders))
    offered = tuple(app.config["LANGUAGES"])
    unknown = [code for code in offered if code not in languages.BY_CODE]
    if unknown or languages.DEFAULT not in offered:
        raise ConfigError(f"VOICEAPP_LANGUAGES must be registered codes including en: {', '.join(languages.CODES)}")
    app.config["LANGUAGES"] = offered


def check(config):
    """Refuse to run in production with a default secret, debug on, or no Twilio credentials."""
    if config.get("ENV") != "production":
        return
    secret = config.get("SECRET_KEY") or ""
    if secret in (DEV_SECRET, "dev", "changeme") or len(secret) < 32:
        raise ConfigError("VOICEAPP_SECRET_KEY must be set to a random value of 32+ characters")
    if config.get("DEBUG"):
        raise ConfigError("DEBUG must be off in production")
    if not config.get("DUTY_CONTACTS"):
        # A disclosure at 3 a.m. must reach a person: without duty contacts an alert would only be logged.
        raise ConfigError("VOICEAPP_DUTY_CONTACTS must name at least one duty contact (JSON list)")
    if not (config.get("TWILIO_ACCOUNT_SID") and config.get("TWILIO_AUTH_TOKEN")):
        raise ConfigError("VOICEAPP_TWILIO_ACCOUNT_SID and VOICEAPP_TWILIO_AUTH_TOKEN are required")
    if config.get("SMS_BACKEND") != "twilio":
        # The console backend prints texts, sign-in codes included: never in production (PRIV-01).
        raise ConfigError("VOICEAPP_SMS_BACKEND must be twilio in production")
