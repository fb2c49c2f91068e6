"""Who is at the page: a signed-in young person, by the session cookie or (for scripts) a bearer token.

The `__Host-` cookie (HttpOnly, Secure, SameSite=Lax) holds only the server-side session token, so
signing out, or signing out everywhere, ends it at once. Forms sent with the cookie carry the form token.
"""
from functools import wraps

from flask import current_app, g, render_template, request, session
from flask_babel import gettext as _

from voiceapp.auth import services as auth
from voiceapp.auth.guards import bearer_token
from voiceapp.i18n import CHOSEN
from voiceapp.pages import forms

TOKEN, SHARED = "young_person_token", "shared_device"


def start(token, *, shared_device):
    """After a good sign-in: a fresh cookie (nothing carried over but the language); on a shared phone the
    cookie also ends when the browser closes."""
    language = session.get(CHOSEN)
    session.clear()
    session[TOKEN], session[SHARED] = token, shared_device
    session.permanent = not shared_device
    if language:
        session[CHOSEN] = language
    forms.renew_csrf_token()


def end():
    language = session.get(CHOSEN)
    session.clear()
    if language:
        session[CHOSEN] = language


def actor_here():
    """(actor, by_bearer): the caller of this request, or None."""
    token = bearer_token()
    if token:
        return auth.authenticate(token), True
    return auth.authenticate(session.get(TOKEN)), False


def page_error(status, message):
    return render_template("young/error.html", title=message, message=message), status


def young_page(view):
    """Only a signed-in young person: anyone else gets the sign-in page (401) or a refusal (403); a form
    posted with the cookie must carry the page's form token (400 otherwise)."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        actor, by_bearer = actor_here()
        if actor is None:
            return render_template("young/sign_in.html", title=_("Sign in"), errors={}, how_long=how_long()), 401
        if not actor.is_young_person:
            return page_error(403, _staff_refused())
        if request.method == "POST" and not by_bearer and not forms.form_is_ours():
            return page_error(400, _expired())
        g.actor = actor
        return view(*args, **kwargs)
    wrapped.audience = ("young_person",)
    return wrapped


def how_long():
    """How long a young person stays signed in, for the sign-in pages to say."""
    config = current_app.config
    return {"days": config["YOUNG_PERSON_SESSION_IDLE_TIMEOUT"].days,
            "minutes": int(config["YOUNG_PERSON_SHARED_DEVICE_TIMEOUT"].total_seconds() // 60)}


def _staff_refused():
    return _("These pages are for young people. Staff pages are at /staff/.")


def _expired():
    return _("That page had expired. Go back, reload the page and try again.")
