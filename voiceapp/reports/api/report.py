"""GET the report for a period in any format; council members always get the young people's version."""
from flask import Response

from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports import produce
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import ReportArgs

READERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)
# A downloaded report is one self-contained page: inline styles and SVG, and nothing may run or be fetched.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'"


@blp.route("/reports/<string:period>", methods=["GET"])
@require_role(*READERS)
@blp.arguments(ReportArgs, location="query")
@blp.response(200)
def get_report(args, period):
    """The Voice and Influence report for a period (2026-H1, 2026-Q2 or 2026-04-01..2026-06-30)."""
    content, mimetype, name = produce.produce_report(actor=current_actor(), period=period, fmt=args["format"],
                                                     audience=args["audience"])
    response = Response(content, mimetype=mimetype)
    if args["format"] != "json":
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Security-Policy"] = REPORT_CSP
    return response
