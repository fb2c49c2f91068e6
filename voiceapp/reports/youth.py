"""The young people's version: short plain sentences from the published figures only, in the language of
whoever asks for it (the current locale)."""
from datetime import date

from uuid import UUID

import sqlalchemy as sa
from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from voiceapp import languages
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import Promise
from voiceapp.reports.models import what_in
from voiceapp.surveys.models import SurveyQuestion

RATING_WORDS = {"kept": "kept", "partly": "partly kept", "not_kept": "not kept", "dont_know": "not sure"}


def _shown(figure):
    return figure is not None and figure.get("value") is not None


def _took_part(report):
    total = report["participation"]["total"]
    if _shown(total):
        return _("%(number)s young people told us what they think.", number=total["display"])
    return _("A few young people told us what they think.")


class _Words:
    """The themes', promises' and survey questions' own words in the reader's language, where they have them
    (staff write them in English and give each language's words beside it); English otherwise."""

    def __init__(self, report):
        code = languages.base(get_locale())
        self.themes = {p.number: (p.translations or {}).get(code) for p in promises.list_priorities()}
        ids = [UUID(p["id"]) for p in report["promises"]]
        self.promises = {str(p.id): (p.translations or {}).get(code) for p in db.session.scalars(
            sa.select(Promise).where(Promise.id.in_(ids)))} if ids else {}
        ids = [UUID(q["id"]) for q in report["surveys"]]
        self.questions = {str(q.id): (q.translations or {}).get(code) or {} for q in db.session.scalars(
            sa.select(SurveyQuestion).where(SurveyQuestion.id.in_(ids)))} if ids else {}

    def theme(self, number, english):
        return self.themes.get(number) or english

    def promise(self, promise):
        return self.promises.get(promise["id"]) or promise["text"]

    def question(self, question):
        return self.questions.get(question["id"], {}).get("prompt") or question["prompt"]

    def option(self, question, index, english):
        options = self.questions.get(question["id"], {}).get("options") or []
        return options[index] if index < len(options) and options[index] else english


def _themes(report, words):
    ranked = [t for t in report["themes"] if t["rank"] and t["mentions"]["value"]][:3]
    return [_("%(theme)s. You raised this %(count)s times.", theme=words.theme(t["number"], t["short_title"]),
              count=t["mentions"]["display"]) for t in ranked]


def _promises(report, words):
    lines = []
    for p in report["promises"]:
        share = p["shares"]["kept"]
        if _shown(share):
            lines.append(_("We promised to %(text)s. %(share)s of you said we kept it.", text=words.promise(p),
                           share=share["display"]))
    return lines


def _survey_lines(report, words):
    """One line per yes/no or single-choice question: its most chosen answer, where that share is shown."""
    lines = []
    for q in report["surveys"]:
        if q["kind"] not in ("yes_no", "single_choice") or not _shown(q["respondents"].get("all")):
            continue
        shares = [(o["all"]["share"], i, o["label"]) for i, o in enumerate(q["options"]) if _shown(o["all"]["share"])]
        if shares:
            share, index, label = max(shares, key=lambda s: s[0]["value"])
            answer = words.option(q, index, label) if q["kind"] == "single_choice" else label
            lines.append(_("Of %(number)s of you who answered \"%(question)s\", %(share)s said %(answer)s.",
                           number=q["respondents"]["all"]["display"], question=words.question(q),
                           share=share["display"], answer=answer))
    return lines


def _actions(report, words):
    code = languages.base(get_locale())
    return [{"theme": words.theme(a["theme"], a["theme_title"]), "theme_number": a["theme"],
             "what": what_in(a["what"], a.get("what_translations"), code),
             "done": a["status"] == "done"} for a in report["actions"]]


def _surveys(report):
    # Counts of answers to questions with choices only: young people's own words are never in the report.
    # Options ticked several at once have no "all" column (it could be unpicked): each cohort's is shown then.
    return [{"id": q["id"], "survey": q["survey"], "prompt": q["prompt"], "kind": q["kind"],
             "respondents": q.get("respondents", {}), "written_answers": q.get("written_answers"),
             "options": [{"label": o["label"], "all": o.get("all"), "by_cohort": o["by_cohort"]}
                         for o in q.get("options", ())],
             **({"by_group": q["by_group"]} if "by_group" in q else {})}
            for q in report["surveys"]]


def _timeliness(clock):
    return {key: clock[key] for key in ("total", "cells", "on_time_share", "limit_working_days")}


def _tell_us(report):
    tellus = report["tellus"]
    return {"total": tellus["total"], "by_kind": tellus["by_kind"]["cells"],
            "acknowledged": _timeliness(tellus["acknowledged"]), "answered": _timeliness(tellus["answered"]),
            "satisfaction": tellus["satisfaction"]["cells"], "complaints_by_stage": tellus["complaints_by_stage"]["cells"]}


def _period_words(meta):
    """"1 July 2026 to 31 December 2026" in the reader's language."""
    first, last = (date.fromisoformat(meta[key]) for key in ("first_day", "last_day"))
    return _("%(first)s to %(last)s", first=format_date(first, "long"), last=format_date(last, "long"))


def young_peoples_version(report):
    """What the councils and young people see: protected figures (themes, promise results, survey answers by
    choice, Tell Us volumes and timeliness, complaints by stage), actions, approved quotes, meetings."""
    words = _Words(report)
    meta = {**report["meta"], "audience": "young_people", "title": "What you told us",
            "period_words": _period_words(report["meta"])}
    return {
        "meta": meta,
        "took_part": _took_part(report),
        "took_part_figure": report["participation"]["total"],
        "themes": report["themes"],
        "top_themes": _themes(report, words),
        "promise_lines": _promises(report, words),
        "promises": [{k: p[k] for k in ("id", "text", "cohort", "theme", "n", "counts", "shares")}
                     for p in report["promises"]],
        "survey_lines": _survey_lines(report, words),
        "surveys": _surveys(report),
        "tell_us": _tell_us(report),
        "you_said_we_did": _actions(report, words),
        "quotes": report["quotes"],
        "councils": report["councils"],
        "meetings": report["meetings"],
        "council_reviews": report["council_reviews"],
    }
