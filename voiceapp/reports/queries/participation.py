"""Who took part: distinct young people by cohort, age band, voice group, channel and activity."""
import sqlalchemy as sa

from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson, YoungPersonVoiceGroup
from voiceapp.promises.models import PromiseCheck
from voiceapp.reports.queries.sqltime import materialized, within
from voiceapp.surveys.models import SurveyResponse
from voiceapp.tellus.models import Message

ACTIVITIES = ("promise_check", "tell_us", "survey")
CHANNELS = tuple(c.value for c in Channel)


def _contact(period):
    """Every contact in the period: (young person, channel, activity), duplicates and all."""
    checks = sa.select(PromiseCheck.young_person_id.label("yp"), PromiseCheck.channel.label("channel"),
                       sa.literal("promise_check").label("activity")).where(within(PromiseCheck.submitted_at, period))
    messages = sa.select(Message.young_person_id, Message.channel, sa.literal("tell_us")) \
        .where(within(Message.received_at, period))
    surveys = sa.select(SurveyResponse.young_person_id, SurveyResponse.channel, sa.literal("survey")) \
        .where(SurveyResponse.submitted_at.is_not(None), within(SurveyResponse.submitted_at, period))
    return sa.union_all(checks, messages, surveys).subquery("contact")


def _flag(column, value, name):
    return sa.func.max(sa.case((column == value, 1), else_=0)).label(name)


def _people(period):
    """One row per young person who took part, with a 0/1 flag for each channel and activity they used:
    grouping once here means no breakdown needs a DISTINCT of its own."""
    contact = _contact(period)
    flags = [_flag(contact.c.channel, Channel(c), f"channel_{c}") for c in CHANNELS] + \
            [_flag(contact.c.activity, a, f"activity_{a}") for a in ACTIVITIES]
    grouped = sa.select(contact.c.yp, *flags).group_by(contact.c.yp).subquery("grouped")
    return materialized(sa.select(grouped, sa.cast(YoungPerson.cohort, sa.String).label("cohort"),
                                  sa.cast(YoungPerson.age_band, sa.String).label("age_band"))
                        .join(YoungPerson, YoungPerson.id == grouped.c.yp).cte("people_taking_part"))


def _by(name, people):
    column = people.c[name]
    return sa.select(sa.literal(name), column, sa.func.count()).select_from(people).group_by(column)


def _summed(people):
    """(breakdown, group, people) rows for the total, each channel and each activity."""
    columns = [("channel", c, people.c[f"channel_{c}"]) for c in CHANNELS] + \
              [("activity", a, people.c[f"activity_{a}"]) for a in ACTIVITIES]
    return [sa.select(sa.literal("total"), sa.literal("all"), sa.func.count()).select_from(people)] + \
        [sa.select(sa.literal(name), sa.literal(key), sa.func.coalesce(sa.func.sum(column), 0)).select_from(people)
         for name, key, column in columns]


def participation(period):
    """Distinct young people taking part, in total and broken down (raw counts), in one statement."""
    people = _people(period)
    voice_groups = (sa.select(sa.literal("voice_group"), sa.cast(YoungPersonVoiceGroup.group, sa.String),
                              sa.func.count()).select_from(people)
                    .join(YoungPersonVoiceGroup, YoungPersonVoiceGroup.young_person_id == people.c.yp)
                    .group_by(YoungPersonVoiceGroup.group))
    query = sa.union_all(*_summed(people), _by("cohort", people), _by("age_band", people), voice_groups)
    result = {"total": 0, "channel": {}, "activity": {}, "cohort": {}, "age_band": {}, "voice_group": {}}
    for name, key, n in db.session.execute(query):
        if name == "total":
            result["total"] = n
        else:
            result[name][key] = n
    return result
