"""The voice and influence team's report work: approving quotes, "you said, we did" actions, and the
board report to read in the browser or download as HTML, PDF or CSV."""
from flask import Response, g, render_template, request, url_for
from marshmallow import ValidationError

from voiceapp import languages
from voiceapp.database import utcnow
from voiceapp.errors import DomainError
from voiceapp.promises import services as promises
from voiceapp.reports import periods
from voiceapp.reports.schemas import (ActionChangeSchema, ActionFilterSchema, ActionInSchema, ActionSchema,
                                      NoticeSchema, QuoteEditSchema, QuoteFilterSchema, QuoteSchema, ReportArgs)
from voiceapp.reports import produce as reports
from voiceapp.reports.services import actions, quotes, reviews
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.labels import LONDON
from voiceapp.staff_pages.forms import act, page_error, page_or_reason, posted
from voiceapp.staff_pages.roles import ACTION_READERS, ACTION_WRITERS, QUOTE_EDITORS, REPORT_READERS
from voiceapp.staff_pages.session import staff_page

ACTION_PLAIN = {"what": "Say what was done or will be done (up to 500 characters)",
                "who": "Say who is doing it (up to 120 characters)", "priority": "Choose the priority it answers",
                "due_on": "Enter the date it is due, like 2026-12-31", "done_on": "Enter the date it was done",
                "status": "Choose where it has got to",
                **{f"what_{code}": f"Say what was done in {languages.BY_CODE[code].english} (up to 500 characters), "
                                   "or leave it empty for English" for code in languages.TRANSLATED}}
ACTION_FIELDS = ("what", "who", "priority", "due_on", "done_on", "status", "message_id")
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'"


@bp.route("/quotes")
@staff_page(*QUOTE_EDITORS)
def quote_list():
    return _quotes_again()


def _quotes_again(errors=None, status=200):
    try:
        args = QuoteFilterSchema().load({key: value for key, value in request.args.items() if value})
    except ValidationError:
        return page_error(422, "That filter is not right: choose a status from the list.")
    listed = QuoteSchema(many=True).dump(quotes.list_quotes(**args))
    return render_template("staff/quotes.html", title="Quotes for the report", quotes=listed, args=args,
                           errors=errors or {}), status


@bp.route("/quotes/<uuid:quote_id>/approve", methods=["POST"])
@staff_page(*QUOTE_EDITORS)
def approve_quote(quote_id):
    return act(lambda: quotes.decide_quote(actor=g.actor, quote_id=quote_id, approve=True),
               url_for("staff.quote_list"), _quotes_again)


@bp.route("/quotes/<uuid:quote_id>/reject", methods=["POST"])
@staff_page(*QUOTE_EDITORS)
def reject_quote(quote_id):
    return act(lambda: quotes.decide_quote(actor=g.actor, quote_id=quote_id, approve=False),
               url_for("staff.quote_list"), _quotes_again)


@bp.route("/quotes/<uuid:quote_id>/edit", methods=["POST"])
@staff_page(*QUOTE_EDITORS)
def edit_quote(quote_id):
    return act(lambda: quotes.edit_quote(actor=g.actor, quote_id=quote_id, **QuoteEditSchema().load(posted("text"))),
               url_for("staff.quote_list"), _quotes_again, {"text": "Write the quote (up to 2000 characters)"})


@bp.route("/actions")
@staff_page(*ACTION_READERS)
def action_list():
    return _actions_again()


def _actions_again(errors=None, status=200):
    try:
        args = ActionFilterSchema().load({key: value for key, value in request.args.items() if value})
    except ValidationError:
        return page_error(422, "That filter is not right: choose from the lists.")
    listed = ActionSchema(many=True).dump(actions.list_actions(**args))
    return render_template("staff/actions.html", title="You said, we did", actions=listed, args=args,
                           priorities=promises.list_priorities(), errors=errors or {},
                           typed=posted(*ACTION_FIELDS, *(f"what_{code}" for code in languages.TRANSLATED)),
                           translated=[languages.BY_CODE[code] for code in languages.TRANSLATED],
                           may_write=g.actor.has_role(*ACTION_WRITERS)), status


def _action_form():
    """The form as the API's body: each language's box (what_ar, what_fa...) goes in what_translations."""
    body = posted(*ACTION_FIELDS)
    body["what_translations"] = {code: request.form[f"what_{code}"] for code in languages.TRANSLATED
                                 if request.form.get(f"what_{code}", "").strip()}
    return body


def _load_action(body):
    """The schema's refusal of one language's words goes beside that language's box."""
    try:
        return ActionInSchema().load(body)
    except ValidationError as error:
        messages = dict(error.messages)
        for code, reasons in (messages.pop("what_translations", None) or {}).items():
            messages[f"what_{code}"] = reasons
        raise ValidationError(messages) from None


@bp.route("/actions", methods=["POST"])
@staff_page(*ACTION_WRITERS)
def record_action():
    return act(lambda: actions.record_action(actor=g.actor, **_load_action(_action_form())),
               url_for("staff.action_list"), _actions_again, ACTION_PLAIN)


@bp.route("/actions/<uuid:action_id>", methods=["POST"])
@staff_page(*ACTION_WRITERS)
def change_action(action_id):
    return act(lambda: actions.change_action(actor=g.actor, action_id=action_id, changes=ActionChangeSchema().load(
                   posted("status", "done_on", "due_on"))),
               url_for("staff.action_list"), _actions_again, ACTION_PLAIN)


@bp.route("/actions/<uuid:action_id>/tell-young-people", methods=["POST"])
@staff_page(*ACTION_WRITERS)
def tell_young_people(action_id):
    return act(lambda: actions.tell_young_people(actor=g.actor, action_id=action_id),
               url_for("staff.action_list"), _actions_again)


@bp.route("/report")
@staff_page(*REPORT_READERS)
def report():
    """Choose a period, then read the board report in the browser or download it."""
    period = _period()
    try:
        reports.parse_period(period)
    except DomainError as error:
        return render_template("staff/report.html", title="Voice and Influence report", period=period,
                               errors={"period": PERIOD_PLAIN}), error.status
    return render_template("staff/report.html", title="Voice and Influence report", period=period, errors={},
                           notices=NoticeSchema(many=True).dump(reviews.notices_for(period)))


def _period():
    """The period asked for; none, or "current", is the half-year today (in the UK) is in."""
    asked = (request.args.get("period") or "").strip()
    if asked in ("", "current"):
        return periods.containing(utcnow().astimezone(LONDON).date()).label
    return asked


PERIOD_PLAIN = "Enter a period like 2026-H1 (April to September), 2026-H2, 2026-Q3 or 2026-04-01..2026-06-30"


def _report_file(period, fmt, inline=False):
    content, mimetype, name = reports.produce_report(actor=g.actor, period=period, fmt=fmt)
    headers = {"Content-Security-Policy": REPORT_CSP}
    if not inline:
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return Response(content, mimetype=mimetype, headers=headers)


@bp.route("/report/view")
@staff_page(*REPORT_READERS)
def report_view():
    """The board report as its own page in the browser (nothing on it runs or is fetched)."""
    period = _period()
    return page_or_reason(lambda: _report_file(period, "html", inline=True))


@bp.route("/report/download")
@staff_page(*REPORT_READERS)
def report_download():
    """The report as a file: HTML, PDF or CSV (the board's version; each download is audited)."""
    try:
        args = ReportArgs().load({"format": request.args.get("format", "pdf")})
    except ValidationError:
        return page_error(422, "Choose HTML, PDF or CSV.")
    period = _period()
    return page_or_reason(lambda: _report_file(period, args["format"]))
