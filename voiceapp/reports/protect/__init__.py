"""The one place raw counts become published figures. Every output (HTML, PDF, CSV, JSON, the API, every
role's view) is rendered from what protect_report returns, and never from the raw counts."""
from voiceapp.reports.disclosure import SuppressionRules
from voiceapp.reports.protect.cells import breakdown, cell, count
from voiceapp.reports.protect.participation import protect_participation
from voiceapp.reports.protect.participation import ORDER
from voiceapp.reports.protect.promises import protect_promise_groups, protect_promise_information, protect_promises
from voiceapp.reports.protect.surveys import protect_surveys
from voiceapp.reports.protect.tellus import protect_tellus
from voiceapp.reports.protect.themes import protect_theme_groups, protect_themes


GROUPS = {k: ORDER[k] for k in ("cohort", "age_band", "voice_group")}
SURVEY_GROUPS = {k: ORDER[k] for k in ("age_band", "voice_group")}  # by cohort is the survey table itself


def rules_from(config) -> SuppressionRules:
    """The suppression thresholds from the app's settings (REPORT_*)."""
    return SuppressionRules(threshold_low=config["REPORT_SUPPRESS_FROM"],
                            threshold_high=config["REPORT_SUPPRESS_TO"],
                            min_denominator=config["REPORT_MIN_DENOMINATOR"],
                            secondary_max=config["REPORT_SECONDARY_MAX"])


def _promise_issues(promises, raw_counts, rules):
    counts = {str(p["id"]): raw_counts.get(p["id"], 0) for p in promises}
    published = breakdown(counts, rules)["cells"]
    return [{"promise": p["text"], "cohort": p["cohort"], "messages": published[str(p["id"])]}
            for p in promises if raw_counts.get(p["id"], 0)]


def _actions(actions, rules):
    for action in actions:
        told = action.pop("told_count")
        action["young_people_told"] = cell(count(told, rules)) if action["told_on"] else None
    return actions


def protect_report(raw, rules, cohort_sizes):
    """Every figure of the report, suppressed: the only form in which the report leaves this package."""
    themes = protect_themes(raw["themes"], raw["mentions"], raw["previous_mentions"], rules)
    return {
        "participation": protect_participation(raw["participation"], rules, cohort_sizes),
        **protect_promises(raw["promises"], raw["ratings"], raw["previous_ratings"], rules),
        "promise_issues": _promise_issues(raw["promises"], raw["promise_not_kept"], rules),
        "promise_by_group": protect_promise_groups(raw["promise_groups"], rules, GROUPS),
        "promise_information": protect_promise_information(raw["promise_information"],
                                                           raw["previous_promise_information"], rules),
        "tellus": protect_tellus(raw["tellus"], rules, themes),
        "surveys": protect_surveys(raw["questions"], raw["survey_values"], raw["survey_choices"],
                                   raw["survey_answered"], rules, raw["survey_by_group"], SURVEY_GROUPS),
        "themes": themes,
        "themes_by_group": protect_theme_groups(raw["themes"], raw["mentions"], raw["theme_groups"], rules, GROUPS),
        "actions": _actions(raw["actions"], rules),
    }
