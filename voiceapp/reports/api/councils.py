"""The youth councils mark themes as their priorities and comment on a period's report."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import (CouncilCommentInSchema, CouncilCommentSchema, CouncilPriorityInSchema,
                                      CouncilPrioritySchema)
from voiceapp.reports.services import councils


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
