"""Flask extensions, created unbound and bound to an app by register()."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy

from voiceapp.database import metadata

db = SQLAlchemy(metadata=metadata)
migrate = Migrate()
babel = Babel()
api = Api()


def _client_ip():
    from flask import request
    return request.remote_addr or "unknown"


# Limits apply only where a view asks for one: /twilio/* must never answer 429 (TW-06).
limiter = Limiter(key_func=_client_ip, default_limits=[], headers_enabled=True)


def register(app):
    from voiceapp import database, i18n
    db.init_app(app)
    with app.app_context():
        database.tune_engine(db.engine)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True)
    babel.init_app(app, locale_selector=i18n.select_locale)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
    from voiceapp.jobs import init_app as init_jobs
    init_jobs(app)
