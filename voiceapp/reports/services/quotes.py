"""Quotes: proposed only from young people who agreed to be quoted, redacted, and shown once approved."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson
from voiceapp.promises.models import PromiseCheck, PromiseRating, StrategicPriority
from voiceapp.reports.models import Quote, QuoteSource, QuoteStatus
from voiceapp.reports.queries.sqltime import within
from voiceapp.reports.redaction import redact
from voiceapp.surveys.models import SurveyAnswer, SurveyQuestion, SurveyResponse
from voiceapp.tellus.models import Message


def _from_message(source_id):
    message = db.session.get(Message, source_id)
    if message is None:
        return None
    theme = message.themes[0].id if message.themes else None
    return message.body, message.young_person_id, message.received_at, theme


def _from_rating(source_id):
    rating = db.session.get(PromiseRating, source_id)
    if rating is None:
        return None
    check = db.session.get(PromiseCheck, rating.check_id)
    return rating.comment, check.young_person_id, check.submitted_at, rating.promise.priority_id


def _from_answer(source_id):
    answer = db.session.get(SurveyAnswer, source_id)
    if answer is None:
        return None
    response = db.session.get(SurveyResponse, answer.response_id)
    question = db.session.get(SurveyQuestion, answer.question_id)
    return answer.value_text, response.young_person_id, answer.answered_at, question.priority_id


SOURCES = {QuoteSource.MESSAGE: _from_message, QuoteSource.PROMISE_RATING: _from_rating,
           QuoteSource.SURVEY_ANSWER: _from_answer}


def _source(source_type, source_id):
    found = SOURCES[source_type](source_id)
    if found is None or not (found[0] or "").strip():
        raise NotFound(_l("There are no words to quote there"))
    return found


def _check_consent(young_person_id):
    person = db.session.get(YoungPerson, young_person_id)
    if person is None or person.erased_at is not None or not person.consent_to_quote:
        raise Invalid(_l("This young person has not agreed to be quoted"), field="source_id",
                      reason="the young person has not consented to be quoted")


def propose_quote(*, actor, source_type, source_id):
    """Propose a young person's words as a quote: consent is checked and the words redacted at once."""
    text, young_person_id, said_at, priority_id = _source(source_type, source_id)
    _check_consent(young_person_id)
    if db.session.scalar(sa.select(Quote.id).where(Quote.source_type == source_type, Quote.source_id == source_id)):
        raise Conflict(_l("These words have already been proposed"), field="source_id", reason="already proposed")
    with transaction():
        quote = Quote(young_person_id=young_person_id, source_type=source_type, source_id=source_id,
                      priority_id=priority_id, text=redact(text.strip()), said_at=said_at,
                      proposed_by_id=actor.id, created_at=utcnow())
        db.session.add(quote)
        db.session.flush()
        audit.record(actor=actor, action="quote.propose", object_type="quote", object_id=quote.id)
    return quote


def get_quote(quote_id):
    return get_or_404(Quote, quote_id, _l("No such quote"))


def list_quotes(*, status=None):
    query = sa.select(Quote).order_by(Quote.created_at.desc())
    if status is not None:
        query = query.where(Quote.status == status)
    return db.session.scalars(query).all()


def edit_quote(*, actor, quote_id, text):
    """Shorten or further redact a pending quote; the redaction runs again on whatever is written."""
    quote = _pending(quote_id)
    with transaction():
        quote.text = redact(text.strip())
        audit.record(actor=actor, action="quote.edit", object_type="quote", object_id=quote.id)
    return quote


def _pending(quote_id):
    quote = get_quote(quote_id)
    if quote.status != QuoteStatus.PENDING:
        raise Conflict(_l("Only a quote waiting for approval can be changed"), field="status",
                       reason=f"the quote is {quote.status.value}")
    return quote


def decide_quote(*, actor, quote_id, approve):
    """Approve (consent is checked again) or reject a pending quote."""
    quote = _pending(quote_id)
    if approve:
        _check_consent(quote.young_person_id)
    with transaction():
        quote.status = QuoteStatus.APPROVED if approve else QuoteStatus.REJECTED
        quote.decided_by_id, quote.decided_at = actor.id, utcnow()
        audit.record(actor=actor, action="quote.approve" if approve else "quote.reject", object_type="quote",
                     object_id=quote.id)
    return quote


def published_quotes(period):
    """Approved quotes said in the period whose author still consents: words and theme only, never who."""
    query = (sa.select(Quote.text, StrategicPriority.number, StrategicPriority.short_title)
             .join(YoungPerson, YoungPerson.id == Quote.young_person_id)
             .outerjoin(StrategicPriority, StrategicPriority.id == Quote.priority_id)
             .where(Quote.status == QuoteStatus.APPROVED, within(Quote.said_at, period),
                    YoungPerson.consent_to_quote.is_(True), YoungPerson.erased_at.is_(None))
             .order_by(StrategicPriority.number.is_(None), StrategicPriority.number, Quote.said_at, Quote.id))
    return [{"text": text, "theme": number, "theme_title": title} for text, number, title in db.session.execute(query)]
