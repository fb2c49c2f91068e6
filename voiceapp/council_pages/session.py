"""Who is at a council page: a council member signed in on the council sign-in page (a session cookie), or a
script with a bearer token, as on the staff pages.

The cookie holds only the server-side session token, so signing out or disabling the account ends it at
once. Forms sent with the cookie carry the page foundation's form token (a bearer token cannot be sent by
another site, so it needs none). Also the menu and caching rules of every council page.
"""
from functools import wraps

from flask import g, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from voiceapp.auth import services as auth
from voiceapp.auth.guards import bearer_token
from voiceapp.auth.models import Role
from voiceapp.council_pages.blueprint import bp
from voiceapp.i18n import CHOSEN
from voiceapp.pages import forms

TOKEN = "council_token"
MENU = (("council.home", _l("Our report")), ("council.themes", _l("Themes")),
        ("council.priorities", _l("What leads did")), ("council.figures", _l("All the figures")),
        ("council.meetings", _l("Meetings")), ("council.settings", _l("Messages to you")))


def start(token):
    """After a good sign-in: a fresh cookie (nothing carried over but the language) and a new form token."""
    language = session.get(CHOSEN)
    session.clear()
    session[TOKEN] = token
    if language:
        session[CHOSEN] = language
    forms.renew_csrf_token()


def end():
    language = session.get(CHOSEN)
    session.clear()
    if language:
        session[CHOSEN] = language


def page_error(status, message):
    return render_template("council/error.html", title=message, message=message), status


def council_page(view):
    """Only a signed-in council member: anyone else gets the sign-in page (401) or a refusal (403); a form
    must carry the page's form token (400 otherwise)."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        token = bearer_token()
        actor = auth.authenticate(token or session.get(TOKEN))
        if actor is None:
            return render_template("council/sign_in.html", title=_("Sign in"), errors={},
                                   next=request.full_path.rstrip("?")), 401
        if not actor.has_role(Role.COUNCIL_MEMBER):
            return page_error(403, _("These pages are for members of the youth councils."))
        if request.method == "POST" and not token and not forms.form_is_ours():
            return page_error(400, _("That page had expired. Go back, reload the page and try again."))
        g.actor = actor
        return view(*args, **kwargs)
    wrapped.audience = (Role.COUNCIL_MEMBER.value,)
    return wrapped


def _menu():
    actor = g.get("actor")
    if actor is None:
        return [{"href": url_for("council.sign_in"), "text": _l("Sign in"),
                 "active": request.endpoint == "council.sign_in"}]
    items = [{"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint}
             for endpoint, text in MENU]
    return items


@bp.context_processor
def page_frame():
    return {"navigation": _menu(), "service_name": _l("Youth councils"), "service_url": url_for("council.home"),
            "footer_links": [{"href": url_for("privacy.notice"), "text": _l("Privacy")},
                             {"href": url_for("young.unsafe"), "text": _l("I don't feel safe")}]}


@bp.after_request
def no_store(response):
    """A shared computer must not show these pages again from its cache after signing out."""
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response
