"""The strategy's measure "social worker gave me the promise and explained it": asked once a half-year."""
from datetime import datetime, timezone

import pytest

from tests.reports import builders as b
from voiceapp.extensions import db
from voiceapp.promises.services import promise_information_due
from voiceapp.reports import periods
from voiceapp.reports.build import build_report


@pytest.fixture(autouse=True)
def frozen(clock):
    return clock   # 24 November 2026: in 2026-H2


def answer(yp, information):
    promise = yp.get("/api/v1/me/promises").json["promises"][0]
    return yp.post("/api/v1/me/promise-checks", json={"answers": [{"promise_id": promise["id"], "rating": "kept"}],
                                                      "promise_information": information})


def test_the_question_is_due_until_it_is_answered_this_half_year(yp):
    due = yp.get("/api/v1/me/promise-information").json
    assert due["due"] is True and "explained" in due["question"]
    assert [o["value"] for o in due["options"]] == ["yes", "no", "not_sure"]
    assert answer(yp, "yes").status_code == 201
    assert yp.get("/api/v1/me/promise-information").json == {"due": False, "question": None, "options": []}


def test_a_second_answer_in_the_same_half_year_is_refused_naming_the_field(yp):
    answer(yp, "no")
    second = answer(yp, "yes")
    assert second.status_code == 422 and "promise_information" in second.get_data(as_text=True)


def test_a_promise_check_without_the_answer_still_saves(yp):
    assert answer(yp, None).status_code == 201
    assert yp.get("/api/v1/me/promise-information").json["due"] is True


def test_it_is_asked_again_in_the_next_half_year(yp, young_person):
    answer(yp, "yes")
    assert not promise_information_due(young_person.id)
    assert promise_information_due(young_person.id, now=datetime(2027, 4, 1, 0, 30, tzinfo=timezone.utc))


def test_an_answer_that_is_not_an_option_is_refused(yp):
    assert answer(yp, "maybe").status_code == 422


def _answered(information, n, when):
    promise = b.current_promises()[0]
    for _ in range(n):
        check = b.check(b.person(), when, [(promise, "kept", None)])
        check.promise_information = information
    db.session.flush()


def test_the_report_counts_it_with_suppression_and_its_trend(app):
    _answered("yes", 30, "2026-11-01 10:00")
    _answered("no", 10, "2026-11-01 10:00")
    _answered("not_sure", 3, "2026-11-01 10:00")
    _answered("yes", 10, "2026-06-01 10:00")
    _answered("no", 30, "2026-06-01 10:00")
    measure = build_report(periods.parse("2026-H2"))["promise_information"]
    assert {k: v["display"] for k, v in measure["answers"]["cells"].items()} == {"yes": "30", "no": "c",
                                                                                  "not_sure": "c"}
    assert measure["answers"]["total"]["display"] == "43"
    assert measure["yes_share"]["display"] == "70%"
    assert measure["previous_yes_share"]["display"] == "25%"
    assert measure["change"]["value"] == pytest.approx(44.8, abs=0.1) and measure["change"]["significant"]


def test_a_young_person_s_latest_answer_in_the_period_is_the_one_counted(app):
    young, promise = b.person(), b.current_promises()[0]
    for when, information in (("2026-10-05 10:00", "no"), ("2026-11-05 10:00", "yes")):
        b.check(young, when, [(promise, "kept", None)]).promise_information = information
    db.session.flush()
    cells = build_report(periods.parse("2026-H2"))["promise_information"]["answers"]["cells"]
    assert (cells["yes"]["display"], cells["no"]["display"]) == ("c", "0")
