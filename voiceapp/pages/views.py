"""GET /language/<code>: show every page in this language from now on (a link, so it works without JS)."""
from flask import abort, redirect, request, session

from voiceapp.i18n import CHOSEN, supported
from voiceapp.pages import bp


def safe_next(target, default="/"):
    """Only a path on this site, so a link cannot send anyone elsewhere."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return default


@bp.route("/language/<code>")
def choose_language(code):
    if code not in supported():
        abort(404)
    session[CHOSEN] = code
    return redirect(safe_next(request.args.get("next")), code=303)


choose_language.audience = ("anyone",)
