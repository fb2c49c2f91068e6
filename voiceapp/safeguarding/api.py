"""Safeguarding over the API: a young person's "I don't feel safe", and staff acting on alerts."""
from flask_smorest import Blueprint

from voiceapp.auth.guards import current_actor, require_role, require_young_person
from voiceapp.auth.models import Role
from voiceapp.promises.models import Channel
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.schemas import (AlertActionSchema, AlertDetailSchema, AlertFilterSchema,
                                           AlertSchema, UnsafeReceiptSchema)

blp = Blueprint("safeguarding", __name__, url_prefix="/api/v1", description="Safeguarding alerts")
# Priority leads, board and council members never see alerts: only the people who act on them.
DUTY = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)


@blp.route("/unsafe", methods=["POST"])
@require_young_person
@blp.response(201, UnsafeReceiptSchema)
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
