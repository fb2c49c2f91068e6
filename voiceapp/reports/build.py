"""Builds the six-monthly Voice and Influence report: collect raw counts, protect them, add the words."""
from flask import current_app

from voiceapp.database import utcnow
from voiceapp.reports import collect, summary
from voiceapp.reports.protect import protect_report, rules_from
from voiceapp.reports.services import councils, meetings, quotes, reviews

STEPS = 10  # the named steps of collect.steps


def _meta(period, rules, now):
    previous = period.previous()
    return {"title": "Voice and Influence report", "period": period.label, "period_words": period.describe(),
            "first_day": period.first.isoformat(), "last_day": period.last.isoformat(),
            "previous_period": previous.label, "previous_words": previous.describe(),
            "generated_at": now.isoformat(timespec="seconds"),
            "suppression": {"withheld_from": rules.threshold_low, "withheld_to": rules.threshold_high,
                            "min_group_for_percentage": rules.min_denominator, "symbol": "c",
                            "legend": f"c = withheld so that no young person can be identified: {rules.label}, "
                                      f"or a figure that could reveal a number that small; no percentage is "
                                      f"given for a group under {rules.min_denominator}",
                            "no_one": "z = not applicable: a share of nobody (no one in the group to count)",
                            "brackets": "a figure in brackets after a number is that number's share of its "
                                        "group, as a percentage, and may itself be c or z"}}


def build_report(period, *, now=None, progress=None):
    """The whole report for a period as plain data, every figure already suppressed."""
    now = now or utcnow()
    config = current_app.config
    rules = rules_from(config)
    raw = collect.collect(period, config, now, progress)
    report = {"meta": _meta(period, rules, now),
              **protect_report(raw, rules, config["REPORT_COHORT_SIZES"]),
              "quotes": quotes.published_quotes(period),
              "councils": councils.councils_view(period.label),
              "meetings": meetings.meetings_in(period), "council_reviews": reviews.reviews_in(period.label)}
    report["lead_plans"] = councils.priorities_in_plans(report["councils"], report["themes"])
    report["summary"] = summary.summarise(report)
    return report
