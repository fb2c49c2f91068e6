"""The approved replies library: the voice team writes and retires reply templates, caseworkers use them."""
from flask import g, render_template, url_for

from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, posted
from voiceapp.staff_pages.roles import ADMINS, CASEWORK
from voiceapp.staff_pages.session import staff_page
from voiceapp.tellus import replies_library
from voiceapp.tellus.casework_schemas import TemplateInSchema, TemplateSchema, TemplateUpdateSchema

TEMPLATE_PLAIN = {"title": "Give the template a title (up to 120 characters)",
                  "body": "Write the reply (up to 5000 characters)", "language": "Choose English or Arabic"}


@bp.route("/reply-templates")
@staff_page(*CASEWORK)
def reply_templates():
    return _templates_page()


def _templates_page(errors=None, status=200):
    listed = TemplateSchema(many=True).dump(replies_library.list_templates(actor=g.actor, include_retired=True))
    return render_template("staff/reply_templates.html", title="Reply templates", templates=listed,
                           errors=errors or {}, typed=posted("title", "body", "language"),
                           may_edit=g.actor.has_role(*ADMINS)), status


@bp.route("/reply-templates", methods=["POST"])
@staff_page(*ADMINS)
def create_template():
    return act(lambda: replies_library.create_template(
                   actor=g.actor, **TemplateInSchema().load(posted("title", "body", "language"))),
               url_for("staff.reply_templates"), _templates_page, TEMPLATE_PLAIN)


@bp.route("/reply-templates/<uuid:template_id>", methods=["POST"])
@staff_page(*ADMINS)
def update_template(template_id):
    return act(lambda: replies_library.update_template(
                   actor=g.actor, template_id=template_id,
                   changes=TemplateUpdateSchema().load(posted("title", "body", "active"))),
               url_for("staff.reply_templates"), _templates_page, TEMPLATE_PLAIN)
