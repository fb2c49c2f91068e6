"""Who is at the page: a signed-in member of staff, by the session cookie or (for scripts) a bearer token.

The cookie holds only the server-side session token, so signing out or disabling an account ends it at
once, as it does for the API. Forms sent with the cookie carry the page foundation's per-session token
(CSRF); a bearer token cannot be sent by another site, so it needs none.
"""
from functools import wraps

from flask import g, render_template, request, session

from voiceapp.auth import services as auth
from voiceapp.auth.guards import bearer_token
from voiceapp.pages import forms
from voiceapp.staff_pages.forms import page_error

TOKEN = "staff_token"


def start(token):
    """After a good sign-in: a fresh cookie session holding the token and a new form token."""
    session.clear()
    session[TOKEN] = token
    forms.renew_csrf_token()


def end():
    session.clear()


def _actor():
    token = bearer_token()
    if token:
        return auth.authenticate(token), True
    return auth.authenticate(session.get(TOKEN)), False


def staff_page(*roles):
    """Signed-in staff with one of these roles; anyone else gets the sign-in form (401) or a refusal (403)."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            g.locale = "en"       # staff pages are in English, the council's working language
            actor, by_bearer = _actor()
            if actor is None or actor.is_young_person:
                if actor is not None:
                    return page_error(403, "These pages are for staff.")
                return render_template("staff/sign_in.html", title="Sign in", errors={},
                                       next=request.full_path.rstrip("?")), 401
            if not actor.has_role(*roles):
                return page_error(403, "This page is not open to your role.")
            if request.method == "POST" and not by_bearer and not forms.form_is_ours():
                return page_error(400, "That form had expired. Go back, reload the page and try again.")
            g.actor = actor
            return view(*args, **kwargs)
        wrapped.audience = tuple(role.value for role in roles)
        return wrapped
    return decorator
