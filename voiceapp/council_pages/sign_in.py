"""Signing in to the council area with the email and password the voice team gave, and signing out."""
from flask import current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from marshmallow import ValidationError

from voiceapp.auth import services as auth
from voiceapp.auth.models import Role
from voiceapp.auth.schemas import StaffSignInSchema
from voiceapp.council_pages import session as council_session
from voiceapp.council_pages.blueprint import bp
from voiceapp.council_pages.session import council_page
from voiceapp.errors import NotSignedIn, TooMany
from voiceapp.extensions import limiter
from voiceapp.pages import forms
from voiceapp.pages.views import safe_next


def _page(status=200, **values):
    return render_template("council/sign_in.html", title=_("Sign in"), errors=values.pop("errors", {}),
                           next=_next(), **values), status


def _next():
    target = safe_next(request.values.get("next"), url_for("council.home"))
    return target if target.startswith("/council/") else url_for("council.home")


def _refused():
    return {"email": _("Your email or password is not right. Check them and try again.")}


def _check(email, password):
    body = StaffSignInSchema().load({"email": email, "password": password})
    token, user = auth.sign_in_staff(**body, source=request.remote_addr or "unknown")
    if user.role != Role.COUNCIL_MEMBER:
        auth.sign_out(actor=auth.authenticate(token))     # staff have their own pages: no council session
        raise NotSignedIn(_("These pages are for members of the youth councils."))
    return token


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], methods=["POST"])
def sign_in():
    if request.method == "GET":
        return _page()
    email = request.form.get("email", "")
    if not forms.form_is_ours():
        return _page(400, email=email, errors={"_page": _("That page had expired. Please try again.")})
    try:
        token = _check(email, request.form.get("password", ""))
    except (ValidationError, NotSignedIn):
        return _page(401, email=email, errors=_refused())
    except TooMany as error:
        minutes = max(1, round(error.retry_after / 60))
        return _page(429, email=email, errors={"email": _("Too many tries. Wait %(minutes)d minutes and try "
                                                            "again.", minutes=minutes)})
    council_session.start(token)
    return redirect(_next(), code=303)


sign_in.audience = ("anyone",)


@bp.route("/sign-out", methods=["POST"])
@council_page
def sign_out():
    auth.sign_out(actor=g.actor)
    council_session.end()
    return redirect(url_for("council.sign_in"), code=303)
