"""Loads the well-being surveys from data/wellbeing.yaml, each once (by its key), as drafts for staff to publish."""
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


def _load():
    return yaml.safe_load(resources.files("voiceapp.surveys").joinpath("data", "wellbeing.yaml").read_text("utf-8"))


def _question(spec):
    spec = dict(spec)
    translations = {code: spec.pop(code) for code in languages.TRANSLATED if spec.get(code)}
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
                                      questions=[_question(q) for q in row["questions"]])
            for row in _load() if row["key"] not in have]
