"""Signing in: with the invitation code a worker gave, or a one-time code by text; signing out (everywhere)."""
from flask import current_app, g, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.auth import codes
from voiceapp.auth import services as auth
from voiceapp.auth.schemas import CodeRequestSchema, CodeVerifySchema, InvitationRedeemSchema
from voiceapp.errors import DomainError
from voiceapp.extensions import limiter
from voiceapp.pages import forms
from voiceapp.young_people import bp
from voiceapp.young_people import session as young_session
from voiceapp.young_people.session import young_page

CHALLENGE = "sign_in_challenge"
PLAIN = {
    "code": _l("Enter the code your worker gave you. It looks like ABCDE-23456."),
    "phone": _l("Enter your mobile number, like 07700 900123."),
}
CODE_REFUSED = _l("That code is not right or has run out. Check it, or ask for a new one.")
TEXT_CODE = _l("Enter the 6 numbers we sent you by text.")


def _limit():
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _page(template, status=200, **values):
    return render_template(template, errors=values.pop("errors", {}), how_long=young_session.how_long(), **values), status


def _shared():
    return request.form.get("shared_device") == "yes"


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
def sign_in():
    if request.method == "GET":
        return _page("young/sign_in.html")
    try:
        body = forms.read(InvitationRedeemSchema(), {"code": request.form.get("code", "")})
        token, _person = codes.redeem_invitation(code=body["code"], shared_device=_shared())
    except ValidationError as error:
        return _page("young/sign_in.html", 422, errors=forms.errors_of(error, PLAIN))
    except DomainError:
        return _page("young/sign_in.html", 401, errors={"code": str(CODE_REFUSED)})
    young_session.start(token, shared_device=_shared())
    return redirect(url_for("young.home"), code=303)


@bp.route("/sign-in/text", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
def sign_in_by_text():
    if request.method == "GET":
        return _page("young/sign_in_text.html")
    try:
        body = forms.read(CodeRequestSchema(), {"phone": request.form.get("phone", "")})
        session[CHALLENGE] = str(codes.request_code(phone=body["phone"]))
    except (ValidationError, DomainError) as error:
        return _page("young/sign_in_text.html", error.status if isinstance(error, DomainError) else 422,
                     errors=forms.errors_of(error, PLAIN), phone=request.form.get("phone", ""))
    return redirect(url_for("young.enter_text_code"), code=303)


@bp.route("/sign-in/text/code", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
def enter_text_code():
    if request.method == "GET":
        return _page("young/sign_in_code.html")
    try:
        body = forms.read(CodeVerifySchema(), {"challenge_id": session.get(CHALLENGE, ""),
                                               "code": request.form.get("code", "").strip()})
        token, _person = codes.verify_code(shared_device=_shared(), **body)
    except ValidationError:
        return _page("young/sign_in_code.html", 422, errors={"code": str(TEXT_CODE)})
    except DomainError:
        return _page("young/sign_in_code.html", 401, errors={"code": str(CODE_REFUSED)})
    young_session.start(token, shared_device=_shared())
    return redirect(url_for("young.home"), code=303)


@bp.route("/sign-out", methods=["GET", "POST"])
@young_page
def sign_out():
    if request.method == "GET":
        return render_template("young/sign_out.html", title=_l("Sign out"))
    auth.sign_out(actor=g.actor)
    young_session.end()
    return redirect(url_for("young.signed_out"), code=303)


@bp.route("/sign-out/everywhere", methods=["POST"])
@young_page
def sign_out_everywhere():
    auth.sign_out_everywhere(actor=g.actor)
    young_session.end()
    return redirect(url_for("young.signed_out", everywhere=1), code=303)


@bp.route("/signed-out")
def signed_out():
    return render_template("young/signed_out.html", everywhere=request.args.get("everywhere") == "1")


for _view in (sign_in, sign_in_by_text, enter_text_code, signed_out):
    _view.audience = ("anyone",)
