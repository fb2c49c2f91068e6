"""Tell Us messages: the list, one message with its thread, and every casework step on it (acknowledge,
assign, themes, reply by the young person's channel, notes, extension, formal complaint stages, praise,
proposing a quote, closing)."""
from flask import g, render_template, request, url_for
from marshmallow import ValidationError

from voiceapp.promises import services as promises
from voiceapp.reports.schemas import QuoteInSchema
from voiceapp.reports.services import quotes
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, page_error, page_or_reason, posted
from voiceapp.staff_pages.roles import ASSIGNERS, CASEWORK, QUOTE_EDITORS
from voiceapp.staff_pages.session import staff_page
from voiceapp.tellus import casework, complaints, replies, replies_library, triage
from voiceapp.tellus.casework_schemas import (EscalateInSchema, ExtensionInSchema, PraiseInSchema,
                                              StaffReplyInSchema, StageStepInSchema, TemplateSchema)
from voiceapp.tellus.schemas import (AssignSchema, MessageFilterSchema, MessagePageSchema, ReplyInSchema,
                                     StaffMessageSchema, StatusChangeSchema, ThemesSchema)

PLAIN = {"body": "Write your reply (up to 5000 characters)", "status": "Choose what to move the message to",
         "outcome": "Choose the outcome to close the message", "staff_id": "Choose who to give it to",
         "themes": "Choose priorities from the list", "reason": "Give the reason for the extension",
         "manager_email": "Enter the manager's email address, like name@leeds.gov.uk",
         "step": "Choose the step", "requested_at": "Enter when they asked", "template_id": "Choose a template"}


@bp.route("/messages")
@staff_page(*CASEWORK)
def message_list():
    try:
        args = MessageFilterSchema().load({key: value for key, value in request.args.items() if value != ""})
    except ValidationError:
        return page_error(422, "That filter is not right: choose from the lists.")
    items, total = triage.list_messages(actor=g.actor, **args)
    page = MessagePageSchema().dump({"items": items, "total": total})
    return render_template("staff/messages.html", title="Tell Us messages", page=page, args=args)


def _message_page(message_id, errors=None, status=200):
    message = StaffMessageSchema().dump(triage.get_message(actor=g.actor, message_id=message_id))
    templates = TemplateSchema(many=True).dump(replies_library.list_templates(actor=g.actor))
    assignees = triage.assignable_staff()
    return render_template(
        "staff/message.html", title="Tell Us message", message=message, errors=errors or {},
        typed=posted("body", "note", "reason", "manager_email", "person_name"), templates=templates,
        chosen_template=_chosen(templates), priorities=promises.list_priorities(),
        assignees=assignees, assignee=next((s for s in assignees if str(s.id) == message["assigned_to_id"]), None),
        may_quote=g.actor.has_role(*QUOTE_EDITORS), may_assign=g.actor.has_role(*ASSIGNERS)), status


def _chosen(templates):
    wanted = request.args.get("template")
    return next((template for template in templates if template["id"] == wanted), None)


def _render(message_id):
    return lambda **kw: _message_page(message_id, **kw)


def _done(message_id, anchor=""):
    return url_for("staff.message", message_id=message_id) + anchor


@bp.route("/messages/<uuid:message_id>")
@staff_page(*CASEWORK)
def message(message_id):
    return page_or_reason(lambda: _message_page(message_id))


@bp.route("/messages/<uuid:message_id>/reply", methods=["POST"])
@staff_page(*CASEWORK)
def reply(message_id):
    """Answer on the channel the young person chose (text, website or their worker)."""
    return act(lambda: replies.reply_to_message(actor=g.actor, message_id=message_id,
                                                **StaffReplyInSchema().load(posted("body", "template_id"))),
               _done(message_id, "#thread"), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/note", methods=["POST"])
@staff_page(*CASEWORK)
def add_note(message_id):
    typed = posted("note")
    return act(lambda: triage.add_note(actor=g.actor, message_id=message_id,
                                       **ReplyInSchema().load({"body": typed.get("note", "")})),
               _done(message_id, "#notes"), _beside_note(message_id), {"body": "Write the note"})


def _beside_note(message_id):
    """The note schema calls its field `body`, as the reply box's is: show its reason by the note box."""
    def render(errors=None, **kw):
        return _message_page(message_id, errors={"note" if field == "body" else field: reason
                                                 for field, reason in (errors or {}).items()}, **kw)
    return render


@bp.route("/messages/<uuid:message_id>/status", methods=["POST"])
@staff_page(*CASEWORK)
def change_status(message_id):
    return act(lambda: casework.change_status(actor=g.actor, message_id=message_id,
                                              **StatusChangeSchema().load(posted("status", "outcome"))),
               _done(message_id), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/assignee", methods=["POST"])
@staff_page(*ASSIGNERS)
def assign(message_id):
    return act(lambda: triage.assign_message(actor=g.actor, message_id=message_id,
                                             **AssignSchema().load(posted("staff_id"))),
               _done(message_id), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/themes", methods=["POST"])
@staff_page(*CASEWORK)
def set_themes(message_id):
    return act(lambda: triage.set_themes(actor=g.actor, message_id=message_id,
                                         theme_numbers=ThemesSchema().load(posted(lists=["themes"]))["themes"]),
               _done(message_id), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/extension", methods=["POST"])
@staff_page(*CASEWORK)
def extend(message_id):
    return act(lambda: casework.extend_deadline(actor=g.actor, message_id=message_id,
                                                **ExtensionInSchema().load(posted("reason"))),
               _done(message_id), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/praise", methods=["POST"])
@staff_page(*CASEWORK)
def pass_on_praise(message_id):
    return act(lambda: casework.pass_on_praise(actor=g.actor, message_id=message_id, **PraiseInSchema().load(
                   posted("manager_email", "person_name", "note"))),
               _done(message_id), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/complaint", methods=["POST"])
@staff_page(*CASEWORK)
def mark_as_complaint(message_id):
    return act(lambda: complaints.mark_as_complaint(actor=g.actor, message_id=message_id),
               _done(message_id, "#complaint"), _render(message_id))


@bp.route("/messages/<uuid:message_id>/complaint/advocacy", methods=["POST"])
@staff_page(*CASEWORK)
def record_advocacy_offer(message_id):
    return act(lambda: complaints.record_advocacy_offer(actor=g.actor, message_id=message_id),
               _done(message_id, "#complaint"), _render(message_id))


@bp.route("/messages/<uuid:message_id>/complaint/escalation", methods=["POST"])
@staff_page(*CASEWORK)
def escalate_complaint(message_id):
    return act(lambda: complaints.escalate_complaint(actor=g.actor, message_id=message_id,
                                                     **EscalateInSchema().load({})),
               _done(message_id, "#complaint"), _render(message_id))


@bp.route("/messages/<uuid:message_id>/complaint/steps", methods=["POST"])
@staff_page(*CASEWORK)
def record_stage_step(message_id):
    return act(lambda: complaints.record_stage_step(actor=g.actor, message_id=message_id,
                                                    **StageStepInSchema().load(posted("step"))),
               _done(message_id, "#complaint"), _render(message_id), PLAIN)


@bp.route("/messages/<uuid:message_id>/quote", methods=["POST"])
@staff_page(*QUOTE_EDITORS)
def propose_quote(message_id):
    """Propose the young person's words as a quote for the report (only with their consent; redacted)."""
    return act(lambda: quotes.propose_quote(actor=g.actor, **QuoteInSchema().load(
                   {"source_type": "message", "source_id": str(message_id)})),
               url_for("staff.quote_list"), _render(message_id))
