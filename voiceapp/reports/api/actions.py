"""You said, we did: priority leads record actions for their theme, the voice team for any."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import ActionChangeSchema, ActionFilterSchema, ActionInSchema, ActionSchema
from voiceapp.reports.services import actions

WRITERS = (Role.VOICE_OFFICER, Role.PRIORITY_LEAD)
READERS = (*WRITERS, Role.SENIOR_LEADER, Role.BOARD_MEMBER)


@blp.route("/actions", methods=["GET"])
@require_role(*READERS)
@blp.arguments(ActionFilterSchema, location="query")
@blp.response(200, ActionSchema(many=True))
def list_actions(args):
    return actions.list_actions(**args)


@blp.route("/actions", methods=["POST"])
@require_role(*WRITERS)
@blp.arguments(ActionInSchema)
@blp.response(201, ActionSchema)
def record_action(body):
    """Record what was done (or will be) about a theme, a message or a promise."""
    return actions.record_action(actor=current_actor(), **body)


@blp.route("/actions/<uuid:action_id>", methods=["PATCH"])
@require_role(*WRITERS)
@blp.arguments(ActionChangeSchema)
@blp.response(200, ActionSchema)
def change_action(body, action_id):
    return actions.change_action(actor=current_actor(), action_id=action_id, changes=body)


@blp.route("/actions/<uuid:action_id>/tell-young-people", methods=["POST"])
@require_role(*WRITERS)
@blp.response(200, ActionSchema)
def tell_young_people(action_id):
    """Text a done action to the young people who raised its theme (opted-out numbers get nothing)."""
    return actions.tell_young_people(actor=current_actor(), action_id=action_id)
