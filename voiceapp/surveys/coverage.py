"""Which survey questions lack a language's words, for `flask translate status`: the seeded surveys as their
data files give them, and the surveys in the database that have not closed (each one's newest version)."""
import sqlalchemy as sa

from voiceapp.database import utcnow
from voiceapp.extensions import db
from voiceapp.surveys.models import Survey
from voiceapp.surveys.seed import load


def lacks(translations, options, code):
    """True when a question has no prompt in the language, or not one word for each of its options."""
    words = (translations or {}).get(code) or {}
    given = words.get("options") or []
    return not words.get("prompt") or len(given) != len(options or []) or not all(given)


def seeded_missing(code):
    """(survey key, position) of each seeded question without the language's words."""
    return [(row["key"], position) for row in load()
            for position, question in enumerate(row["questions"], 1)
            if lacks(question["translations"], question.get("options"), code)]


def stored_missing(code, now=None):
    """(survey title, position) of each question, in a survey not yet closed, without the language's words."""
    surveys = db.session.scalars(sa.select(Survey).where(Survey.closes_at > (now or utcnow()))
                                 .order_by(Survey.created_at)).all()
    return [(survey.title, question.position) for survey in surveys if survey.versions
            for question in survey.versions[-1].questions
            if lacks(question.translations, question.options, code)]
