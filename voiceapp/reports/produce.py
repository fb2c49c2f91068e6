"""Producing the report for someone: the period, the audience their role allows, the format they asked for.

Above the build (which reads the councils' views, quotes and actions from reports.services), not among them."""
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.auth.models import Role
from voiceapp.database import transaction
from voiceapp.errors import Invalid
from voiceapp.reports import exports, periods
from voiceapp.reports.build import build_report
from voiceapp.reports.youth import young_peoples_version

AUDIENCES = ("board", "young_people")


def audience_for(actor, asked=None):
    """Council members always get the young people's version; staff get the board's unless they ask."""
    if actor.is_staff and actor.role == Role.COUNCIL_MEMBER:
        return "young_people"
    return asked or "board"


def parse_period(text):
    try:
        return periods.parse(text)
    except ValueError as error:
        raise Invalid(_l("That is not a report period"), field="period", reason=str(error)) from None


def produce_report(*, actor, period, fmt, audience=None, progress=None, now=None):
    """The report as (bytes, mimetype, file name); every figure suppressed whoever asks and however."""
    if fmt not in exports.FORMATS:
        raise Invalid(_l("That format is not available"), field="format", reason=f"use one of {exports.FORMATS}")
    period = parse_period(period) if isinstance(period, str) else period
    audience = audience_for(actor, audience)
    report = build_report(period, now=now, progress=progress)
    if audience == "young_people":
        report = young_peoples_version(report)
    report["meta"]["audience"] = audience
    content = exports.render(report, fmt)
    with transaction():
        audit.record(actor=actor, action="report.export", object_type="report",
                     detail={"period": period.label, "format": fmt, "audience": audience})
    suffix = "" if audience == "board" else "-young-people"
    return content, exports.MIMETYPES[fmt], f"voice-and-influence-{period.label}{suffix}.{fmt}"
