"""The surveys: the voice team writes a survey and its questions (prompt, kind, options, skip rule, languages),
publishes and closes it, sets its dates, texts the invitations and one reminder; caseworkers read them."""
from flask import g, redirect, render_template, url_for
from marshmallow import ValidationError

from voiceapp import languages
from voiceapp.database import utcnow
from voiceapp.errors import DomainError
from voiceapp.promises import services as promises
from voiceapp.staff_pages import survey_forms
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, page_error, page_or_reason, posted
from voiceapp.staff_pages.labels import from_london
from voiceapp.staff_pages.roles import ADMINS, SURVEY_READERS
from voiceapp.staff_pages.session import staff_page
from voiceapp.surveys import definitions, details, invitations
from voiceapp.surveys.models import QuestionKind
from voiceapp.surveys.schemas import (InvitationResultSchema, QuestionInSchema, QuestionMoveSchema,
                                      SurveyCreateSchema, SurveyDetailsSchema, SurveySchema, SurveyWindowSchema)

WINDOW_PLAIN = {"opens_at": "Enter when it opens, like 2026-12-01T09:00", "closes_at":
                "Enter when it closes, like 2026-12-31T17:00, after it opens"}


@bp.route("/surveys")
@staff_page(*SURVEY_READERS)
def survey_list():
    listed = SurveySchema(many=True).dump(definitions.list_surveys())
    return render_template("staff/surveys.html", title="Surveys", surveys=listed, may_manage=g.actor.has_role(*ADMINS))


def _survey_page(survey_id, errors=None, status=200, result=None):
    survey = definitions.get_survey(survey_id)
    return render_template("staff/survey.html", title=survey.title, survey=SurveySchema().dump(survey),
                           questions=definitions.question_specs(survey), closed=survey.closes_at <= utcnow(),
                           errors=errors or {}, result=result,
                           may_manage=g.actor.has_role(*ADMINS), typed=posted("opens_at", "closes_at")), status


@bp.route("/surveys/<uuid:survey_id>")
@staff_page(*SURVEY_READERS)
def survey(survey_id):
    return page_or_reason(lambda: _survey_page(survey_id))


@bp.app_template_filter("answer_words")
def answer_words(value, question):
    """The words of one answer a skip rule tests ("Yes", an option, a scale number)."""
    return dict(survey_forms.answers_of(0, question)).get(f"0:{value}", str(value))


@bp.app_template_filter("english_name")
def english_name(code):
    return languages.get(code).english


def _render(survey_id):
    return lambda **kw: _survey_page(survey_id, **kw)


def _form_values(earlier=()):
    return {"kinds": [kind.value for kind in QuestionKind], "priorities": promises.list_priorities(),
            "translated": [languages.get(code) for code in languages.TRANSLATED],
            "earlier": [(at, spec, survey_forms.answers_of(at, spec)) for at, spec in earlier
                        if spec["kind"] != QuestionKind.FREE_TEXT.value]}


def _new_survey_page(errors=None, status=200, typed=None):
    return render_template("staff/survey_new.html", title="New survey", errors=errors or {},
                           typed=typed if typed is not None else survey_forms.typed_question(),
                           **_form_values()), status


@bp.route("/surveys/new")
@staff_page(*ADMINS)
def new_survey():
    return _new_survey_page(typed={"kind": "single_choice"})


@bp.route("/surveys", methods=["POST"])
@staff_page(*ADMINS)
def create_survey():
    """Create a draft survey with its first question, then go to it to add the rest."""
    try:
        made = definitions.create_survey(actor=g.actor, **SurveyCreateSchema().load(survey_forms.survey_body()))
    except (ValidationError, DomainError) as error:
        return _new_survey_page(errors=survey_forms.errors_of(error, 0),
                                status=422 if isinstance(error, ValidationError) else error.status)
    return redirect(url_for("staff.survey", survey_id=made.id), code=303)


def _question_page(survey_id, position=None, errors=None, status=200, typed=None):
    """The form for a new question (position None) or for the question at this position."""
    survey = definitions.get_survey(survey_id)
    specs = definitions.question_specs(survey)
    if position is not None and not 1 <= position <= len(specs):
        return page_error(404, "No such question")
    earlier = list(enumerate(specs, start=1))[:(position or len(specs) + 1) - 1]
    if typed is None:
        typed = survey_forms.fields_of(specs[position - 1]) if position else survey_forms.typed_question()
    return render_template("staff/survey_question.html", title=f"Question {position}" if position else "New question",
                           survey=SurveySchema().dump(survey), position=position, errors=errors or {}, typed=typed,
                           **_form_values(earlier)), status


