"""A promise check answered one promise at a time (the website): each answer saved at once, resumable, finished."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp import signals
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.promises import services
from voiceapp.promises.models import PromiseCheck, PromiseInformation, PromiseRating


def open_sitting(*, actor):
    """The young person's unfinished check of their current promise, or None."""
    person = people.get_young_person(actor.id)
    promise_set = services.current_set(person.cohort)
    return db.session.scalar(sa.select(PromiseCheck).where(
        PromiseCheck.young_person_id == person.id, PromiseCheck.promise_set_id == promise_set.id,
        PromiseCheck.finished_at.is_(None)).order_by(PromiseCheck.submitted_at.desc()).limit(1))


def save_answer(*, actor, promise_id, rating, channel, comment=None):
    """Save or change one promise's answer now, opening a sitting when none is open; only a promise of the
    person's current set."""
    person = people.get_young_person(actor.id)
    promise = next((p for p in services.current_set(person.cohort).promises if p.id == promise_id), None)
    if promise is None:
        raise Invalid(_l("That promise is not in your promise set"), field="promise_id",
                      reason="not a promise of your current promise set")
    sitting = open_sitting(actor=actor)
    comment = (comment or "").strip() or None
    with transaction():
        if sitting is None:
            sitting = PromiseCheck(young_person_id=person.id, promise_set_id=promise.promise_set_id,
                                   channel=channel, finished_at=None)
            db.session.add(sitting)
        answer = next((r for r in sitting.ratings if r.promise_id == promise.id), None)
        new_words = comment is not None and (answer is None or answer.comment != comment)
        if answer is None:
            answer = PromiseRating(promise_id=promise.id, position=promise.position)
            sitting.ratings.append(answer)
        answer.rating, answer.comment = rating, comment
        sitting.submitted_at = utcnow()
        db.session.flush()
        if new_words:
            signals.announce_free_text(source_type="promise_rating", source_id=answer.id, young_person_id=person.id,
                                       text=comment, language=person.language, channel=channel)
    return sitting


def finish_sitting(*, actor, channel, comment=None, promise_information=None):
    """Finish the open sitting, with anything the young person adds about the promise as a whole and, once a
    half-year, whether their social worker gave them the promise and explained it."""
    sitting = open_sitting(actor=actor)
    if sitting is None:
        raise Conflict(_l("Answer at least one promise first"), field="comment",
                       reason="there is no promise check in progress")
    person = people.get_young_person(actor.id)
    if promise_information is not None and not services.promise_information_due(person.id):
        raise Invalid(_l("You have already told us this half-year"), field="promise_information",
                      reason="already answered this half-year")
    with transaction():
        sitting.comment = (comment or "").strip() or None
        sitting.promise_information = PromiseInformation(promise_information) if promise_information else None
        sitting.finished_at = sitting.submitted_at = utcnow()
        signals.announce_free_text(source_type="promise_check", source_id=sitting.id, young_person_id=person.id,
                                   text=sitting.comment, language=person.language, channel=channel)
    return sitting
