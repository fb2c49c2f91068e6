"""Use cases for promise sets and promise checks."""
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp import signals
from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, one_or_404, transaction, utcnow
from voiceapp.errors import Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.people import holds
from voiceapp.people import services as people
from voiceapp.read_models import Shown
from voiceapp.promises.models import (Promise, PromiseCheck, PromiseInformation, PromiseRating, PromiseSet,
                                      StrategicPriority)

PROMISE_INFORMATION_QUESTION = _l("Has your social worker given you the promise and explained what it means?")
PROMISE_INFORMATION_OPTIONS = {PromiseInformation.YES: _l("Yes"), PromiseInformation.NO: _l("No"),
                               PromiseInformation.NOT_SURE: _l("Not sure")}


def list_priorities():
    return db.session.scalars(sa.select(StrategicPriority).order_by(StrategicPriority.number)).all()


def is_priority(priority_id):
    """Whether this id is one of the strategic priorities (a priority lead's must be)."""
    return db.session.get(StrategicPriority, priority_id) is not None


def priority_by_number(number):
    priority = db.session.scalar(sa.select(StrategicPriority).where(StrategicPriority.number == number))
    if priority is None:
        raise Invalid(_l("No such priority"), field="priority", reason=f"{number} is not a strategic priority (1-6)")
    return priority


def list_sets(cohort=None):
    query = sa.select(PromiseSet).order_by(PromiseSet.cohort, PromiseSet.version)
    if cohort:
        query = query.where(PromiseSet.cohort == cohort)
    return db.session.scalars(query).all()


def get_set(set_id):
    return get_or_404(PromiseSet, set_id, _l("No such promise set"))


def current_set(cohort):
    """The promise set young people of this cohort are asked about now."""
    return one_or_404(sa.select(PromiseSet).where(PromiseSet.cohort == cohort, PromiseSet.is_current.is_(True)),
                      _l("There is no current promise set for this group yet"))


@dataclass(frozen=True)
class PublishedPromise:
    id: object
    position: int
    text: str
    translations: dict
    priority_id: object


@dataclass(frozen=True)
class PublishedSet:
    """A version of a cohort's promise, as plain values that outlive the session that read them."""
    id: object
    cohort: str
    version: int
    is_draft: bool
    promises: tuple


# Set id -> PublishedSet, for the life of the process. A version's promises never change once it is created
# (new wording is a new version, made current by make_current), so a new version has a new id and is read
# afresh; only which version is current is asked each time. `flask seed` filling in missing translations of
# a version is a deployment step, and the processes it serves are started after it.
_PUBLISHED = {}
_CURRENT_SET_ID = sa.select(PromiseSet.id).where(PromiseSet.cohort == sa.bindparam("cohort"),
                                                 PromiseSet.is_current.is_(True))


def published_set(cohort):
    """The promise set young people of this cohort are asked about now, for the SMS and voice paths that
    ask it on every text and keypress: one small query, and the promises themselves read once per process."""
    set_id = db.session.scalar(_CURRENT_SET_ID, {"cohort": cohort})
    if set_id is None:
        raise NotFound(_l("There is no current promise set for this group yet"))
    published = _PUBLISHED.get(set_id)
    if published is None:
        published = _PUBLISHED[set_id] = _published(db.session.get(PromiseSet, set_id))
    return published


def _published(promise_set):
    return PublishedSet(id=promise_set.id, cohort=promise_set.cohort, version=promise_set.version,
                        is_draft=promise_set.is_draft, promises=tuple(
                            PublishedPromise(id=p.id, position=p.position, text=p.text,
                                             translations=dict(p.translations or {}), priority_id=p.priority_id)
                            for p in promise_set.promises))


def create_set(*, actor, slug, cohort, title, promises, source="", is_draft=False, make_current=False):
    """Add a new version of a cohort's promise; each promise names its strategic priority."""
    if db.session.scalar(sa.select(PromiseSet.id).where(PromiseSet.slug == slug)):
        raise Invalid(_l("That slug is taken"), field="slug", reason="already used by another promise set")
    version = (db.session.scalar(sa.select(sa.func.max(PromiseSet.version)).where(PromiseSet.cohort == cohort))
               or 0) + 1
    rows = [Promise(position=i, text=p["text"], translations=p.get("translations") or {},
                    priority_id=priority_by_number(p["priority"]).id) for i, p in enumerate(promises, 1)]
    with transaction():
        promise_set = PromiseSet(slug=slug, cohort=cohort, version=version, title=title, source=source,
                                 is_draft=is_draft, promises=rows)
        db.session.add(promise_set)
        db.session.flush()
        if make_current:
            _make_current(promise_set)
        audit.record(actor=actor, action="promise_set.create", object_type="promise_set", object_id=promise_set.id)
    return promise_set


def _make_current(promise_set):
    db.session.execute(sa.update(PromiseSet).where(PromiseSet.cohort == promise_set.cohort,
                                                   PromiseSet.id != promise_set.id).values(is_current=False))
    promise_set.is_current = True


