"""The period's report for a council: the overview and review, the themes to mark and comment on, what leads
did with each priority, and every figure (all already suppressed by the report)."""
from datetime import datetime

from flask import g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.council_pages.blueprint import bp
from voiceapp.council_pages.session import council_page
from voiceapp.council_pages import words
from voiceapp.errors import DomainError
from voiceapp.pages import forms
from voiceapp.reports import periods, produce
from voiceapp.reports.schemas import CouncilCommentInSchema, CouncilPriorityInSchema
from voiceapp.reports.services import councils, reviews

PLAIN = {"body": _l("Write your comment, up to 2,000 characters."), "priority": _l("Choose a theme.")}


def _period():
    """The period asked for (in the address or the form), else the half-year we are in."""
    asked = request.values.get("period")
    if asked:
        return councils.period_label(asked)
    return periods.containing(datetime.now(periods.LONDON).date()).label


def _values(label, **extra):
    council = councils.council_of(g.actor)
    parsed = periods.parse(label)
    return {"period": label, "period_words": words.period(parsed), "previous": parsed.previous().label,
            "council": council.value, "council_name": words.council_name(council), "language": str(get_locale()),
            **extra}


def _themes_page(label, status=200, errors=None):
    report = produce.council_report(actor=g.actor, period=label)
    council = councils.council_of(g.actor)
    marked = {m.priority.number for m in councils.list_council_priorities(period=label, council=council)}
    comments = next(c["comments"] for c in councils.councils_view(label) if c["council"] == council.value)
    return render_template("council/themes.html", report=report, marked=marked, comments=comments,
                           theme_items=_theme_items(report),
                           errors=errors or {}, form=request.form, words=words,
                           **_values(label, title=_l("Themes"))), status


def _theme_items(report):
    chosen = request.form.get("priority", "")
    return [{"value": "", "text": _l("The whole report")}] + [
        {"value": str(t["number"]), "text": words.theme(report, t["number"]), "selected": chosen == str(t["number"])}
        for t in sorted(report["themes"], key=lambda t: t["number"])]


@bp.route("/")
@council_page
def home():
    label = _period()
    report = produce.council_report(actor=g.actor, period=label)
    review = reviews.review_of(councils.council_of(g.actor), label)
    review_on = review.reviewed_at.astimezone(periods.LONDON).date() if review else None
    notice = next(iter(reviews.notices_for(label, staff_user_id=g.actor.id)), None)
    return render_template("council/home.html", report=report, review_on=review_on, words=words, notice=notice,
                           **_values(label, title=_l("Our report")))


@bp.route("/themes")
@council_page
def themes():
    return _themes_page(_period())


@bp.route("/priorities/mark", methods=["POST"])
@council_page
def mark_priority():
    label = _period()
    try:
        body = forms.read(CouncilPriorityInSchema(), forms.fields("priority"))
        councils.mark_priority(actor=g.actor, period=label, **body)
    except (ValidationError, DomainError) as error:
        return _themes_page(label, 422, forms.errors_of(error, PLAIN))
    return redirect(url_for("council.themes", period=label, _anchor=f"theme-{body['priority']}"), code=303)


@bp.route("/priorities/remove", methods=["POST"])
@council_page
def unmark_priority():
    label = _period()
    try:
        body = forms.read(CouncilPriorityInSchema(), forms.fields("priority"))
        councils.unmark_priority(actor=g.actor, period=label, **body)
    except (ValidationError, DomainError) as error:
        return _themes_page(label, 422, forms.errors_of(error, PLAIN))
    return redirect(url_for("council.themes", period=label, _anchor=f"theme-{body['priority']}"), code=303)


@bp.route("/comments", methods=["POST"])
@council_page
def add_comment():
    label = _period()
    try:
        body = forms.read(CouncilCommentInSchema(), forms.fields("body", "priority"))
        councils.add_comment(actor=g.actor, period=label, **body)
    except (ValidationError, DomainError) as error:
        return _themes_page(label, 422, forms.errors_of(error, PLAIN))
    return redirect(url_for("council.themes", period=label, _anchor="comments"), code=303)


@bp.route("/what-leads-did")
@council_page
def priorities():
    label = _period()
    report = produce.council_report(actor=g.actor, period=label)
    marks = councils.list_council_priorities(period=label, council=councils.council_of(g.actor))
    return render_template("council/priorities.html", report=report, marks=marks, words=words,
                           **_values(label, title=_l("What leads did")))


@bp.route("/figures")
@council_page
def figures():
    label = _period()
    report = produce.council_report(actor=g.actor, period=label)
    return render_template("council/figures.html", report=report, words=words,
                           **_values(label, title=_l("All the figures")))


@bp.route("/reviewed", methods=["POST"])
@council_page
def mark_reviewed():
    label = _period()
    reviews.mark_reviewed(actor=g.actor, period=label)
    return redirect(url_for("council.home", period=label, _anchor="review"), code=303)
