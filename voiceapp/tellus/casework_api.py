"""Staff casework over the API: the reply lock, time-limit extensions, formal complaints, praise and the
approved replies library."""
from flask_smorest import Blueprint

from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.auth.roles import CASEWORK
from voiceapp.tellus import casework, complaints, replies, replies_library, threads
from voiceapp.tellus.casework_schemas import (AdvocacyInSchema, EscalateInSchema, ExtensionInSchema,
                                              LetterArgsSchema, LetterSchema, LockSchema, PraiseInSchema,
                                              StageStepInSchema, TemplateFilterSchema, TemplateInSchema,
                                              TemplateSchema, TemplateUpdateSchema)
from voiceapp.tellus.schemas import StaffMessageSchema

blp = Blueprint("tellus_casework", __name__, url_prefix="/api/v1", description="Tell Us, We Care casework")


@blp.route("/messages/<uuid:message_id>/lock", methods=["POST"])
@require_role(*CASEWORK)
@blp.response(200, LockSchema)
def take_lock(message_id):
    """Show others you are replying, for a few minutes (409 naming whoever already is)."""
    return replies.take_reply_lock(actor=current_actor(), message_id=message_id)


@blp.route("/messages/<uuid:message_id>/lock", methods=["DELETE"])
@require_role(*CASEWORK)
@blp.response(204)
def release_lock(message_id):
    replies.release_reply_lock(actor=current_actor(), message_id=message_id)


@blp.route("/messages/<uuid:message_id>/extension", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(ExtensionInSchema)
@blp.response(200, StaffMessageSchema)
def extend(body, message_id):
    """Extend the response time limit once, with a reason (10 to 20 working days)."""
    return threads.shown_one(casework.extend_deadline(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/praise", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(PraiseInSchema)
@blp.response(200, StaffMessageSchema)
def pass_on_praise(body, message_id):
    """Email the praised person's manager and close the message with praise passed on."""
    return threads.shown_one(casework.pass_on_praise(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/complaint", methods=["POST"])
@require_role(*CASEWORK)
@blp.response(200, StaffMessageSchema)
def mark_as_complaint(message_id):
    """Treat the message as a formal complaint (stage 1, clock from receipt)."""
    return threads.shown_one(complaints.mark_as_complaint(actor=current_actor(), message_id=message_id))


@blp.route("/messages/<uuid:message_id>/complaint/advocacy", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(AdvocacyInSchema)
@blp.response(200, StaffMessageSchema)
def record_advocacy_offer(body, message_id):
    """Record that an advocate was offered (needed before a complaint can close)."""
    return threads.shown_one(complaints.record_advocacy_offer(actor=current_actor(), message_id=message_id,
                                                              **body))


@blp.route("/messages/<uuid:message_id>/complaint/escalation", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(EscalateInSchema)
@blp.response(200, StaffMessageSchema)
def escalate_complaint(body, message_id):
    """Move the complaint to its next stage, at the young person's request."""
    return threads.shown_one(complaints.escalate_complaint(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/complaint/steps", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(StageStepInSchema)
@blp.response(200, StaffMessageSchema)
def record_stage_step(body, message_id):
    """Record when the stage 3 review panel met or reported."""
    return threads.shown_one(complaints.record_stage_step(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/complaint/letter", methods=["GET"])
@require_role(*CASEWORK)
@blp.arguments(LetterArgsSchema, location="query")
@blp.response(200, LetterSchema)
def preview_letter(args, message_id):
    """The closing letter as it would be sent, in the young person's language unless asked otherwise."""
    return complaints.preview_letter(actor=current_actor(), message_id=message_id, **args)


@blp.route("/reply-templates", methods=["GET"])
@require_role(*CASEWORK)
@blp.arguments(TemplateFilterSchema, location="query")
@blp.response(200, TemplateSchema(many=True))
def list_templates(args):
    """Approved replies, to insert and edit before sending."""
    return replies_library.list_templates(actor=current_actor(), **args)


@blp.route("/reply-templates", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(TemplateInSchema)
@blp.response(201, TemplateSchema)
def create_template(body):
    return replies_library.create_template(actor=current_actor(), **body)


@blp.route("/reply-templates/<uuid:template_id>", methods=["PATCH"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(TemplateUpdateSchema)
@blp.response(200, TemplateSchema)
def update_template(body, template_id):
    """Change an approved reply's wording, or retire it with {"active": false}."""
    return replies_library.update_template(actor=current_actor(), template_id=template_id, changes=body)
