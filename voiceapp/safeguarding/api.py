"""Safeguarding over the API: a young person's "I don't feel safe", and staff acting on alerts."""
import logging
from functools import wraps

from flask import current_app, request
from flask_smorest import Blueprint
from werkzeug.exceptions import HTTPException

from voiceapp import crypto
from voiceapp.auth.guards import bearer_token, current_actor, require_role, require_young_person
from voiceapp.auth.roles import DUTY
from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError
from voiceapp.extensions import db
from voiceapp.safeguarding import alerts, offline
from voiceapp.safeguarding.schemas import (AlertActionSchema, AlertDetailSchema, AlertFilterSchema,
                                           AlertSchema, UnsafeKeptSchema, UnsafeReceiptSchema)

blp = Blueprint("safeguarding", __name__, url_prefix="/api/v1", description="Safeguarding alerts")
# Priority leads, board and council members never see alerts: only the people who act on them.
log = logging.getLogger(__name__)


def _kept_when_the_database_fails(view):
    """Whatever fails behind it, the young person is answered with the crisis words and the choice is kept."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except (DomainError, HTTPException):
            raise
        except Exception as error:
            log.error("'I don't feel safe' could not be recorded (%s): keeping it on disk", type(error).__name__)
            db.session.rollback()
            token = bearer_token()
            language = request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "en"
            message = offline.keep_unsafe_choice(channel=Channel.WEB, language=language,
                                                 token_hash=crypto.token_hash(token) if token else None)
            return UnsafeKeptSchema().dump({"support": {"alert": True, "message": message}}), 202
    return wrapped


@blp.route("/unsafe", methods=["POST"])
@_kept_when_the_database_fails
@require_young_person
@blp.response(201, UnsafeReceiptSchema)
@blp.alt_response(202, schema=UnsafeKeptSchema, description="We could not record it just now: it is kept and "
                  "reaches the safety team as soon as we can; the crisis words are shown at once")
def report_unsafe():
    """I don't feel safe: tells the safety team at once, with no words needed."""
    return alerts.report_unsafe(young_person_id=current_actor().id, channel=Channel.WEB)


@blp.route("/alerts", methods=["GET"])
@require_role(*DUTY)
@blp.arguments(AlertFilterSchema, location="query")
@blp.response(200, AlertSchema(many=True))
def list_alerts(args):
    """Safeguarding alerts, newest first (filter by status)."""
    return alerts.list_alerts(actor=current_actor(), **args)


@blp.route("/alerts/<uuid:alert_id>", methods=["GET"])
@require_role(*DUTY)
@blp.response(200, AlertDetailSchema)
def get_alert(alert_id):
    """One alert, with the words that raised it and what has happened since."""
    return alerts.view_alert(actor=current_actor(), alert_id=alert_id)


@blp.route("/alerts/<uuid:alert_id>/acknowledge", methods=["POST"])
@require_role(*DUTY)
@blp.response(200, AlertDetailSchema)
def acknowledge_alert(alert_id):
    """Take the alert on, in your name: this stops the reminders and the escalation."""
    return alerts.acknowledge_alert(actor=current_actor(), alert_id=alert_id)


@blp.route("/alerts/<uuid:alert_id>/action", methods=["PUT"])
@require_role(*DUTY)
@blp.arguments(AlertActionSchema)
@blp.response(200, AlertDetailSchema)
def record_action(body, alert_id):
    """Write down what was done."""
    return alerts.record_action(actor=current_actor(), alert_id=alert_id, action_taken=body["action_taken"])


@blp.route("/alerts/<uuid:alert_id>/close", methods=["POST"])
@require_role(*DUTY)
@blp.response(200, AlertDetailSchema)
def close_alert(alert_id):
    """Close the alert, once it was taken on and the action recorded."""
    return alerts.close_alert(actor=current_actor(), alert_id=alert_id)
