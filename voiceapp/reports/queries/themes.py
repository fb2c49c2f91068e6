"""Themes: how often young people raised each strategic priority, from messages, promise comments and
survey free text: tagged by staff (a message's themes, live), by their promise's or question's theme, or by
an active keyword rule (both kept in theme_mentions as the words arrive and as rules change)."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.promises.models import StrategicPriority
from voiceapp.reports.models import ThemeMention
from voiceapp.reports.queries.sqltime import materialized, within
from voiceapp.tellus.models import Message, message_themes

SOURCES = ("tell_us", "promise_comment", "survey")


def _staff_tags(period):
    return (sa.select(sa.literal("tell_us").label("source"), Message.id.label("item"),
                      Message.young_person_id.label("yp"), message_themes.c.priority_id)
            .join(message_themes, message_themes.c.message_id == Message.id)
            .where(within(Message.received_at, period)))


def _indexed(period):
    item = sa.func.coalesce(ThemeMention.message_id, ThemeMention.rating_id, ThemeMention.answer_id)
    return sa.select(ThemeMention.source, item, ThemeMention.young_person_id, ThemeMention.priority_id) \
        .where(within(ThemeMention.said_at, period))


def _per_theme(raised, *columns):
    return sa.select(StrategicPriority.number, *columns).join(raised, raised.c.priority_id == StrategicPriority.id)


def mentions(period):
    """{theme number: {"mentions": n, "people": n, "tell_us": n, "promise_comment": n, "survey": n}}: each
    piece of writing counts once per theme, however many of its tags and rules point there."""
    raised = materialized(sa.union(_staff_tags(period), _indexed(period)).cte("raised"))
    number = StrategicPriority.number
    query = sa.union_all(_per_theme(raised, raised.c.source, sa.func.count()).group_by(number, raised.c.source),
                         _per_theme(raised, sa.literal("people"), sa.func.count(sa.distinct(raised.c.yp)))
                         .group_by(number))
    numbers = db.session.scalars(sa.select(number).order_by(number))
    result = {n: {"mentions": 0, "people": 0, **dict.fromkeys(SOURCES, 0)} for n in numbers}
    for theme, source, n in db.session.execute(query):
        result[theme][source] = n
    for counts in result.values():
        counts["mentions"] = sum(counts[s] for s in SOURCES)
    return result


def people_by_group(period):
    """{(theme number, breakdown, group): young people} who raised each theme, by cohort, age band and
    voice group, in one statement."""
    raised = materialized(sa.union(_staff_tags(period), _indexed(period)).cte("raised_by"))
    number, people = StrategicPriority.number, sa.func.count(sa.distinct(raised.c.yp))
    person = (YoungPerson, YoungPerson.id == raised.c.yp)
    parts = [("cohort", sa.cast(YoungPerson.cohort, sa.String), person),
             ("age_band", sa.cast(YoungPerson.age_band, sa.String), person),
             ("voice_group", sa.cast(YoungPersonVoiceGroup.group, sa.String),
              (YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == raised.c.yp))]
    query = sa.union_all(*[_per_theme(raised, sa.literal(name), column, people).join(*join).group_by(number, column)
                           for name, column, join in parts])
    return {(theme, name, group): n for theme, name, group, n in db.session.execute(query)}


def themes():
    query = sa.select(StrategicPriority.number, StrategicPriority.short_title, StrategicPriority.title,
                      StrategicPriority.translations).order_by(StrategicPriority.number)
    return [dict(number=n, short_title=s, title=t, translations=tr or {}) for n, s, t, tr in db.session.execute(query)]
