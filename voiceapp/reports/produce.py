"""Producing the report for someone: the period, the audience their role allows, the format they asked for.

Above the build (which reads the councils' views, quotes and actions from reports.services), not among them."""
from uuid import UUID

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.auth.models import Role
from voiceapp.database import transaction
from voiceapp.errors import Invalid
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import Promise
from voiceapp.reports import exports, periods
from voiceapp.reports.build import build_report
from voiceapp.reports.youth import young_peoples_version
from voiceapp.surveys.models import Survey, SurveyQuestion, SurveyVersion

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


def council_report(*, actor, period):
    """The young people's version for a council member's pages, with the other languages' words for its themes
    and promises (the figures are the report's own, already suppressed); each look is audited."""
    period = parse_period(period) if isinstance(period, str) else period
    report = young_peoples_version(build_report(period))
    report["translations"] = {
        "themes": {p.number: {"en": p.short_title, **(p.translations or {})} for p in promises.list_priorities()},
        "promises": {str(p.id): {"en": p.text, **(p.translations or {})}
                     for p in db.session.scalars(sa.select(Promise).where(
                         Promise.id.in_([UUID(row["id"]) for row in report["promises"]])))},
        "questions": _question_words([UUID(q["id"]) for q in report["surveys"]])}
    with transaction():
        audit.record(actor=actor, action="report.view", object_type="report",
                     detail={"period": period.label, "audience": "young_people"})
    return report


def _question_words(question_ids):
    """Each survey question's words by language (prompt, options, its survey's title), English as "en"."""
    found = {}
    rows = db.session.execute(sa.select(SurveyQuestion, Survey).select_from(SurveyQuestion)
                              .join(SurveyVersion, SurveyVersion.id == SurveyQuestion.version_id)
                              .join(Survey, Survey.id == SurveyVersion.survey_id)
                              .where(SurveyQuestion.id.in_(question_ids)))
    for question, survey in rows:
        words = {code: {"survey": texts["title"]} for code, texts in (survey.translations or {}).items()
                 if texts.get("title")}
        for code, texts in (question.translations or {}).items():
            words[code] = {**words.get(code, {}), **texts}
        found[str(question.id)] = {"en": {"prompt": question.prompt, "options": list(question.options or []),
                                          "survey": survey.title}, **words}
    return found


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
