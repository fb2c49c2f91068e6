"""GET /healthz: 200 when the database answers, 503 when it does not (REL-03)."""
import logging

import sqlalchemy as sa
from flask import Blueprint, jsonify

from voiceapp.extensions import db

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    try:
        db.session.execute(sa.text("SELECT 1"))
    except Exception as error:
        db.session.rollback()
        log.warning("health check: database unreachable (%s)", type(error).__name__)
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


healthz.audience = ("anyone",)
