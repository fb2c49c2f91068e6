"""GET /privacy: the full privacy notice the first text links to, in plain words (PRIV-10)."""
from flask import Blueprint, current_app, render_template
from flask_babel import get_locale

from voiceapp.i18n import text_direction

bp = Blueprint("privacy", __name__)


@bp.route("/privacy")
def notice():
    locale = str(get_locale())
    return render_template("privacy/notice.html", language=locale, direction=text_direction(locale),
                           contact=current_app.config["SERVICE_CONTACT"])


notice.audience = ("anyone",)
