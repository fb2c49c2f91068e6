"""The hand-worked data set the report's figures are checked against (worked out in test_figures.py)."""
from datetime import datetime, timedelta, timezone

import pytest

from tests.factories import SurveyFactory
from tests.reports import builders as b
from voiceapp.channel_enum import Channel
from voiceapp.extensions import db
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.reports.models import ThemeKeywordRule
from voiceapp.reports.services import mentions
from voiceapp.tellus.deadlines import add_working_days
from voiceapp.tellus.models import Kind

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
ACK_DAYS = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 0]
ANSWER_DAYS = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, None]


def _working_day_noon(start, days):
    return None if days is None else f"{add_working_days(start, days).isoformat()} 12:00"


def _promises(promises):
    p0, p1, p2 = promises[0], promises[1], promises[2]
    b.rate_many(p0, {"kept": 12, "partly": 4, "dont_know": 6})
    b.rate_many(p1, {"not_kept": 7})
    b.rate_many(p2, {"kept": 20, "partly": 5, "not_kept": 10, "dont_know": 9})
    for _ in range(6):   # six more "don't know", each with a comment: theme 2 by the promise, 6 by keyword
        b.check(b.person(), "2026-07-01 10:00", [(p2, "dont_know", "More football please")])
    b.rate_many(p2, {"kept": 6, "not_kept": 34}, when="2026-01-15 10:00")   # the previous half


def _tell_us():
    start = datetime(2026, 6, 1).date()
    for ack, answer in zip(ACK_DAYS, ANSWER_DAYS):
        young = b.person(cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21)
        b.message(young, "2026-06-01 09:00", acknowledged=_working_day_noon(start, ack),
                  responded=_working_day_noon(start, answer), themes=[3], channel=Channel.SMS)
    teams = ["Leeds Fostering Team"] * 3 + [" leeds fostering team"] * 3 + ["IRO team"] * 2
    for i, team in enumerate(teams):
        b.message(b.person(), "2026-06-02 09:00", kind=Kind.PRAISE, praise_for=team,
                  body="They took me to football" if i < 6 else "Thank you", acknowledged="2026-06-02 15:00",
                  responded="2026-06-02 15:00")
    for i in range(5):   # the previous half
        b.message(b.person(), "2026-02-02 09:00", themes=[3] if i < 2 else [])


def _surveys():
    survey = SurveyFactory()
    for i in range(7):
        b.respond(b.person(), survey, {1: [5, 5, 5, 4, 4, 3, 1][i], 3: [0, 1], 4: 1, 5: "My placement is ok"})
    for i in range(3):
        young = b.person(cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21,
                         groups=["unaccompanied_asylum_seeking"])
        b.respond(young, survey, {1: [2, 2, 1][i], 3: [0], 4: 0, 5: "I need help with money"})
    return survey


def _rules():
    for number, keyword in ((6, "football"), (2, "placement"), (5, "money")):
        db.session.add(ThemeKeywordRule(priority_id=b.theme(number).id, keyword=keyword))
    db.session.flush()


@pytest.fixture
def hand_worked(app):
    """109 young people in 2026-H1 and 45 in 2025-H2, with keyword rules for football, placement, money."""
    promises = b.current_promises()
    _rules()
    _promises(promises)
    _tell_us()
    survey = _surveys()
    # The builders write rows directly, as an import would, so the theme index is rebuilt as after one.
    mentions.rebuild_mentions()
    return {"promises": promises, "survey": survey, "now": NOW}


@pytest.fixture
def period():
    from voiceapp.reports import periods
    return periods.parse("2026-H1")


@pytest.fixture
def report(hand_worked, period):
    from voiceapp.reports.build import build_report
    return build_report(period, now=NOW)


ONE_DAY = timedelta(days=1)
