"""Check the promise: one promise per screen, four big choices, saved as they go, resumable, then a comment.

A "not kept" answer offers Tell Us straight away with that promise filled in.
"""
from flask import g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError
from voiceapp.i18n import localised
from voiceapp.pages import forms
from voiceapp.people import services as people
from voiceapp.promises import services as promises
from voiceapp.promises import sittings
from voiceapp.promises.models import PromiseInformation, Rating
from voiceapp.promises.schemas import RatingInSchema
from voiceapp.schemas import StrictSchema
from voiceapp.young_people.blueprint import bp
from voiceapp.young_people.session import page_error, young_page

PLAIN = {"rating": _l("Choose one answer, or press Skip."),
         "comment": _l("Your comment must be 1000 characters or fewer.")}
FINISH_PLAIN = {"comment": _l("Your comment must be 2000 characters or fewer.")}


class FinishSchema(StrictSchema):
    comment = fields.String(validate=validate.Length(max=2000), allow_none=True)
    promise_information = fields.Enum(PromiseInformation, by_value=True, allow_none=True)


def _promises():
    return promises.current_set(people.get_young_person(g.actor.id).cohort).promises


def _answers():
    sitting = sittings.open_sitting(actor=g.actor)
    return {r.promise_id: r for r in sitting.ratings} if sitting else {}


def _text(promise):
    return localised(promise.text, promise.translations, get_locale())


@bp.route("/promise")
@young_page
def promise_start():
    items, answers = _promises(), _answers()
    answered = [i for i, p in enumerate(items, 1) if p.id in answers]
    resume = min(max(answered, default=0) + 1, len(items))
    return render_template("young/promise_start.html", title=_l("Check the promise"), total=len(items),
                           answered=len(answered), resume=resume)


@bp.route("/promise/<int:number>", methods=["GET", "POST"])
@young_page
def promise_question(number):
    items = _promises()
    if not 1 <= number <= len(items):
        return page_error(404, _l("There is no promise with that number."))
    promise = items[number - 1]
    if request.method == "GET":
        return _question(items, number, answer=_answers().get(promise.id))
    if request.form.get("action") == "skip":
        return redirect(_after(number, len(items)), code=303)
    try:
        body = forms.read(RatingInSchema(), {"promise_id": str(promise.id), **forms.fields("rating", "comment")})
        sittings.save_answer(actor=g.actor, channel=Channel.WEB, **body)
    except (ValidationError, DomainError) as error:
        return _question(items, number, errors=forms.errors_of(error, PLAIN), status=422,
                         typed=forms.fields("rating", "comment"))
    if body["rating"] == Rating.NOT_KEPT:
        return redirect(url_for("young.promise_not_kept", number=number), code=303)
    return redirect(_after(number, len(items)), code=303)


def _question(items, number, *, answer=None, errors=None, status=200, typed=None):
    typed = typed or ({"rating": answer.rating.value, "comment": answer.comment or ""} if answer else {})
    return render_template("young/promise_question.html", title=_text(items[number - 1]), number=number,
                           total=len(items), promise_text=_text(items[number - 1]), typed=typed,
                           errors=errors or {}), status


def _after(number, total):
    return url_for("young.promise_question", number=number + 1) if number < total else url_for("young.promise_finish")


@bp.route("/promise/<int:number>/not-kept")
@young_page
def promise_not_kept(number):
    items = _promises()
    if not 1 <= number <= len(items):
        return page_error(404, _l("There is no promise with that number."))
    return render_template("young/promise_not_kept.html", title=_l("Do you want to tell us more?"),
                           promise=items[number - 1], promise_text=_text(items[number - 1]),
                           next_url=_after(number, len(items)))


@bp.route("/promise/finish", methods=["GET", "POST"])
@young_page
def promise_finish():
    if request.method == "GET":
        return _finish_page({}, {}, 200)
    typed = forms.fields("comment", "promise_information")
    try:
        body = forms.read(FinishSchema(), typed)
        if body.get("promise_information"):
            body["promise_information"] = body["promise_information"].value
        sittings.finish_sitting(actor=g.actor, channel=Channel.WEB, **body)
    except (ValidationError, DomainError) as error:
        return _finish_page(forms.errors_of(error, FINISH_PLAIN), typed, 422)
    return redirect(url_for("young.promise_done"), code=303)


def _finish_page(errors, typed, status):
    """The closing screen: a comment, and the promise-information question when the service says it is due."""
    return render_template("young/promise_finish.html", title=_l("Anything else about the promise?"),
                           question=promises.promise_information_question(g.actor.id), errors=errors,
                           typed=typed), status


@bp.route("/promise/done")
@young_page
def promise_done():
    return render_template("young/promise_done.html", title=_l("Thank you for checking the promise"))
