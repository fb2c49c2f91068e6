"""Keeps theme_mentions up to date: as words arrive (a signal subscriber) and when keyword rules change (a job)."""
import uuid

import sqlalchemy as sa

from voiceapp import signals
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.jobs import enqueue, job
from voiceapp.promises.models import Promise, PromiseCheck, PromiseRating
from voiceapp.reports.matching import Rule, matcher_for
from voiceapp.reports.models import ThemeKeywordRule, ThemeMention
from voiceapp.surveys.models import SurveyAnswer, SurveyQuestion, SurveyResponse
from voiceapp.tellus.models import Message


def _active_rules(rule_id=None):
    query = sa.select(ThemeKeywordRule.id, ThemeKeywordRule.priority_id, ThemeKeywordRule.keyword,
                      ThemeKeywordRule.language).where(ThemeKeywordRule.is_active.is_(True))
    if rule_id is not None:
        query = query.where(ThemeKeywordRule.id == rule_id)
    return tuple(sorted((Rule(*row) for row in db.session.execute(query)), key=lambda r: str(r.id)))


def _found(text, theme, tag_column, item_column, item_id, young_person_id, said_at, source):
    """Mention rows for one text: its own theme (if any) and every active rule whose words it contains."""
    common = {"source": source, item_column: item_id, "young_person_id": young_person_id, "said_at": said_at}
    rows = [ThemeMention(priority_id=theme, **common)] if theme else []
    rows += [ThemeMention(priority_id=r.priority_id, rule_id=r.id, **common)
             for r in matcher_for(_active_rules()).matches(text)]
    return rows


def _for_message(source_id):
    message = db.session.get(Message, source_id)
    # A message's own themes are staff tags, read live from message_themes; only keywords are kept here.
    return message and _found(message.body, None, "message", "message_id", message.id, message.young_person_id,
                              message.received_at, "tell_us")


def _for_rating(source_id):
    rating = db.session.get(PromiseRating, source_id)
    check = rating and db.session.get(PromiseCheck, rating.check_id)
    return rating and _found(rating.comment, db.session.get(Promise, rating.promise_id).priority_id, "rating",
                             "rating_id", rating.id, check.young_person_id, check.submitted_at, "promise_comment")


def _for_answer(source_id):
    answer = db.session.get(SurveyAnswer, source_id)
    if answer is None:
        return None
    # A re-saved answer replaces what its earlier words were counted under.
    db.session.execute(sa.delete(ThemeMention).where(ThemeMention.answer_id == answer.id))
    response = db.session.get(SurveyResponse, answer.response_id)
    question = db.session.get(SurveyQuestion, answer.question_id)
    return _found(answer.value_text, question.priority_id, "answer", "answer_id", answer.id,
                  response.young_person_id, answer.answered_at, "survey")


FINDERS = {"message": _for_message, "promise_rating": _for_rating, "survey_answer": _for_answer}


def note_free_text(source_type, *, source_id, **_):
    """Signal receiver: count newly stored words under their themes, in the transaction that stores them."""
    finder = FINDERS.get(source_type)
    rows = finder(source_id) if finder else None
    if rows:
        db.session.add_all(rows)


def connect():
    """Subscribe once per process (connecting again changes nothing)."""
    signals.free_text_received.connect(note_free_text, weak=False)


def _sources():
    """(source, item column, text, young person, said at, select_from joins) for each kind of writing."""
    return [
        ("tell_us", "message_id", Message.id, Message.body, Message.young_person_id, Message.received_at, []),
        ("promise_comment", "rating_id", PromiseRating.id, PromiseRating.comment, PromiseCheck.young_person_id,
         PromiseCheck.submitted_at, [(PromiseCheck, PromiseCheck.id == PromiseRating.check_id)]),
        ("survey", "answer_id", SurveyAnswer.id, SurveyAnswer.value_text, SurveyResponse.young_person_id,
         SurveyAnswer.answered_at, [(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)]),
    ]


BATCH = 5_000


def _insert_matches(rules):
    """Read every text of any time once and store a mention for each rule whose words it contains. Whole
    words and their forms cannot be found by SQL on both databases, so the matching is done here, in batches."""
    matcher = matcher_for(rules)
    columns = ("priority_id", "rule_id", "source", "young_person_id", "said_at")
    for source, item_column, item, text, person, said_at, joins in _sources():
        query = sa.select(item, text, person, said_at).select_from(item.table)
        for target, on in joins:
            query = query.join(target, on)
        found = db.session.execute(query.where(text.is_not(None)))
        rows = [dict(zip(columns, (r.priority_id, r.id, source, young_person_id, when)), **{item_column: item_id})
                for item_id, words, young_person_id, when in found for r in matcher.matches(words)]
        # Inserted once the read is done: one connection should not write while a read on it is still open.
        for start in range(0, len(rows), BATCH):
            db.session.execute(sa.insert(ThemeMention), rows[start:start + BATCH])


def _insert_tagged():
    """Promise comments under their promise's theme and survey answers under their question's, in SQL."""
    comments = (sa.select(Promise.priority_id, sa.literal("promise_comment"), PromiseRating.id,
                          PromiseCheck.young_person_id, PromiseCheck.submitted_at)
                .join(PromiseCheck, PromiseCheck.id == PromiseRating.check_id)
                .join(Promise, Promise.id == PromiseRating.promise_id).where(PromiseRating.comment.is_not(None)))
    answers = (sa.select(SurveyQuestion.priority_id, sa.literal("survey"), SurveyAnswer.id,
                         SurveyResponse.young_person_id, SurveyAnswer.answered_at)
               .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
               .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
               .where(SurveyAnswer.value_text.is_not(None), SurveyQuestion.priority_id.is_not(None)))
    for item_column, query in (("rating_id", comments), ("answer_id", answers)):
        columns = ["priority_id", "source", item_column, "young_person_id", "said_at"]
        db.session.execute(sa.insert(ThemeMention).from_select(columns, query))


@job
def rematch_rule(*, rule_id):
    """Recount one rule's matches after it was added or changed (safe to run twice: it starts afresh)."""
    rule_id = uuid.UUID(str(rule_id))
    with transaction():
        db.session.execute(sa.delete(ThemeMention).where(ThemeMention.rule_id == rule_id))
        rules = _active_rules(rule_id)
        if rules:
            _insert_matches(rules)


def queue_rematch(rule_id):
    """Recount a rule's matches after the commit that changed it."""
    enqueue(rematch_rule, rule_id=str(rule_id))


def rebuild_mentions():
    """Count every stored text afresh (after an import, or to check the index): returns the mentions counted."""
    with transaction():
        db.session.execute(sa.delete(ThemeMention))
        _insert_tagged()
        rules = _active_rules()
        if rules:
            _insert_matches(rules)
    return db.session.scalar(sa.select(sa.func.count()).select_from(ThemeMention))
