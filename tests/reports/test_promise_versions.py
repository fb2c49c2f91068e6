"""A promise's trend carries on across a new version of the promise (2021 to 2024)."""
import sqlalchemy as sa

from tests.reports import builders as b
from voiceapp.extensions import db
from voiceapp.people.models import Cohort
from voiceapp.promises.models import PromiseSet
from voiceapp.reports import periods
from voiceapp.reports.build import build_report

H1 = periods.parse("2026-H1")


def promises_of(slug):
    return sorted(db.session.scalar(sa.select(PromiseSet).where(PromiseSet.slug == slug)).promises,
                  key=lambda p: p.position)


def test_last_period_s_answers_to_the_2021_wording_are_the_2024_promise_s_previous_figures(app):
    old = next(p for p in promises_of("children-in-care-2021") if p.text.startswith("listen"))
    new = next(p for p in promises_of("children-in-care-2024") if p.text.startswith("listen"))
    assert old.lineage == new.lineage == "child_in_care:listen"
    b.rate_many(old, {"kept": 10, "not_kept": 30}, when="2026-01-10 10:00")   # 2025-H2, on the 2021 card
    b.rate_many(new, {"kept": 30, "not_kept": 10}, when="2026-05-10 10:00")
    report = build_report(H1)
    rows = [p for p in report["promises"] if p["text"].startswith("listen")]
    assert [r["id"] for r in rows] == [str(new.id)]   # one row: the old wording is not shown apart
    assert rows[0]["previous"]["kept_share"]["display"] == "25%"
    assert rows[0]["change"]["value"] == 50.0


def test_the_care_leavers_draft_promise_carries_the_fun_new_experiences_and_interests_item(app):
    current = b.current_promises(Cohort.CARE_LEAVER)
    assert any("fun and new experiences and develop your own interests" in p.text for p in current)
    assert current[0].promise_set.is_draft and "draft" in current[0].promise_set.title


def test_the_promise_is_broken_down_by_cohort_age_band_and_voice_group_through_suppression(app):
    promise = b.current_promises()[0]
    for i in range(22):
        young = b.person(groups=["unaccompanied_asylum_seeking"] if i < 20 else ["send"])
        b.check(young, "2026-05-01 10:00", [(promise, "not_kept" if i < 12 else "kept", None)])
    groups = build_report(H1)["promise_by_group"]
    uasc = groups["voice_group"]["unaccompanied_asylum_seeking"]
    assert (uasc["people"]["display"], uasc["kept_share"]["display"], uasc["not_kept_share"]["display"]) == (
        "20", "40%", "60%")
    assert groups["voice_group"]["send"]["people"]["display"] == "c"
    assert groups["voice_group"]["send"]["kept_share"]["display"] == "c"
    assert groups["voice_group"]["residential_home"]["kept_share"]["display"] == "z"
    assert groups["cohort"]["child_in_care"]["people"]["display"] == "22"
    assert groups["age_band"]["13-15"]["kept_share"] == {"value": 45, "display": "45%"}


def test_who_raised_each_theme_by_cohort_age_band_and_voice_group_is_suppressed_with_its_total(app):
    for i in range(14):
        young = b.person(groups=["residential_home"] if i < 3 else [])
        if i >= 11:
            young.cohort, young.age_band = Cohort.CARE_LEAVER, "18-21"
        b.message(young, "2026-05-01 09:00", themes=[2])
    db.session.flush()
    row = build_report(H1)["themes_by_group"]["2"]
    assert {k: v["display"] for k, v in row["cohort"].items()} == {"child_in_care": "c", "care_leaver": "c"}
    assert row["voice_group"]["residential_home"]["display"] == "c"
    assert row["voice_group"]["send"]["display"] == "0"
