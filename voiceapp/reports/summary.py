"""The one-page summary: key issues and good practice, written only from published (suppressed) figures."""

KIND_WORDS = {"promise_not_kept": "a promise not kept", "unhappy": "unhappy with support", "praise": "praise"}


def _shown(figure):
    return figure is not None and figure.get("value") is not None


def _top_themes(report, limit=3):
    ranked = [t for t in report["themes"] if t["rank"] and t["mentions"]["value"]]
    return [f"{t['short_title']}: raised {t['mentions']['display']} times"
            + (f" ({t['trend']['display']} on last period)" if t["trend"]["value"] is not None else "")
            for t in ranked[:limit]]


def _kept_share(promise):
    return promise["shares"]["kept"]["value"]


def _promises_least_kept(report, limit=3):
    shown = [p for p in report["promises"] if _kept_share(p) is not None]
    return [f"\u201c{p['text']}\u201d: kept for {p['shares']['kept']['display']} of {p['n']['display']} "
            f"young people" for p in sorted(shown, key=lambda p: (_kept_share(p), p["text"]))[:limit]]


def _promises_best_kept(report, limit=2):
    shown = [p for p in report["promises"] if _kept_share(p) is not None]
    return [f"\u201c{p['text']}\u201d: kept for {p['shares']['kept']['display']} of {p['n']['display']}"
            for p in sorted(shown, key=lambda p: (-_kept_share(p), p["text"]))[:limit]]


def _timeliness(report):
    lines = []
    for name, words in (("acknowledged", "acknowledged"), ("answered", "answered")):
        figure = report["tellus"][name]
        if _shown(figure["on_time_share"]):
            lines.append(f"{figure['on_time_share']['display']} of Tell Us messages due were {words} within "
                         f"{figure['limit_working_days']} working day{'s' if figure['limit_working_days'] != 1 else ''}")
    return lines


def _changes(report):
    return [f"\u201c{p['text']}\u201d: kept share changed by {p['change']['display']}"
            for p in report["promises"] if p["change"]["significant"]]


def _praise(report):
    praise = report["tellus"]["praise"]
    # Who was praised is the young person's own words (a name, "my PA Sarah"): only approved quotes carry those.
    lines = [f"Praise messages received: {praise['messages']['display']}"]
    if _shown(praise.get("passed_on_to_managers")):
        lines.append(f"Praise passed on to the manager of the person praised: {praise['passed_on_to_managers']['display']}")
    return lines


def summarise(report):
    """Key issues and good practice, each a short list of sentences."""
    done = [a for a in report["actions"] if a["status"] == "done"]
    return {
        "key_issues": _top_themes(report) + _promises_least_kept(report) + _changes(report),
        "good_practice": _praise(report) + _promises_best_kept(report) + _timeliness(report)
        + ([f"{len(done)} actions completed in response to what young people said"] if done else []),
    }
