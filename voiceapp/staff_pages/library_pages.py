"""The approved replies library and the surveys: the voice team writes and retires reply templates and
publishes surveys, sets their dates, texts the invitations and one reminder."""
from flask import g, render_template, url_for

from voiceapp.errors import DomainError
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.labels import from_london
from voiceapp.staff_pages.forms import act, page_or_reason, posted
from voiceapp.staff_pages.roles import ADMINS, CASEWORK, SURVEY_READERS
from voiceapp.staff_pages.session import staff_page
from voiceapp.surveys import definitions, invitations
from voiceapp.surveys.schemas import InvitationResultSchema, SurveySchema, SurveyWindowSchema
from voiceapp.tellus import replies_library
from voiceapp.tellus.casework_schemas import TemplateInSchema, TemplateSchema, TemplateUpdateSchema

TEMPLATE_PLAIN = {"title": "Give the template a title (up to 120 characters)",
                  "body": "Write the reply (up to 5000 characters)", "language": "Choose English or Arabic"}
WINDOW_PLAIN = {"opens_at": "Enter when it opens, like 2026-12-01T09:00", "closes_at":
                "Enter when it closes, like 2026-12-31T17:00, after it opens"}


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


@bp.route("/surveys")
@staff_page(*SURVEY_READERS)
def survey_list():
    listed = SurveySchema(many=True).dump(definitions.list_surveys())
    return render_template("staff/surveys.html", title="Surveys", surveys=listed)


def _survey_page(survey_id, errors=None, status=200, result=None):
    survey = definitions.get_survey(survey_id)
    return render_template("staff/survey.html", title=survey.title, survey=SurveySchema().dump(survey),
                           errors=errors or {}, result=result, may_manage=g.actor.has_role(*ADMINS),
                           typed=posted("opens_at", "closes_at")), status


@bp.route("/surveys/<uuid:survey_id>")
@staff_page(*SURVEY_READERS)
def survey(survey_id):
    return page_or_reason(lambda: _survey_page(survey_id))


def _render(survey_id):
    return lambda **kw: _survey_page(survey_id, **kw)


@bp.route("/surveys/<uuid:survey_id>/publish", methods=["POST"])
@staff_page(*ADMINS)
def publish_survey(survey_id):
    return act(lambda: definitions.publish_survey(actor=g.actor, survey_id=survey_id),
               url_for("staff.survey", survey_id=survey_id), _render(survey_id))


@bp.route("/surveys/<uuid:survey_id>/window", methods=["POST"])
@staff_page(*ADMINS)
def update_window(survey_id):
    return act(lambda: definitions.update_window(actor=g.actor, survey_id=survey_id,
                                                 **SurveyWindowSchema().load(_in_utc(posted("opens_at", "closes_at")))),
               url_for("staff.survey", survey_id=survey_id), _render(survey_id), WINDOW_PLAIN)


def _in_utc(typed):
    return {field: from_london(value) for field, value in typed.items()}


def _texted(send, survey_id):
    """Send the texts and show how many went (a page, not a redirect: the counts are the answer)."""
    try:
        result = InvitationResultSchema().dump(send(actor=g.actor, survey_id=survey_id))
    except DomainError as error:
        return page_or_reason(lambda: _survey_page(survey_id, errors={"_page": str(error.message)},
                                                   status=error.status))
    return page_or_reason(lambda: _survey_page(survey_id, result=result))


@bp.route("/surveys/<uuid:survey_id>/invitations", methods=["POST"])
@staff_page(*ADMINS)
def invite_to_survey(survey_id):
    return _texted(invitations.invite_to_survey, survey_id)


@bp.route("/surveys/<uuid:survey_id>/reminder", methods=["POST"])
@staff_page(*ADMINS)
def remind_survey(survey_id):
    return _texted(invitations.remind_non_responders, survey_id)
