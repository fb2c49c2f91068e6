"""The promise: for each promise, how many young people said kept, partly, not kept or don't know."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.promises.models import (Promise, PromiseCheck, PromiseInformation, PromiseRating, PromiseSet,
                                      StrategicPriority)
from voiceapp.reports.queries.sqltime import within

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


def _latest_ratings(period):
    latest = _latest_checks(period)
    return (sa.select(PromiseCheck.young_person_id.label("yp"), PromiseRating.rating.label("rating"))
            .select_from(latest)
            .join(PromiseCheck, sa.and_(PromiseCheck.young_person_id == latest.c.yp,
                                        PromiseCheck.submitted_at == latest.c.at))
            .join(PromiseRating, PromiseRating.check_id == PromiseCheck.id).subquery("rated"))


def _dimensions(rated):
    """(breakdown, group column, join) for cohort, age band and voice group (a person can be in several)."""
    by_person = (YoungPerson, YoungPerson.id == rated.c.yp)
    return [("cohort", sa.cast(YoungPerson.cohort, sa.String), by_person),
            ("age_band", sa.cast(YoungPerson.age_band, sa.String), by_person),
            ("voice_group", sa.cast(YoungPersonVoiceGroup.group, sa.String),
             (YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == rated.c.yp))]


def by_group(period):
    """{(breakdown, group): {"people": n, "answers": n, kept/partly/not_kept/dont_know: answers}} by cohort,
    age band and voice group, from each young person's latest check in the period."""
    rated = _latest_ratings(period)
    dimensions = _dimensions(rated)
    answers = sa.union_all(*[sa.select(sa.literal(name), column, sa.cast(rated.c.rating, sa.String), sa.func.count())
                             .select_from(rated).join(*join).group_by(column, rated.c.rating)
                             for name, column, join in dimensions])
    people = sa.union_all(*[sa.select(sa.literal(name), column, sa.func.count(sa.distinct(rated.c.yp)))
                            .select_from(rated).join(*join).group_by(column) for name, column, join in dimensions])
    counts = {}
    for name, key, n in db.session.execute(people):
        counts[(name, key)] = {"people": n, "answers": 0, **dict.fromkeys(RATINGS, 0)}
    for name, key, rating, n in db.session.execute(answers):
        counts[(name, key)][rating] += n
        counts[(name, key)]["answers"] += n
    return counts
