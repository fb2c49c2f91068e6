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


def _raised(period, name):
    """Each piece of writing once per theme it was raised under: (source, item, young person, priority)."""
    return materialized(sa.union(_staff_tags(period), _indexed(period)).cte(name))


def _blank(numbers):
    return {n: {"mentions": 0, "people": 0, **dict.fromkeys(SOURCES, 0)} for n in numbers}


def _by_source(raised):
    return (sa.select(sa.literal("source"), raised.c.priority_id, raised.c.source, sa.func.count())
            .group_by(raised.c.priority_id, raised.c.source))


def _numbers():
    return dict(db.session.execute(sa.select(StrategicPriority.id, StrategicPriority.number)).all())


def _totalled(result):
    for counts in result.values():
        counts["mentions"] = sum(counts[s] for s in SOURCES)
    return result


def mentions(period):
    """{theme number: {"mentions": n, "tell_us": n, "promise_comment": n, "survey": n, "people": 0}}: each
    piece of writing counts once per theme, however many of its tags and rules point there (no people: for
    last period's figures, which need only the mentions)."""
    numbers = _numbers()
    result = _blank(sorted(numbers.values()))
    for _, priority_id, source, n in db.session.execute(_by_source(_raised(period, "raised_before"))):
        result[numbers[priority_id]][source] = n
    return _totalled(result)


def mentions_and_groups(period):
    """In one statement: mentions as above with the young people raising each theme, and {(theme number,
    breakdown, group): young people} by cohort, age band and voice group. The writing is gathered once, and
    each young person once per theme, so no count needs a DISTINCT of its own."""
    raised = _raised(period, "raised")
    pairs = sa.select(raised.c.priority_id, raised.c.yp).group_by(raised.c.priority_id, raised.c.yp).subquery("pairs")
    raisers = materialized(sa.select(pairs.c.priority_id, pairs.c.yp,
                                     sa.cast(YoungPerson.cohort, sa.String).label("cohort"),
                                     sa.cast(YoungPerson.age_band, sa.String).label("age_band"))
                           .join(YoungPerson, YoungPerson.id == pairs.c.yp).cte("raisers"))
    group = sa.cast(YoungPersonVoiceGroup.group, sa.String)
    query = sa.union_all(
        _by_source(raised),
        sa.select(sa.literal("people"), raisers.c.priority_id, sa.literal("all"), sa.func.count())
        .group_by(raisers.c.priority_id),
        *[sa.select(sa.literal(name), raisers.c.priority_id, raisers.c[name], sa.func.count())
          .group_by(raisers.c.priority_id, raisers.c[name]) for name in ("cohort", "age_band")],
        sa.select(sa.literal("voice_group"), raisers.c.priority_id, group, sa.func.count())
        .join(YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == raisers.c.yp)
        .group_by(raisers.c.priority_id, group))
    numbers = _numbers()
    result, groups = _blank(sorted(numbers.values())), {}
    for kind, priority_id, key, n in db.session.execute(query):
        theme = numbers[priority_id]
        if kind == "source":
            result[theme][key] = n
        elif kind == "people":
            result[theme]["people"] = n
        else:
            groups[(theme, kind, key)] = n
    return _totalled(result), groups


def themes():
    query = sa.select(StrategicPriority.number, StrategicPriority.short_title, StrategicPriority.title,
                      StrategicPriority.translations).order_by(StrategicPriority.number)
    return [dict(number=n, short_title=s, title=t, translations=tr or {}) for n, s, t, tr in db.session.execute(query)]
