"""Loads the strategic priorities and promise sets from the YAML files beside this module (idempotent)."""
from importlib import resources

import sqlalchemy as sa
import yaml

from voiceapp import languages
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.promises.models import Promise, PromiseSet, StrategicPriority

DATA_FILES = ("children_in_care.yaml", "care_leavers.yaml")


def _load(name):
    return yaml.safe_load(resources.files("voiceapp.promises").joinpath("data", name).read_text("utf-8"))


def _texts_by_wording():
    """{English wording: {language: text}} for the languages kept apart from the promise files."""
    return _load("translations.yaml") or {}


def _translations(data, by_wording):
    """A promise's texts in every registered language its data gives: beside it (ar) or by its wording."""
    found = {**by_wording.get(data["text"], {}), **{code: data[code] for code in languages.TRANSLATED if data.get(code)}}
    return {code: text for code, text in found.items() if code in languages.TRANSLATED}


def seed_priorities():
    existing = {p.number: p for p in db.session.scalars(sa.select(StrategicPriority))}
    for row in _load("priorities.yaml"):
        priority = existing.get(row["number"]) or StrategicPriority(number=row["number"])
        priority.slug, priority.title = row["slug"], row["title"]
        priority.short_title, priority.translations = row["short_title"], row.get("translations", {})
        db.session.add(priority)
    db.session.flush()


def _lineage(row, promise):
    return f"{row['cohort']}:{promise['key']}" if promise.get("key") else None


def seed_promise_sets():
    """Add any promise set not yet in the database; sets already there are left as staff edited them, except
    that a promise with no link to its other versions gets the one its data file names."""
    priorities = {p.number: p.id for p in db.session.scalars(sa.select(StrategicPriority))}
    by_wording = _texts_by_wording()
    added = []
    for name in DATA_FILES:
        for row in _load(name):
            existing = db.session.scalar(sa.select(PromiseSet).where(PromiseSet.slug == row["slug"]))
            if existing is not None:
                _link(existing, row)
                _add_missing_languages(existing, by_wording)
                continue
            added.append(_add_set(row, priorities, by_wording))
    return added


def _link(promise_set, row):
    for promise, data in zip(sorted(promise_set.promises, key=lambda p: p.position), row["promises"]):
        if promise.lineage is None:
            promise.lineage = _lineage(row, data)


def _add_missing_languages(promise_set, by_wording):
    """A language added since the set was seeded gets its texts; a text staff already have is never changed."""
    for promise in promise_set.promises:
        missing = {code: text for code, text in _translations({"text": promise.text}, by_wording).items()
                   if code not in (promise.translations or {})}
        if missing:
            promise.translations = {**(promise.translations or {}), **missing}


def _add_set(row, priorities, by_wording):
    promise_set = PromiseSet(slug=row["slug"], cohort=row["cohort"], version=row["version"], title=row["title"],
                             source=row.get("source", ""), is_draft=row.get("draft", False))
    promise_set.promises = [
        Promise(position=i, text=p["text"], translations=_translations(p, by_wording),
                priority_id=priorities[p["priority"]], lineage=_lineage(row, p)) for i, p in enumerate(row["promises"], 1)]
    db.session.add(promise_set)
    if row.get("current"):
        db.session.flush()
        db.session.execute(sa.update(PromiseSet).where(PromiseSet.cohort == promise_set.cohort)
                           .values(is_current=False))
        promise_set.is_current = True
    return promise_set


def seed_all():
    with transaction():
        seed_priorities()
        return seed_promise_sets()
