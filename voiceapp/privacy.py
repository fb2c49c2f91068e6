"""GET /privacy: the full privacy notice the first text links to, in plain words, in the page layout (PRIV-10)."""
from flask import Blueprint, current_app, render_template

bp = Blueprint("privacy", __name__)


@bp.route("/privacy")
def notice():
    return render_template("privacy/notice.html", contact=current_app.config["SERVICE_CONTACT"])


notice.audience = ("anyone",)
