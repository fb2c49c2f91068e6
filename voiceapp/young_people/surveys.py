"""Surveys: one question per screen for every question type, saved as they go, checked, then sent."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError, NotFound
from voiceapp.pages import forms
from voiceapp.surveys import services as surveys
from voiceapp.surveys.schemas import AnswersInSchema, OpenSurveySchema, ResponseSchema
from voiceapp.young_people.blueprint import bp
from voiceapp.young_people.session import page_error, young_page

PLAIN = {"value": _l("Answer the question, or press Skip if you do not want to."),
         "survey_id": _l("Answer every question marked as needed first.")}
NEEDED = _l("This question needs an answer.")


@bp.route("/surveys")
@young_page
def survey_list():
    waiting = [(OpenSurveySchema().dump(s), r is not None) for s, r in surveys.list_waiting_surveys(actor=g.actor)]
    return render_template("young/surveys.html", title=_l("Surveys"), surveys=waiting)


def _survey_and_answers(survey_id):
    survey = OpenSurveySchema().dump(surveys.get_open_survey(actor=g.actor, survey_id=survey_id))
    try:
        response = ResponseSchema().dump(surveys.shown_one(surveys.my_response(actor=g.actor, survey_id=survey_id)))
    except NotFound:
        response = {"answers": [], "submitted_at": None,
                    "questions_to_ask": [q["id"] for q in survey["questions"] if not q.get("show_if")]}
    return survey, response, {a["question_id"]: a["value"] for a in response["answers"]}





def _or_reason(render):
    try:
        return render()
    except DomainError as error:
        return page_error(error.status, error.message)


@bp.route("/surveys/<uuid:survey_id>")
@young_page
def survey(survey_id):
    def render():
        survey, response, answers = _survey_and_answers(survey_id)
        if response["submitted_at"]:
            return redirect(url_for("young.survey_sent", survey_id=survey_id), code=303)
        questions = survey["questions"]
        asked = set(response["questions_to_ask"])
        resume = next((i for i, q in enumerate(questions, 1) if q["id"] in asked and q["id"] not in answers),
                      len(questions))
        return render_template("young/survey_start.html", title=survey["title"], survey=survey,
                               answered=len(answers), resume=resume)
    return _or_reason(render)


@bp.route("/surveys/<uuid:survey_id>/<int:number>", methods=["GET", "POST"])
@young_page
def survey_question(survey_id, number):
    return _or_reason(lambda: _question(survey_id, number))


def _question(survey_id, number):
    survey, _response, answers = _survey_and_answers(survey_id)
    questions = survey["questions"]
    if not 1 <= number <= len(questions):
        return page_error(404, _l("There is no question with that number."))
    question = questions[number - 1]
    if request.method == "POST":
        if request.form.get("action") == "skip" and not question["required"]:
            return redirect(_after(survey_id, number, len(questions)), code=303)
        try:
            body = forms.read(AnswersInSchema(), {"answers": [{"question_id": question["id"],
                                                               "value": _value(question)}]})
            surveys.save_answers(actor=g.actor, survey_id=survey_id, channel=Channel.WEB, **body)
        except (ValidationError, DomainError) as error:
            return _show(survey, number, _typed(question), forms.errors_of(error, PLAIN), 422)
        return redirect(_after(survey_id, number, len(questions)), code=303)
    return _show(survey, number, answers.get(question["id"]), {}, 200)


def _show(survey, number, value, errors, status):
    question = survey["questions"][number - 1]
    return render_template("young/survey_question.html", title=question["prompt"], survey=survey,
                           question=question, number=number, total=len(survey["questions"]), value=value,
                           errors=errors), status


def _after(survey_id, number, total):
    """The next question that is asked given the answers so far, or the check page."""
    survey, response, _answers = _survey_and_answers(survey_id)
    asked = set(response["questions_to_ask"])
    following = [i for i, q in enumerate(survey["questions"], 1) if i > number and q["id"] in asked]
    if following:
        return url_for("young.survey_question", survey_id=survey_id, number=following[0])
    return url_for("young.survey_check", survey_id=survey_id)


def _value(question):
    """The form's answer as the API takes it: numbers for scales and choices, a list for several choices."""
    kind = question["kind"]
    if kind == "multiple_choice":
        return [_number(v) for v in request.form.getlist("value")]
    raw = request.form.get("value", "")
    if raw == "":
        raise ValidationError({"value": [str(NEEDED)]})
    if kind == "yes_no":
        return raw == "true"
    return raw if kind == "free_text" else _number(raw)


def _number(raw):
    try:
        return int(raw)
    except ValueError:
        raise ValidationError({"value": ["must be a number"]}) from None


def _typed(question):
    if question["kind"] == "multiple_choice":
        return [int(v) for v in request.form.getlist("value") if v.isdigit()]
    raw = request.form.get("value")
    if question["kind"] == "yes_no":
        return {"true": True, "false": False}.get(raw)
    return int(raw) if question["kind"] != "free_text" and (raw or "").isdigit() else raw


@bp.route("/surveys/<uuid:survey_id>/check", methods=["GET", "POST"])
@young_page
def survey_check(survey_id):
    return _or_reason(lambda: _check(survey_id))


def _check(survey_id):
    survey, response, answers = _survey_and_answers(survey_id)
    asked = set(response["questions_to_ask"])
    survey = {**survey, "questions": [q for q in survey["questions"] if q["id"] in asked]}
    errors = {}
    if request.method == "POST":
        try:
            surveys.save_answers(actor=g.actor, survey_id=survey_id, answers=[], submit=True, channel=Channel.WEB)
            return redirect(url_for("young.survey_sent", survey_id=survey_id), code=303)
        except DomainError as error:
            errors = {"_page": str(PLAIN["survey_id"]) if error.status == 422 else error.message}
    return render_template("young/survey_check.html", title=_l("Check your answers"), survey=survey,
                           answers=answers, errors=errors), 422 if errors else 200


@bp.route("/surveys/<uuid:survey_id>/sent")
@young_page
def survey_sent(survey_id):
    return render_template("young/survey_sent.html", title=_l("Thank you"))