def _edit(do, survey_id, position=None):
    """Do one change to the questions and go back to the survey, or show the question form again saying why."""
    try:
        do()
    except (ValidationError, DomainError) as error:
        index = (position - 1) if position else len(definitions.question_specs(definitions.get_survey(survey_id)))
        return page_or_reason(lambda: _question_page(
            survey_id, position, errors=survey_forms.errors_of(error, index), typed=survey_forms.typed_question(),
            status=422 if isinstance(error, ValidationError) else error.status))
    return redirect(url_for("staff.survey", survey_id=survey_id, _anchor="questions"), code=303)


@bp.route("/surveys/<uuid:survey_id>/questions/new")
@staff_page(*ADMINS)
def new_question(survey_id):
    return page_or_reason(lambda: _question_page(survey_id, typed={"kind": "single_choice"}))


@bp.route("/surveys/<uuid:survey_id>/questions", methods=["POST"])
@staff_page(*ADMINS)
def add_question(survey_id):
    return _edit(lambda: definitions.add_question(actor=g.actor, survey_id=survey_id,
                                                  question=QuestionInSchema().load(survey_forms.question_body())),
                 survey_id)


@bp.route("/surveys/<uuid:survey_id>/questions/<int:position>")
@staff_page(*ADMINS)
def edit_question(survey_id, position):
    return page_or_reason(lambda: _question_page(survey_id, position))


@bp.route("/surveys/<uuid:survey_id>/questions/<int:position>", methods=["POST"])
@staff_page(*ADMINS)
def change_question(survey_id, position):
    return _edit(lambda: definitions.change_question(actor=g.actor, survey_id=survey_id, position=position,
                                                     question=QuestionInSchema().load(survey_forms.question_body())),
                 survey_id, position)


@bp.route("/surveys/<uuid:survey_id>/questions/<int:position>/move", methods=["POST"])
@staff_page(*ADMINS)
def move_question(survey_id, position):
    """Move a question up or down (the survey page's buttons), skip rules following the questions they name."""
    return act(lambda: definitions.move_question(actor=g.actor, survey_id=survey_id, position=position,
                                                 **QuestionMoveSchema().load(posted("to"))),
               url_for("staff.survey", survey_id=survey_id, _anchor="questions"), _questions_refused(survey_id))


@bp.route("/surveys/<uuid:survey_id>/questions/<int:position>/remove", methods=["POST"])
@staff_page(*ADMINS)
def remove_question(survey_id, position):
    return act(lambda: definitions.remove_question(actor=g.actor, survey_id=survey_id, position=position),
               url_for("staff.survey", survey_id=survey_id, _anchor="questions"), _questions_refused(survey_id))


def _questions_refused(survey_id):
    """The survey page again, the reason at the top (a move or removal has no field of its own)."""
    def render(errors, status):
        reasons = [message for message in errors.values()]
        return _survey_page(survey_id, errors={"_page": reasons[0]} if reasons else {}, status=status)
    return render


@bp.route("/surveys/<uuid:survey_id>/publish", methods=["POST"])
@staff_page(*ADMINS)
def publish_survey(survey_id):
    return act(lambda: definitions.publish_survey(actor=g.actor, survey_id=survey_id),
               url_for("staff.survey", survey_id=survey_id), _render(survey_id))


@bp.route("/surveys/<uuid:survey_id>/close", methods=["POST"])
@staff_page(*ADMINS)
def close_survey(survey_id):
    """Close it now: nobody can start or send it after this."""
    return act(lambda: definitions.close_survey(actor=g.actor, survey_id=survey_id),
               url_for("staff.survey", survey_id=survey_id), _questions_refused(survey_id))


def _details_page(survey_id, errors=None, status=200):
    survey = definitions.get_survey(survey_id)
    typed = survey_forms.typed_question() if errors else survey_forms.details_fields(survey)
    return render_template("staff/survey_details.html", title="Change survey details",
                           survey=SurveySchema().dump(survey), errors=errors or {}, typed=typed,
                           translated=[languages.get(code) for code in languages.TRANSLATED]), status


@bp.route("/surveys/<uuid:survey_id>/details")
@staff_page(*ADMINS)
def survey_details(survey_id):
    return page_or_reason(lambda: _details_page(survey_id))


@bp.route("/surveys/<uuid:survey_id>/details", methods=["POST"])
@staff_page(*ADMINS)
def change_survey_details(survey_id):
    """Change the title, description, audience and dates in one go, as PATCH /api/v1/surveys/<id> does."""
    try:
        body = SurveyDetailsSchema().load(survey_forms.details_body(definitions.get_survey(survey_id)))
        details.change_details(actor=g.actor, survey_id=survey_id, **body)
    except (ValidationError, DomainError) as error:
        status = 422 if isinstance(error, ValidationError) else error.status
        return page_or_reason(lambda: _details_page(survey_id, errors=survey_forms.details_errors(error),
                                                    status=status))
    return redirect(url_for("staff.survey", survey_id=survey_id), code=303)


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
