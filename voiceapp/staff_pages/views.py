"""Thin page views: read the form with the API's schema, call the service, show the result or the reason."""
import posixpath
import unicodedata
from urllib.parse import urlsplit

from flask import current_app, g, redirect, render_template, request, send_file, url_for
from marshmallow import ValidationError

from voiceapp.auth import services as auth
from voiceapp.auth.models import Role
from voiceapp.auth.roles import CASEWORK, DUTY   # the pages open to exactly whom the API opens
from voiceapp.auth.schemas import StaffSignInSchema
from voiceapp.errors import DomainError, NotSignedIn, TooMany
from voiceapp.extensions import limiter
from voiceapp.safeguarding import alerts, unheard
from voiceapp.safeguarding.models import AlertStatus
from voiceapp.safeguarding.schemas import AlertActionSchema, AlertDetailSchema, AlertFilterSchema, AlertSchema
from voiceapp.staff_pages import session
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.session import csrf_token, page_error, staff_page
from voiceapp.tellus import casework, replies, triage
from voiceapp.tellus.casework_schemas import StaffReplyInSchema
from voiceapp.tellus.schemas import (MessageFilterSchema, MessagePageSchema, ReplyInSchema, StaffMessageSchema,
                                     StatusChangeSchema)

EVERY_ROLE = tuple(Role)


def _form(schema):
    """The posted form as the API schema reads it: without its CSRF token, and an empty choice is no choice."""
    return schema.load({key: value for key, value in request.form.items() if key != "csrf_token" and value != ""})


def _failed(error, render):
    """Show the page again with the reason: field errors from a schema, or the rule a service refused on."""
    if isinstance(error, ValidationError):
        return render(errors=error.normalized_messages(), status=422)
    return render(errors=error.errors() or {"": [str(error.message)]}, status=error.status)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], methods=["POST"])
def sign_in():
    next_page = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("staff/sign_in.html", next=next_page)
    email = request.form.get("email", "")
    if not session.form_is_ours():
        return render_template("staff/sign_in.html", next=next_page, email=email, expired=True), 400
    try:
        body = StaffSignInSchema().load({"email": email, "password": request.form.get("password", "")})
    except ValidationError as error:
        return render_template("staff/sign_in.html", next=next_page, email=email,
                               errors=error.normalized_messages()), 422
    try:
        token, _user = auth.sign_in_staff(**body, source=request.remote_addr or "unknown")
    except NotSignedIn:
        return render_template("staff/sign_in.html", next=next_page, email=email, failed=True), 401
    except TooMany as error:
        return render_template("staff/sign_in.html", next=next_page, email=email, wait=error.retry_after), 429, {
            "Retry-After": str(error.retry_after)}
    session.start(token)
    return redirect(next_page)


sign_in.audience = ("anyone",)


def _safe_next(target):
    """Only a page of ours, so the sign-in link cannot send anyone elsewhere: the path, normalised (no '..',
    no '//', no host, no scheme, no backslash or control character), must lie under /staff/."""
    home = url_for("staff.home")
    if not target or any(c == "\\" or unicodedata.category(c)[0] == "C" for c in target):
        return home
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return home
    path = "/" + posixpath.normpath(parts.path).lstrip("/")
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    if not path.startswith("/staff/"):
        return home
    return path + (f"?{parts.query}" if parts.query else "")


@bp.route("/sign-out", methods=["POST"])
@staff_page(*EVERY_ROLE)
def sign_out():
    auth.sign_out(actor=g.actor)
    session.end()
    return redirect(url_for("staff.sign_in"))


@bp.route("/")
@staff_page(*EVERY_ROLE)
def home():
    actor = g.actor
    waiting = {}
    if actor.has_role(*DUTY):
        waiting["alerts"] = {status.value: AlertSchema(many=True).dump(alerts.list_alerts(actor=actor, status=status))
                             for status in (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)}
    if actor.has_role(*CASEWORK):
        items, total = triage.list_messages(actor=actor, limit=10)
        waiting["messages"] = MessagePageSchema().dump({"items": items, "total": total})
    return render_template("staff/home.html", waiting=waiting)


@bp.route("/alerts")
@staff_page(*DUTY)
def alert_list():
    try:
        args = AlertFilterSchema().load(request.args)
    except ValidationError as error:
        return page_error(422, f"That filter is not right: {error.normalized_messages()}")
    listed = alerts.list_alerts(actor=g.actor, **args)
    return render_template("staff/alerts.html", alerts=AlertSchema(many=True).dump(listed), args=args)


