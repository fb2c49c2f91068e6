"""The promise: for each promise, how many young people said kept, partly, not kept or don't know."""
import uuid

import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.promises.models import (Promise, PromiseCheck, PromiseInformation, PromiseRating, PromiseSet,
                                      StrategicPriority)
from voiceapp.reports.queries.sqltime import materialized, within

RATINGS = ("kept", "partly", "not_kept", "dont_know")


def _latest_checks(period):
    """Each young person's latest promise check in the period: one voice per person, not one per sitting."""
    return (sa.select(PromiseCheck.young_person_id.label("yp"), sa.func.max(PromiseCheck.submitted_at).label("at"))
            .where(within(PromiseCheck.submitted_at, period)).group_by(PromiseCheck.young_person_id)
            .subquery("latest_checks"))


def rating_counts(period):
    """{promise_id: {rating: count}} for every promise rated in the period, from each young person's latest check."""
    latest = _latest_checks(period)
    query = (sa.select(PromiseRating.promise_id, PromiseRating.rating, sa.func.count())
             .select_from(latest)
             .join(PromiseCheck, sa.and_(PromiseCheck.young_person_id == latest.c.yp,
                                         PromiseCheck.submitted_at == latest.c.at))
             .join(PromiseRating, PromiseRating.check_id == PromiseCheck.id)
             .group_by(PromiseRating.promise_id, PromiseRating.rating))
    counts = {}
    for promise_id, rating, n in db.session.execute(query):
        counts.setdefault(promise_id, dict.fromkeys(RATINGS, 0))[rating.value] = n
    return counts


def promises_to_show(rated_ids):
    """The promises of the current sets plus any other promise rated: text, cohort, set and theme."""
    query = (sa.select(Promise.id, Promise.text, Promise.position, Promise.lineage, PromiseSet.cohort,
                       PromiseSet.slug, PromiseSet.is_current, StrategicPriority.number, StrategicPriority.short_title)
             .join(PromiseSet, PromiseSet.id == Promise.promise_set_id)
             .join(StrategicPriority, StrategicPriority.id == Promise.priority_id)
             .where(sa.or_(PromiseSet.is_current.is_(True), Promise.id.in_(list(rated_ids))))
             .order_by(PromiseSet.cohort, PromiseSet.version.desc(), Promise.position))
    return [dict(id=row.id, text=row.text, position=row.position, cohort=row.cohort.value, set=row.slug,
                 lineage=row.lineage, current=row.is_current, theme=row.number, theme_title=row.short_title)
            for row in db.session.execute(query)]


def linked(promises, ratings, previous_ratings):
    """The promise rows to show and last period's counts for each: a promise of the current set (or rated
    this period) is a row; last period's ratings of an earlier version of it (same lineage) count as its own,
    so a new version of the promise does not restart its trend. Returns (rows, previous counts by row id)."""
    rows = [p for p in promises if p["current"] or p["id"] in ratings]
    owner = {p["lineage"]: p["id"] for p in reversed(rows) if p["lineage"]}
    rows += [p for p in promises if p not in rows and p["lineage"] not in owner]
    row_ids = {p["id"] for p in rows}
    previous = {}
    for p in promises:
        target = p["id"] if p["id"] in row_ids else owner[p["lineage"]]
        for rating, n in previous_ratings.get(p["id"], {}).items():
            counts = previous.setdefault(target, dict.fromkeys(RATINGS, 0))
            counts[rating] += n
    return rows, previous


INFORMATION = tuple(i.value for i in PromiseInformation)


