"""Pages for staff: sign in, see what waits, and act on safeguarding alerts and Tell Us messages.

The pages call the same service functions as the JSON API, dump with the same schemas and read forms
through the same ones, so a page can do nothing the API would refuse. Staff pages are in English, the
council's working language; everything young people see is translated.
"""
from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from voiceapp.staff_pages import views  # noqa: E402,F401  (routes register on bp)


@bp.context_processor
def _page_helpers():
    from flask import g

    from voiceapp.staff_pages.session import csrf_token
    from voiceapp.staff_pages.views import CASEWORK, DUTY
    actor = g.get("actor")
    return {"csrf_token": csrf_token, "sees_alerts": bool(actor) and actor.has_role(*DUTY),
            "sees_messages": bool(actor) and actor.has_role(*CASEWORK)}
