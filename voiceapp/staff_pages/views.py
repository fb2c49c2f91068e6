"""Signing in and out, the start page (what waits for your role) and what every staff page's frame needs."""
import posixpath
import unicodedata
from urllib.parse import urlsplit

from flask import current_app, g, redirect, render_template, request, url_for
from marshmallow import ValidationError

from voiceapp.auth import services as auth
from voiceapp.auth.models import Role
from voiceapp.auth.schemas import StaffSignInSchema
from voiceapp.errors import NotSignedIn, TooMany
from voiceapp.extensions import limiter
from voiceapp.pages import forms
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import AlertStatus
from voiceapp.safeguarding.schemas import AlertSchema
from voiceapp.staff_pages import session
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.roles import (ACTION_READERS, ADMINS, CASEWORK, COUNCIL_READERS, DUTY, EVERY_ROLE,
                                        MEETING_READERS, QUOTE_EDITORS, REPORT_READERS, SURVEY_READERS)
from voiceapp.staff_pages.session import staff_page
from voiceapp.tellus import triage
from voiceapp.tellus.schemas import MessagePageSchema

# (endpoint, menu words, roles): the staff menu, each entry shown only to the roles its pages are for.
MENU = (("staff.home", "What is waiting", EVERY_ROLE), ("staff.alert_list", "Safeguarding alerts", DUTY),
        ("staff.message_list", "Tell Us messages", CASEWORK), ("staff.quote_list", "Quotes", QUOTE_EDITORS),
        ("staff.action_list", "You said, we did", ACTION_READERS), ("staff.report", "Report", REPORT_READERS),
        ("staff.council_priorities", "Council priorities", COUNCIL_READERS),
        ("staff.meeting_list", "Meetings", MEETING_READERS),
        ("staff.survey_list", "Surveys", SURVEY_READERS), ("staff.reply_templates", "Reply templates", CASEWORK),
        ("staff.young_people", "Young people", ADMINS), ("staff.accounts", "Staff accounts", ADMINS),
        ("staff.audit_trail", "Audit trail", ADMINS))


@bp.before_request
def in_english():
    g.locale = "en"       # staff pages are in English, the council's working language


@bp.after_request
def no_store(response):
    """Pages about young people must not be shown again from a shared computer's cache after signing out."""
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], methods=["POST"])
def sign_in():
    next_page = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return _sign_in_page(next_page)
    email = request.form.get("email", "")
    if not forms.form_is_ours():
        return _sign_in_page(next_page, 400, email=email, errors={"_page": "This form had expired. Please sign in again."})
    try:
        body = StaffSignInSchema().load({"email": email, "password": request.form.get("password", "")})
        token, _user = auth.sign_in_staff(**body, source=request.remote_addr or "unknown")
    except ValidationError as error:
        return _sign_in_page(next_page, 422, email=email, errors=forms.errors_of(error, SIGN_IN_PLAIN))
    except NotSignedIn:
        return _sign_in_page(next_page, 401, email=email, errors={"email": "Email or password not right. After "
                             "several tries from here, each try must wait a little longer."})
    except TooMany as error:
        page, status = _sign_in_page(next_page, 429, email=email, errors={
            "_page": f"Too many tries from here. Please wait {error.retry_after} seconds and try again."})
        return page, status, {"Retry-After": str(error.retry_after)}
    if _user.role == Role.COUNCIL_MEMBER:
        # The youth councils have an area of their own, written for them: send them there, not to a staff
        # page that would refuse them. This sign-in is ended so no staff session is left behind.
        auth.sign_out(actor=auth.authenticate(token))
        return redirect(url_for("council.home"))
    session.start(token)
    return redirect(next_page)


sign_in.audience = ("anyone",)
SIGN_IN_PLAIN = {"email": "Enter your work email address", "password": "Enter your password"}


def _sign_in_page(next_page, status=200, **values):
    values.setdefault("errors", {})
    return render_template("staff/sign_in.html", title="Sign in", next=next_page, **values), status


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
    """Only what waits: alerts not yet closed, and messages not yet closed, most urgent first."""
    actor, waiting = g.actor, {}
    if actor.has_role(*DUTY):
        waiting["alerts"] = {status.value: AlertSchema(many=True).dump(alerts.list_alerts(actor=actor, status=status))
                             for status in (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)}
    if actor.has_role(*CASEWORK):
        items, total = triage.list_messages(actor=actor, limit=10, waiting=True)
        waiting["messages"] = MessagePageSchema().dump({"items": items, "total": total})
    return render_template("staff/home.html", title="What is waiting", waiting=waiting)


@bp.context_processor
def staff_frame():
    actor = g.get("actor")
    menu = [] if actor is None else [
        {"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint}
        for endpoint, text, roles in MENU if actor.has_role(*roles) and endpoint in current_app.view_functions]
    return {"service_name": "Leeds Voice staff", "service_url": url_for("staff.home"), "navigation": menu,
            "footer_links": [], "sees_alerts": bool(actor) and actor.has_role(*DUTY),
            "sees_report": bool(actor) and actor.has_role(*REPORT_READERS)}