def promise_information(period):
    """{yes/no/not_sure: young people}: each young person's latest answer in the period to "has your social
    worker given you the promise and explained it?" (one voice per person)."""
    latest = (sa.select(PromiseCheck.young_person_id.label("yp"), sa.func.max(PromiseCheck.submitted_at).label("at"))
              .where(within(PromiseCheck.submitted_at, period), PromiseCheck.promise_information.is_not(None))
              .group_by(PromiseCheck.young_person_id).subquery("latest_information"))
    query = (sa.select(PromiseCheck.promise_information, sa.func.count(sa.distinct(PromiseCheck.young_person_id)))
             .join(latest, sa.and_(PromiseCheck.young_person_id == latest.c.yp, PromiseCheck.submitted_at == latest.c.at))
             .where(PromiseCheck.promise_information.is_not(None)).group_by(PromiseCheck.promise_information))
    counts = dict.fromkeys(INFORMATION, 0)
    counts.update({answer.value: n for answer, n in db.session.execute(query)})
    return counts


def _rated(period):
    """Every rating in each young person's latest check of the period, with their cohort and age band,
    computed once for all the counts below."""
    latest = _latest_checks(period)
    return materialized(
        sa.select(PromiseCheck.young_person_id.label("yp"), PromiseRating.promise_id,
                  sa.cast(PromiseRating.rating, sa.String).label("rating"),
                  sa.cast(YoungPerson.cohort, sa.String).label("cohort"),
                  sa.cast(YoungPerson.age_band, sa.String).label("age_band"))
        .select_from(latest)
        .join(PromiseCheck, sa.and_(PromiseCheck.young_person_id == latest.c.yp,
                                    PromiseCheck.submitted_at == latest.c.at))
        .join(PromiseRating, PromiseRating.check_id == PromiseCheck.id)
        .join(YoungPerson, YoungPerson.id == PromiseCheck.young_person_id).cte("rated"))


def _grouped(rated, raters):
    """(kind, group, rating, n) selects: answers by promise and by each group, and people in each group."""
    group = sa.cast(YoungPersonVoiceGroup.group, sa.String)
    in_group = {"rated": (YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == rated.c.yp),
                "raters": (YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == raters.c.yp)}
    none = sa.literal(None, sa.String)
    return [
        sa.select(sa.literal("promise"), sa.cast(rated.c.promise_id, sa.String), rated.c.rating, sa.func.count())
        .group_by(rated.c.promise_id, rated.c.rating),
        *[sa.select(sa.literal(name), rated.c[name], rated.c.rating, sa.func.count())
          .group_by(rated.c[name], rated.c.rating) for name in ("cohort", "age_band")],
        sa.select(sa.literal("voice_group"), group, rated.c.rating, sa.func.count()).select_from(rated)
        .join(*in_group["rated"]).group_by(group, rated.c.rating),
        *[sa.select(sa.literal(f"people {name}"), raters.c[name], none, sa.func.count()).group_by(raters.c[name])
          for name in ("cohort", "age_band")],
        sa.select(sa.literal("people voice_group"), group, none, sa.func.count()).select_from(raters)
        .join(*in_group["raters"]).group_by(group),
    ]


def ratings_and_groups(period):
    """In one statement, from each young person's latest check in the period: {promise_id: {rating: count}}
    as rating_counts gives, and {(breakdown, group): {"people": n, "answers": n, kept/partly/not_kept/
    dont_know: answers}} by cohort, age band and voice group (a young person can be in several voice groups)."""
    rated = _rated(period)
    raters = materialized(sa.select(rated.c.yp, rated.c.cohort, rated.c.age_band)
                          .group_by(rated.c.yp, rated.c.cohort, rated.c.age_band).cte("raters"))
    ratings, groups, rows = {}, {}, db.session.execute(sa.union_all(*_grouped(rated, raters))).all()

    def group(name, key):
        return groups.setdefault((name, key), {"people": 0, "answers": 0, **dict.fromkeys(RATINGS, 0)})
    for kind, key, rating, n in rows:
        if kind == "promise":
            ratings.setdefault(uuid.UUID(key), dict.fromkeys(RATINGS, 0))[rating] = n
        elif kind.startswith("people "):
            group(kind.removeprefix("people "), key)["people"] = n
        else:
            counts = group(kind, key)
            counts[rating] += n
            counts["answers"] += n
    return ratings, groups