def make_current(*, actor, set_id):
    """Make this set the one its cohort is asked about; the previous one stays for history."""
    promise_set = get_set(set_id)
    with transaction():
        _make_current(promise_set)
        audit.record(actor=actor, action="promise_set.make_current", object_type="promise_set",
                     object_id=promise_set.id)
    return promise_set


def _half_year_start(now):
    """The first moment (UTC, near enough: midnight UTC on 1 April or 1 October) of the council's half-year
    `now` is in; the report's periods are these halves (voiceapp.reports.periods sits above this domain)."""
    if now.month >= 10:
        return datetime(now.year, 10, 1, tzinfo=timezone.utc)
    if now.month >= 4:
        return datetime(now.year, 4, 1, tzinfo=timezone.utc)
    return datetime(now.year - 1, 10, 1, tzinfo=timezone.utc)


def promise_information_due(young_person_id, now=None):
    """True when the young person has not yet answered the promise-information question this half-year:
    every channel asks it once a period, with the promise check."""
    since = _half_year_start(now or utcnow())
    answered = db.session.scalar(sa.select(PromiseCheck.id).where(
        PromiseCheck.young_person_id == young_person_id, PromiseCheck.submitted_at >= since,
        PromiseCheck.promise_information.is_not(None)).limit(1))
    return answered is None


def promise_information_question(young_person_id, now=None):
    """What every channel shows: the question and its answers when it is due this half-year, else None."""
    if not promise_information_due(young_person_id, now):
        return None
    return {"question": str(PROMISE_INFORMATION_QUESTION),
            "options": [{"value": value.value, "label": str(label)}
                        for value, label in PROMISE_INFORMATION_OPTIONS.items()]}


def record_promise_check(*, actor, young_person_id, answers, channel, comment=None, promise_information=None):
    """Save one sitting's ratings: only promises of the young person's current set, each at most once; the
    promise-information answer at most once a half-year."""
    person = people.get_young_person(young_person_id)
    promise_set = published_set(person.cohort)
    _check_answers(promise_set, answers)
    if promise_information is not None and not promise_information_due(person.id):
        raise Invalid(_l("You have already told us this half-year"), field="promise_information",
                      reason="already answered this half-year")
    with transaction():
        check = PromiseCheck(young_person_id=person.id, promise_set_id=promise_set.id, channel=channel,
                             comment=(comment or "").strip() or None, finished_at=utcnow(),
                             promise_information=PromiseInformation(promise_information) if promise_information
                             else None)
        check.ratings = [PromiseRating(promise_id=a["promise_id"], rating=a["rating"], position=i,
                                       comment=(a.get("comment") or "").strip() or None)
                         for i, a in enumerate(answers)]
        db.session.add(check)
        db.session.flush()
        for rating in check.ratings:
            signals.announce_free_text(source_type="promise_rating", source_id=rating.id,
                                       young_person_id=person.id, text=rating.comment,
                                       language=person.language, channel=channel)
        signals.announce_free_text(source_type="promise_check", source_id=check.id, young_person_id=person.id,
                                   text=check.comment, language=person.language, channel=channel)
    return check


def _check_answers(promise_set, answers):
    if not answers:
        raise Invalid(_l("Rate at least one promise"), field="answers", reason="must not be empty")
    allowed = {p.id for p in promise_set.promises}
    seen = set()
    for index, answer in enumerate(answers):
        field = f"answers.{index}.promise_id"
        if answer["promise_id"] not in allowed:
            raise Invalid(_l("That promise is not in your promise set"), field=field,
                          reason="not a promise of your current promise set")
        if answer["promise_id"] in seen:
            raise Invalid(_l("Each promise once"), field=field, reason="this promise is rated twice")
        seen.add(answer["promise_id"])


def list_my_checks(*, actor):
    """The young person's promise checks, newest first, each with the crisis support it raised (if any)."""
    return shown_checks(db.session.scalars(sa.select(PromiseCheck).where(PromiseCheck.young_person_id == actor.id)
                                           .order_by(PromiseCheck.submitted_at.desc())).all())


def show_my_check(*, actor, check_id):
    return shown_checks([get_my_check(actor=actor, check_id=check_id)])[0]


def shown_checks(checks):
    """Checks as a screen shows them: with the crisis support a comment raised, asked once for the whole list."""
    checks = list(checks)
    support = signals.supports_for({"promise_check": [check.id for check in checks],
                                    "promise_rating": [r.id for check in checks for r in check.ratings]})
    return [Shown(check, support=support.get(("promise_check", check.id)) or next(
        (support[("promise_rating", r.id)] for r in check.ratings if ("promise_rating", r.id) in support), None))
        for check in checks]


def get_my_check(*, actor, check_id):
    # Someone else's record answers exactly like a missing one (no probing, API1).
    return get_or_404(PromiseCheck, check_id, _l("No such promise check"), young_person_id=actor.id)


def delete_my_check(*, actor, check_id):
    """A young person removes a promise check they sent, unless a legal hold keeps it."""
    check = get_my_check(actor=actor, check_id=check_id)
    holds.delete_unless_held(check, young_person_id=actor.id, field="check", object_type="promise_check")
