"""The young people's version: short plain-English sentences from the published figures only."""

RATING_WORDS = {"kept": "kept", "partly": "partly kept", "not_kept": "not kept", "dont_know": "not sure"}


def _shown(figure):
    return figure is not None and figure.get("value") is not None


def _took_part(report):
    total = report["participation"]["total"]
    if _shown(total):
        return f"{total['display']} young people told us what they think."
    return "A few young people told us what they think."


def _themes(report):
    ranked = [t for t in report["themes"] if t["rank"] and t["mentions"]["value"]][:3]
    return [f"{t['short_title']}. You raised this {t['mentions']['display']} times." for t in ranked]


def _promises(report):
    lines = []
    for p in report["promises"]:
        share = p["shares"]["kept"]
        if _shown(share):
            lines.append(f"We promised to {p['text']}. {share['display']} of you said we kept it.")
    return lines


def _surveys(report):
    """One line per yes/no or single-choice question: its most chosen answer, where that share is shown."""
    lines = []
    for q in report["surveys"]:
        if q["kind"] not in ("yes_no", "single_choice") or not _shown(q["respondents"].get("all")):
            continue
        shares = [(o["all"]["share"], o["label"]) for o in q["options"] if _shown(o["all"]["share"])]
        if shares:
            share, label = max(shares, key=lambda s: s[0]["value"])
            lines.append(f"Of {q['respondents']['all']['display']} of you who answered \"{q['prompt']}\", "
                         f"{share['display']} said {label}.")
    return lines


def _actions(report):
    return [{"theme": a["theme_title"], "what": a["what"], "done": a["status"] == "done"} for a in report["actions"]]


def young_peoples_version(report):
    """What the councils and young people see: protected figures, themes, actions, approved quotes."""
    meta = {**report["meta"], "audience": "young_people", "title": "What you told us"}
    return {
        "meta": meta,
        "took_part": _took_part(report),
        "themes": report["themes"],
        "top_themes": _themes(report),
        "promise_lines": _promises(report),
        "promises": [{k: p[k] for k in ("text", "cohort", "theme", "n", "counts", "shares")} for p in report["promises"]],
        "survey_lines": _surveys(report),
        "surveys": report["surveys"],
        "you_said_we_did": _actions(report),
        "quotes": report["quotes"],
        "councils": report["councils"],
    }
