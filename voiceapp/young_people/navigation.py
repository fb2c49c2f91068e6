"""The menu, footer links and caching rules of every young people's page."""
from flask import current_app, g, has_request_context, request, url_for
from flask_babel import lazy_gettext as _l

from voiceapp.young_people import bp

MENU = (("young.start", _l("Home")), ("young.promise_start", _l("Check the promise")),
        ("young.tell_us", _l("Tell Us, We Care")), ("young.messages", _l("My messages")),
        ("young.survey_list", _l("Surveys")), ("young.my_data", _l("My data")), ("young.sign_out", _l("Sign out")))


def _menu():
    actor = g.get("actor")
    if actor is None or not actor.is_young_person:
        return [{"href": url_for("young.sign_in"), "text": _l("Sign in"),
                 "active": request.endpoint == "young.sign_in"}]
    return [{"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint}
            for endpoint, text in MENU if endpoint in current_app.view_functions]


@bp.app_context_processor
def page_frame():
    # Templates are also rendered outside a request (the report's HTML and PDF from `flask report`).
    if not has_request_context():
        return {}
    return {"navigation": _menu() if request.blueprint in ("young", "pages", "privacy") else [],
            "footer_links": [{"href": url_for("privacy.notice"), "text": _l("Privacy")},
                             {"href": url_for("young.unsafe"), "text": _l("I don't feel safe")}]}


@bp.after_request
def no_store(response):
    """A shared or checked phone must not show these pages again from its cache after signing out."""
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response