def _alert_page(alert_id, errors=None, status=200):
    alert = AlertDetailSchema().dump(alerts.view_alert(actor=g.actor, alert_id=alert_id))
    return render_template("staff/alert.html", alert=alert, errors=errors or {}), status


@bp.route("/alerts/<uuid:alert_id>")
@staff_page(*DUTY)
def alert(alert_id):
    return _page_or_reason(lambda: _alert_page(alert_id))


@bp.route("/alerts/<uuid:alert_id>/recording")
@staff_page(*DUTY)
def alert_recording(alert_id):
    """The young person's recording, to listen to in the browser; every listen is audited."""
    return _page_or_reason(lambda: send_file(unheard.listen_to_recording(actor=g.actor, alert_id=alert_id),
                                             mimetype="audio/mpeg", max_age=0))


@bp.route("/alerts/<uuid:alert_id>/acknowledge", methods=["POST"])
@staff_page(*DUTY)
def acknowledge_alert(alert_id):
    return _act(lambda: alerts.acknowledge_alert(actor=g.actor, alert_id=alert_id),
                url_for("staff.alert", alert_id=alert_id), lambda **kw: _alert_page(alert_id, **kw))


@bp.route("/alerts/<uuid:alert_id>/action", methods=["POST"])
@staff_page(*DUTY)
def record_alert_action(alert_id):
    return _act(lambda: alerts.record_action(actor=g.actor, alert_id=alert_id,
                                             **_form(AlertActionSchema())),
                url_for("staff.alert", alert_id=alert_id), lambda **kw: _alert_page(alert_id, **kw))


@bp.route("/alerts/<uuid:alert_id>/close", methods=["POST"])
@staff_page(*DUTY)
def close_alert(alert_id):
    return _act(lambda: alerts.close_alert(actor=g.actor, alert_id=alert_id),
                url_for("staff.alert", alert_id=alert_id), lambda **kw: _alert_page(alert_id, **kw))


@bp.route("/messages")
@staff_page(*CASEWORK)
def message_list():
    try:
        args = MessageFilterSchema().load(request.args)
    except ValidationError as error:
        return page_error(422, f"That filter is not right: {error.normalized_messages()}")
    items, total = triage.list_messages(actor=g.actor, **args)
    page = MessagePageSchema().dump({"items": items, "total": total})
    return render_template("staff/messages.html", page=page, args=args)


def _message_page(message_id, errors=None, status=200):
    message = StaffMessageSchema().dump(triage.get_message(actor=g.actor, message_id=message_id))
    return render_template("staff/message.html", message=message, errors=errors or {}), status


@bp.route("/messages/<uuid:message_id>")
@staff_page(*CASEWORK)
def message(message_id):
    return _page_or_reason(lambda: _message_page(message_id))


@bp.route("/messages/<uuid:message_id>/reply", methods=["POST"])
@staff_page(*CASEWORK)
def reply(message_id):
    return _act(lambda: replies.reply_to_message(actor=g.actor, message_id=message_id,
                                                 **_form(StaffReplyInSchema())),
                url_for("staff.message", message_id=message_id), lambda **kw: _message_page(message_id, **kw))


@bp.route("/messages/<uuid:message_id>/note", methods=["POST"])
@staff_page(*CASEWORK)
def add_note(message_id):
    return _act(lambda: triage.add_note(actor=g.actor, message_id=message_id, **_form(ReplyInSchema())),
                url_for("staff.message", message_id=message_id), lambda **kw: _message_page(message_id, **kw))


@bp.route("/messages/<uuid:message_id>/status", methods=["POST"])
@staff_page(*CASEWORK)
def change_status(message_id):
    return _act(lambda: casework.change_status(actor=g.actor, message_id=message_id,
                                               **_form(StatusChangeSchema())),
                url_for("staff.message", message_id=message_id), lambda **kw: _message_page(message_id, **kw))


def _page_or_reason(render):
    try:
        return render()
    except DomainError as error:
        return page_error(error.status, error.message)


def _act(do, done_url, render):
    """Do it and go back to the page (post/redirect/get), or show the page again saying why not."""
    try:
        do()
    except (ValidationError, DomainError) as error:
        try:
            return _failed(error, render)
        except DomainError as missing:      # the thing itself is not there, or not theirs to see
            return page_error(missing.status, missing.message)
    return redirect(done_url, code=303)


@bp.context_processor
def _page_helpers():
    actor = g.get("actor")
    return {"csrf_token": csrf_token, "sees_alerts": bool(actor) and actor.has_role(*DUTY),
            "sees_messages": bool(actor) and actor.has_role(*CASEWORK)}
