"""GET /healthz: 200 when the database (and the job broker, if one is configured) answers, 503 otherwise."""
import logging

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from voiceapp.extensions import db

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


def _database_ok():
    try:
        db.session.execute(sa.text("SELECT 1"))
        return True
    except Exception as error:
        db.session.rollback()
        log.warning("health check: database unreachable (%s)", type(error).__name__)
        return False


def _broker_ok():
    """Only when jobs go through a broker; a 1-second timeout keeps the whole check under 2 seconds."""
    if current_app.config["JOB_BACKEND"] != "celery":
        return None
    # redis is heavy to import (about a second on a busy machine); only a Celery deployment checks a broker.
    import redis
    try:
        return bool(redis.Redis.from_url(current_app.config["CELERY_BROKER_URL"], socket_timeout=1,
                                         socket_connect_timeout=1).ping())
    except Exception as error:
        log.warning("health check: broker unreachable (%s)", type(error).__name__)
        return False


@bp.route("/healthz")
def healthz():
    database, broker = _database_ok(), _broker_ok()
    body = {"status": "ok", "database": "ok" if database else "unreachable"}
    if broker is not None:
        body["broker"] = "ok" if broker else "unreachable"
    healthy = database and broker is not False
    if not healthy:
        body["status"] = "unavailable"
    return jsonify(body), 200 if healthy else 503


healthz.audience = ("anyone",)
