"""The council's meetings (with the Head of Service, and the board takeover): the questions and the answers."""
from flask import g, render_template
from flask_babel import lazy_gettext as _l

from voiceapp.council_pages import words
from voiceapp.council_pages.blueprint import bp
from voiceapp.council_pages.session import council_page
from voiceapp.reports.services import councils, meetings as meeting_services


@bp.route("/meetings")
@council_page
def meetings():
    council = councils.council_of(g.actor)
    return render_template("council/meetings.html", title=_l("Meetings"), words=words,
                           meetings=meeting_services.list_meetings(council=council),
                           council_name=words.council_name(council))
