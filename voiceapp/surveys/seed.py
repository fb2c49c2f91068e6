"""Loads the well-being surveys from data/wellbeing.yaml, each once (by its key), as drafts for staff to publish.

Each language's words for them are in data/wellbeing.<code>.yaml (English text -> that language), one file per
language so a fluent speaker can review one file; a translation written inline in wellbeing.yaml ("ar:") wins.
"""
from datetime import timedelta
from importlib import resources

import sqlalchemy as sa
import yaml

from voiceapp import languages
from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.surveys import definitions
from voiceapp.surveys.models import Survey

OPEN_FOR = timedelta(days=182)   # a half-year; staff move the dates before publishing
DATA = resources.files("voiceapp.surveys").joinpath("data")


def _read(name):
    path = DATA.joinpath(name)
    return yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None


def load():
    """The seeded surveys as written in wellbeing.yaml, with every language's words filled in."""
    words = {code: _read(f"wellbeing.{code}.yaml") or {} for code in languages.TRANSLATED}
    return [_translated(row, words) for row in _read("wellbeing.yaml")]


def _translated(row, words):
    row = dict(row)
    for code, table in words.items():
        if not row.get(f"{code}_title") and table.get(row["title"]):
            row[f"{code}_title"] = table[row["title"]]
    row["questions"] = [_question(spec, words) for spec in row["questions"]]
    return row


def _question(spec, words):
    spec = dict(spec)
    translations = {code: spec.pop(code) for code in languages.TRANSLATED if spec.get(code)}
    for code, table in words.items():
        if code in translations or not table.get(spec["prompt"]):
            continue
        translations[code] = {"prompt": table[spec["prompt"]]}
        options = [table.get(option) for option in spec.get("options", [])]
        if options and all(options):
            translations[code]["options"] = options
    return {**spec, "translations": translations}


def seed_surveys(*, actor, now=None):
    """Add any seeded survey not in the database yet (unpublished); returns the surveys added."""
    now = now or utcnow()
    have = set(db.session.scalars(sa.select(Survey.key).where(Survey.key.is_not(None))))
    return [definitions.create_survey(actor=actor, key=row["key"], title=row["title"], cohort=row.get("cohort"),
                                      age_bands=row.get("age_bands", []), voice_groups=row.get("voice_groups", []),
                                      translations={code: {"title": row[f"{code}_title"]} for code in languages.TRANSLATED
                                                    if row.get(f"{code}_title")},
                                      opens_at=now, closes_at=now + OPEN_FOR,
                                      questions=row["questions"])
            for row in load() if row["key"] not in have]
