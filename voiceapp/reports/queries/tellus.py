"""Tell Us, We Care: counts by kind, day-pair histograms for response times, outcomes, praise."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.reports.queries import optional
from voiceapp.reports.queries.sqltime import london_date, within
from voiceapp.tellus.models import Kind, Message


def _value(v):
    return getattr(v, "value", v)


def by_kind(period):
    query = sa.select(Message.kind, sa.func.count()).where(within(Message.received_at, period)) \
        .group_by(Message.kind)
    counts = dict.fromkeys((k.value for k in Kind), 0)
    counts.update({_value(k): n for k, n in db.session.execute(query)})
    return counts


def day_pairs(period, stamp):
    """{(London day received, London day stamped or None): messages}: enough to work out working days for
    every message without loading one. `stamp` is "acknowledged_at" or "responded_at"."""
    stamped = getattr(Message, stamp)
    received_day = london_date(Message.received_at, period)
    stamped_day = london_date(stamped, period)
    query = (sa.select(received_day.label("received"), stamped_day.label("stamped"), sa.func.count())
             .where(within(Message.received_at, period)).group_by(received_day, stamped_day))
    return {(received, done): n for received, done, n in db.session.execute(query)}


def against_due(period, stamp, due_column, now):
    """With real deadline columns: on time, late (stamped late, or unstamped and overdue) and not yet due."""
    stamped = getattr(Message, stamp)
    on_time = sa.func.sum(sa.case((sa.and_(stamped.is_not(None), stamped <= due_column), 1), else_=0))
    late = sa.func.sum(sa.case((sa.and_(stamped.is_not(None), stamped > due_column), 1),
                               (sa.and_(stamped.is_(None), due_column < now), 1), else_=0))
    query = sa.select(on_time, late, sa.func.count()).where(within(Message.received_at, period))
    on_time, late, total = db.session.execute(query).one()
    on_time, late = on_time or 0, late or 0
    return {"on_time": on_time, "late": late, "not_yet_due": total - on_time - late}


def complaints_by_stage(period):
    """{stage number: complaint stages started in the period}, or None before complaints are tracked."""
    stage = optional.model("ComplaintStage")
    if stage is None:
        return grouped_optional(period, "complaint_stage")
    query = sa.select(stage.number, sa.func.count()).where(within(stage.started_at, period)).group_by(stage.number)
    return {f"stage {n}": count for n, count in db.session.execute(query)}


def satisfaction(period):
    """{yes/partly/no: answers} to "are you happy with the answer?" given in the period, or None."""
    answer = optional.model("SatisfactionAnswer")
    if answer is None:
        return None
    query = sa.select(answer.answer, sa.func.count()).where(within(answer.created_at, period)) \
        .group_by(answer.answer)
    counts = {"yes": 0, "partly": 0, "no": 0}
    counts.update({_value(k): n for k, n in db.session.execute(query)})
    return counts


def praise_passed_on(period):
    passed = optional.model("PraisePass")
    if passed is None:
        return None
    return db.session.scalar(sa.select(sa.func.count()).select_from(passed).where(within(passed.passed_at, period)))


def grouped_optional(period, name):
    """Counts by an escalation-work column (outcome, complaint stage, satisfaction), or None if absent."""
    column = optional.column(name)
    if column is None:
        return None
    query = sa.select(column, sa.func.count()).where(within(Message.received_at, period), column.is_not(None)) \
        .group_by(column)
    return {str(_value(k)): n for k, n in db.session.execute(query)}


def promise_not_kept_by_promise(period):
    """{promise_id: "a promise was not kept" messages naming it}."""
    query = (sa.select(Message.promise_id, sa.func.count())
             .where(within(Message.received_at, period), Message.kind == Kind.PROMISE_NOT_KEPT,
                    Message.promise_id.is_not(None)).group_by(Message.promise_id))
    return dict(db.session.execute(query).all())


def total(period):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Message)
                             .where(within(Message.received_at, period))) or 0
