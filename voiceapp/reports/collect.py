"""Runs the SQL aggregates for a period. What it returns holds raw counts: it goes only to protect_report."""
from concurrent.futures import ThreadPoolExecutor, as_completed

import sqlalchemy as sa
from flask import current_app

from voiceapp.extensions import db
from voiceapp.reports import distribution
from voiceapp.reports.queries import optional, participation, promises, surveys, tellus, themes
from voiceapp.reports.services.actions import actions_in


def _timeliness(period, stamp, due_name, limit, now):
    """Times taken come from London day pairs; on time or late from the message's own deadline where the
    escalation work records one (it knows of extensions and complaint stages), else from the working-day limit."""
    result = distribution.timeliness(tellus.day_pairs(period, stamp), limit, now)
    due = optional.column(due_name)
    if due is not None:
        result.update(tellus.against_due(period, stamp, due, now), limit_source="deadline")
    return result


def _tellus_counts(period, previous):
    return {"by_kind": tellus.by_kind(period),
            "outcomes": tellus.grouped_optional(period, "outcome"),
            "complaint_stages": tellus.complaints_by_stage(period), "satisfaction": tellus.satisfaction(period),
            "praise_passed_on": tellus.praise_passed_on(period),
            "previous_total": tellus.total(previous), "promise_not_kept": tellus.promise_not_kept_by_promise(period)}


def _surveys(period):
    counts = surveys.answer_counts(period)
    return {"survey_answered": counts["answered"], "survey_values": counts["values"],
            "survey_choices": counts["choices"], "survey_by_group": counts["by_group"],
            "questions": surveys.questions({q for q, _ in counts["answered"]})}


def steps(period, config, now):
    """The collection as independent named steps, so they can run side by side and show progress."""
    previous = period.previous()
    limits = {"acknowledge": config["REPORT_ACKNOWLEDGE_WORKING_DAYS"], "answer": config["REPORT_ANSWER_WORKING_DAYS"]}
    return [
        ("themes", lambda: dict(zip(("mentions", "theme_groups"), themes.mentions_and_groups(period)))),
        ("themes before", lambda: {"previous_mentions": themes.mentions(previous), "themes": themes.themes()}),
        ("participation", lambda: {"participation": participation.participation(period)}),
        ("promises", lambda: dict(zip(("ratings", "promise_groups"), promises.ratings_and_groups(period)))),
        ("promises before", lambda: {"previous_ratings": promises.rating_counts(previous),
                                     "promise_information": promises.promise_information(period),
                                     "previous_promise_information": promises.promise_information(previous)}),
        ("surveys", lambda: _surveys(period)),
        ("tell us", lambda: {"tellus": _tellus_counts(period, previous)}),
        ("acknowledged", lambda: {"acknowledged": _timeliness(period, "acknowledged_at", "acknowledge_due",
                                                              limits["acknowledge"], now)}),
        ("answered", lambda: {"answered": _timeliness(period, "responded_at", "respond_due", limits["answer"], now),
                              "limits": limits}),
        ("actions", lambda: {"actions": actions_in(period)}),
    ]


def _shareable():
    # A session bound to one open connection (a test's savepoint, a caller's transaction) cannot be shared
    # across threads, and other connections would not see its rows: run the steps one by one then.
    return isinstance(db.session.get_bind(), sa.engine.Engine)


def _in_own_context(app, step):
    with app.app_context():
        return step()


def collect(period, config, now, progress=None):
    """Every raw count of the report; independent queries run side by side on REPORT_QUERY_WORKERS connections."""
    raw, named = {}, steps(period, config, now)
    workers = config["REPORT_QUERY_WORKERS"] if _shareable() else 1
    if workers <= 1:
        for name, step in named:
            raw.update(step())
            progress and progress(name)
    else:
        app = current_app._get_current_object()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_in_own_context, app, step): name for name, step in named}
            for future in as_completed(futures):
                raw.update(future.result())
                progress and progress(futures[future])
    return _assembled(raw, period)


def _assembled(raw, period):
    """Put the Tell Us pieces together and name the promises to show."""
    tellus_raw = raw.pop("tellus")
    tellus_raw.update(acknowledged=raw.pop("acknowledged"), answered=raw.pop("answered"), limits=raw.pop("limits"))
    raw["promise_not_kept"] = tellus_raw.pop("promise_not_kept")
    raw["tellus"] = tellus_raw
    every = promises.promises_to_show(set(raw["ratings"]) | set(raw["previous_ratings"]))
    raw["promises"], raw["previous_ratings"] = promises.linked(every, raw["ratings"], raw["previous_ratings"])
    return raw
