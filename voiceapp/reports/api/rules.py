"""Keyword rules for themes: the voice and influence team keeps them; staff who read the report can see them."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import RuleChangeSchema, RuleInSchema, RuleSchema
from voiceapp.reports.services import keywords

RULE_READERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER, Role.PRIORITY_LEAD, Role.BOARD_MEMBER)


@blp.route("/reports/theme-rules", methods=["GET"])
@require_role(*RULE_READERS)
@blp.response(200, RuleSchema(many=True))
def list_rules():
    """Every keyword rule, so anyone reading the report can see how free text was counted."""
    return keywords.list_rules()


@blp.route("/reports/theme-rules", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(RuleInSchema)
@blp.response(201, RuleSchema)
def add_rule(body):
    return keywords.add_rule(actor=current_actor(), **body)


@blp.route("/reports/theme-rules/<uuid:rule_id>", methods=["PATCH"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(RuleChangeSchema)
@blp.response(200, RuleSchema)
def change_rule(body, rule_id):
    return keywords.change_rule(actor=current_actor(), rule_id=rule_id, changes=body)


@blp.route("/reports/theme-rules/<uuid:rule_id>", methods=["DELETE"])
@require_role(Role.VOICE_OFFICER)
@blp.response(204)
def remove_rule(rule_id):
    keywords.remove_rule(actor=current_actor(), rule_id=rule_id)
