"""Flask extensions, created unbound and bound to an app by register()."""
from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_migrate import Migrate

from voiceapp import database, i18n
from voiceapp.database import db

__all__ = ["db", "migrate", "babel", "limiter", "register"]
migrate = Migrate()
babel = Babel()


def _client_ip():
    return request.remote_addr or "unknown"


# Limits apply only where a view asks for one: /twilio/* must never answer 429 (TW-06).
limiter = Limiter(key_func=_client_ip, default_limits=[], headers_enabled=True)


def register(app):
    db.init_app(app)
    with app.app_context():
        database.tune_engine(db.engine)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True)
    babel.init_app(app, locale_selector=i18n.select_locale)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
