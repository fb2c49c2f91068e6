"""The young people's version: short plain sentences from the published figures only, in the language of
whoever asks for it (the current locale)."""
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _

RATING_WORDS = {"kept": "kept", "partly": "partly kept", "not_kept": "not kept", "dont_know": "not sure"}


def _shown(figure):
    return figure is not None and figure.get("value") is not None


def _took_part(report):
    total = report["participation"]["total"]
    if _shown(total):
        return _("%(number)s young people told us what they think.", number=total["display"])
    return _("A few young people told us what they think.")


def _themes(report):
    ranked = [t for t in report["themes"] if t["rank"] and t["mentions"]["value"]][:3]
    return [_("%(theme)s. You raised this %(count)s times.", theme=t["short_title"], count=t["mentions"]["display"])
            for t in ranked]


def _promises(report):
    lines = []
    for p in report["promises"]:
        share = p["shares"]["kept"]
        if _shown(share):
            lines.append(_("We promised to %(text)s. %(share)s of you said we kept it.", text=p["text"],
                           share=share["display"]))
    return lines


def _survey_lines(report):
    """One line per yes/no or single-choice question: its most chosen answer, where that share is shown."""
    lines = []
    for q in report["surveys"]:
        if q["kind"] not in ("yes_no", "single_choice") or not _shown(q["respondents"].get("all")):
            continue
        shares = [(o["all"]["share"], o["label"]) for o in q["options"] if _shown(o["all"]["share"])]
        if shares:
            share, label = max(shares, key=lambda s: s[0]["value"])
            lines.append(_("Of %(number)s of you who answered \"%(question)s\", %(share)s said %(answer)s.",
                           number=q["respondents"]["all"]["display"], question=q["prompt"], share=share["display"],
                           answer=label))
    return lines


def _actions(report):
    return [{"theme": a["theme_title"], "theme_number": a["theme"], "what": a["what"], "done": a["status"] == "done"}
            for a in report["actions"]]


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
    meta = {**report["meta"], "audience": "young_people", "title": "What you told us",
            "period_words": _period_words(report["meta"])}
    return {
        "meta": meta,
        "took_part": _took_part(report),
        "took_part_figure": report["participation"]["total"],
        "themes": report["themes"],
        "top_themes": _themes(report),
        "promise_lines": _promises(report),
        "promises": [{k: p[k] for k in ("id", "text", "cohort", "theme", "n", "counts", "shares")}
                     for p in report["promises"]],
        "survey_lines": _survey_lines(report),
        "surveys": _surveys(report),
        "tell_us": _tell_us(report),
        "you_said_we_did": _actions(report),
        "quotes": report["quotes"],
        "councils": report["councils"],
        "meetings": report["meetings"],
        "council_reviews": report["council_reviews"],
    }
