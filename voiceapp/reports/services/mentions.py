"""Keeps theme_mentions up to date: as words arrive (a signal subscriber) and when keyword rules change (a job)."""
import uuid

import sqlalchemy as sa

from voiceapp import signals
from voiceapp.database import bulk_cache, transaction
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
    """(source, item column, item, text, young person, said at, own theme or None, joins) for each kind of writing."""
    return [
        ("tell_us", "message_id", Message.id, Message.body, Message.young_person_id, Message.received_at, None, []),
        ("promise_comment", "rating_id", PromiseRating.id, PromiseRating.comment, PromiseCheck.young_person_id,
         PromiseCheck.submitted_at, Promise.priority_id,
         [(PromiseCheck, PromiseCheck.id == PromiseRating.check_id),
          (Promise, Promise.id == PromiseRating.promise_id)]),
        ("survey", "answer_id", SurveyAnswer.id, SurveyAnswer.value_text, SurveyResponse.young_person_id,
         SurveyAnswer.answered_at, SurveyQuestion.priority_id,
         [(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id),
          (SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)]),
    ]


BATCH = 5_000  # texts read, matched and written in one short transaction


def _page(reading, after):
    """The next BATCH texts of one kind in item order, read to the end before anything is written."""
    _, _, item, text, person, said_at, theme, joins = reading
    query = sa.select(item, text, person, said_at, theme if theme is not None else sa.null()) \
        .select_from(item.table)
    for target, on in joins:
        query = query.join(target, on)
    query = query.where(text.is_not(None))
    if after is not None:
        query = query.where(item > after)
    return db.session.execute(query.order_by(item).limit(BATCH)).all()


def _rows(reading, page, matcher, own_theme):
    """Mention rows for a page of texts: each text's own theme (with own_theme) and each rule it matches."""
    source, item_column = reading[0], reading[1]
    rows = []
    for item_id, words, young_person_id, when, theme in page:
        common = {"source": source, item_column: item_id, "young_person_id": young_person_id, "said_at": when}
        if own_theme and theme is not None:
            rows.append({"priority_id": theme, "rule_id": None, **common})
        rows += [{"priority_id": r.priority_id, "rule_id": r.id, **common} for r in matcher.matches(words)]
    return rows


KEY = ("priority_id", "rule_id", "source", "young_person_id", "said_at")


def _replace_page(item_column, page, rows, only_rule):
    """Make the page's stored mentions (all, or only_rule's) exactly `rows`: only those that differ are
    deleted or inserted, so a rebuild of an index that is already right writes next to nothing (each
    write touches every index of a table of a million rows), and a doubled index is mended."""
    columns = [getattr(ThemeMention, k) for k in KEY]
    query = sa.select(ThemeMention.id, item_column, *columns).where(item_column.in_([row[0] for row in page]))
    if only_rule is not None:
        query = query.where(ThemeMention.rule_id == only_rule)
    stored: dict[tuple, list[int]] = {}
    for mention_id, item_id, *key in db.session.execute(query):
        stored.setdefault((item_id, *key), []).append(mention_id)
    item_name = item_column.key
    new = []
    for row in rows:
        ids = stored.get((row[item_name], *(row[k] for k in KEY)))
        if ids:
            ids.pop()   # already stored: kept as it is
        else:
            new.append(row)
    stale = [mention_id for ids in stored.values() for mention_id in ids]
    for start in range(0, len(stale), BATCH):
        db.session.execute(sa.delete(ThemeMention).where(ThemeMention.id.in_(stale[start:start + BATCH])))
    if new:
        db.session.execute(sa.insert(ThemeMention), new)


def _recount(rules, *, own_theme, only_rule=None):
    """Count every stored text afresh under `rules`, a page at a time: each page's stored mentions (all of
    them, or only_rule's) are made its new ones in one short transaction, so the index is never empty or
    doubled part-way, writers are held up for a page at most, and memory stays flat."""
    matcher = matcher_for(rules)
    for reading in _sources():
        item_column = getattr(ThemeMention, reading[1])
        after = None
        while True:
            with transaction():
                bulk_cache(db.session)
                page = _page(reading, after)
                if not page:
                    break
                _replace_page(item_column, page, _rows(reading, page, matcher, own_theme), only_rule)
            after = page[-1][0]
    _drop_unwritten(only_rule)
    with transaction():
        bulk_cache(db.session, on=False)


def _drop_unwritten(only_rule):
    """Mentions whose words have since been erased (a text emptied), or that name no writing at all."""
    with transaction():
        for _, item_column, item, text, *_ in _sources():
            erased = sa.select(item).where(text.is_(None))
            query = sa.delete(ThemeMention).where(getattr(ThemeMention, item_column).in_(erased))
            if only_rule is not None:
                query = query.where(ThemeMention.rule_id == only_rule)
            db.session.execute(query)
        if only_rule is None:
            db.session.execute(sa.delete(ThemeMention).where(ThemeMention.message_id.is_(None),
                                                             ThemeMention.rating_id.is_(None),
                                                             ThemeMention.answer_id.is_(None)))


@job
def rematch_rule(*, rule_id):
    """Recount one rule's matches after it was added or changed (safe to run twice: each page starts afresh)."""
    rule_id = uuid.UUID(str(rule_id))
    rules = _active_rules(rule_id)
    if not rules:
        with transaction():
            db.session.execute(sa.delete(ThemeMention).where(ThemeMention.rule_id == rule_id))
        return
    _recount(rules, own_theme=False, only_rule=rule_id)


def queue_rematch(rule_id):
    """Recount a rule's matches after the commit that changed it."""
    enqueue(rematch_rule, rule_id=str(rule_id))


def rebuild_mentions():
    """Count every stored text afresh (after an import, or to check the index): returns the mentions counted."""
    _recount(_active_rules(), own_theme=True)
    return db.session.scalar(sa.select(sa.func.count()).select_from(ThemeMention))
