"""The youth councils mark themes as their priorities and comment on a period's report."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import (CouncilCommentInSchema, CouncilCommentSchema, CouncilPriorityArgs,
                                      CouncilPriorityInSchema, CouncilPrioritySchema, CouncilPriorityWithActionsSchema,
                                      LinkActionSchema)
from voiceapp.reports.services import councils

LINKERS = (Role.VOICE_OFFICER, Role.PRIORITY_LEAD)
PRIORITY_READERS = (*LINKERS, Role.SENIOR_LEADER, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)


@blp.route("/councils/reports/<string:period>/priorities", methods=["POST"])
@require_role(Role.COUNCIL_MEMBER)
@blp.arguments(CouncilPriorityInSchema)
@blp.response(201, CouncilPrioritySchema)
def mark_priority(body, period):
    """Mark a theme as one of your council's priorities for this report."""
    return councils.mark_priority(actor=current_actor(), period=period, priority=body["priority"])


@blp.route("/councils/reports/<string:period>/priorities/<int:priority>", methods=["DELETE"])
@require_role(Role.COUNCIL_MEMBER)
@blp.response(204)
def unmark_priority(period, priority):
    councils.unmark_priority(actor=current_actor(), period=period, priority=priority)


@blp.route("/councils/reports/<string:period>/comments", methods=["POST"])
@require_role(Role.COUNCIL_MEMBER)
@blp.arguments(CouncilCommentInSchema)
@blp.response(201, CouncilCommentSchema)
def add_comment(body, period):
    """Add your council's comment; the report prints it under the council's name."""
    return councils.add_comment(actor=current_actor(), period=period, **body)


@blp.route("/councils/reports/<string:period>/priorities", methods=["GET"])
@require_role(*PRIORITY_READERS)
@blp.arguments(CouncilPriorityArgs, location="query")
@blp.response(200, CouncilPriorityWithActionsSchema(many=True))
def list_council_priorities(args, period):
    """The councils' priorities with the actions answering each; has_action is false for those with none yet."""
    council = councils.council_scope(current_actor(), args["council"])
    return councils.list_council_priorities(period=period, council=council)


@blp.route("/councils/priorities/<uuid:council_priority_id>/actions", methods=["POST"])
@require_role(*LINKERS)
@blp.arguments(LinkActionSchema)
@blp.response(200, CouncilPriorityWithActionsSchema)
def link_action(body, council_priority_id):
    """Say that a "you said, we did" action (on the same theme) answers a council's priority."""
    return councils.link_action(actor=current_actor(), council_priority_id=council_priority_id, **body)


@blp.route("/councils/priorities/<uuid:council_priority_id>/actions/<uuid:action_id>", methods=["DELETE"])
@require_role(*LINKERS)
@blp.response(204)
def unlink_action(council_priority_id, action_id):
    councils.unlink_action(actor=current_actor(), council_priority_id=council_priority_id, action_id=action_id)
