"""Checking the promise over the web API."""
import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.extensions import db
from voiceapp.people.models import Cohort
from voiceapp.promises.models import PromiseCheck, PromiseSet


def count_checks():
    return db.session.scalar(sa.select(sa.func.count()).select_from(PromiseCheck))


def test_child_in_care_sees_the_2024_promise_with_nine_promises(yp):
    promise = yp.get("/api/v1/me/promises").json
    assert promise["slug"] == "children-in-care-2024"
    assert len(promise["promises"]) == 9
    assert promise["promises"][-1]["text"] == "work towards the My Things Matter Campaign"


def test_care_leaver_sees_the_draft_care_leavers_promise(api_as):
    leaver = api_as(young_person=YoungPersonFactory(cohort=Cohort.CARE_LEAVER, age_band="18-21"))
    promise = leaver.get("/api/v1/me/promises").json
    assert promise["cohort"] == "care_leaver"
    assert promise["is_draft"] is True


def test_the_2021_promise_is_kept_word_for_word_from_the_strategy(app):
    original = db.session.scalar(sa.select(PromiseSet).where(PromiseSet.slug == "children-in-care-2021"))
    assert [p.text for p in original.promises] == [
        "help and support you to stay safe and have a healthy lifestyle",
        "involve you in all decisions about your life",
        "have high aspirations for you and encourage you to reach your full potential",
        "support you throughout your education and to plan for the future",
        "listen and make sure you know what will happen next",
        "celebrate your achievements",
        "make sure you have lots of different people to support you",
        "help you have new experiences and develop your own interests",
    ]


def test_every_promise_is_counted_under_one_of_the_six_priorities(app):
    for promise_set in db.session.scalars(sa.select(PromiseSet)):
        assert all(1 <= p.priority.number <= 6 for p in promise_set.promises)


def test_promises_are_shown_in_arabic_to_an_arabic_speaker(api_as):
    speaker = api_as(young_person=YoungPersonFactory(language="ar"))
    promise = speaker.get("/api/v1/me/promises").json
    assert promise["promises"][0]["text"].startswith("نساعدك")


def test_before_sign_in_accept_language_chooses_the_language(client):
    body = client.post("/api/v1/auth/code", json={"phone": "12"}, headers={"Accept-Language": "ar"}).json
    assert body["message"] == "بعض الحقول غير صحيحة."


def test_a_young_person_s_stored_language_wins_over_the_browser_s(api_as):
    speaker = api_as(young_person=YoungPersonFactory(language="ar"))
    body = speaker.post("/api/v1/me/promise-checks", json={"answers": []}, headers={"Accept-Language": "en"}).json
    assert body["message"] == "بعض الحقول غير صحيحة."


def test_a_promise_check_records_each_rating_with_channel_and_time(yp):
    promises = yp.get("/api/v1/me/promises").json["promises"]
    response = yp.post("/api/v1/me/promise-checks", json={"answers": [
        {"promise_id": promises[0]["id"], "rating": "kept"},
        {"promise_id": promises[5]["id"], "rating": "not_kept", "comment": "Nobody asked me about school"},
    ]})
    assert response.status_code == 201
    check = response.json
    assert check["channel"] == "web" and check["submitted_at"]
    assert [r["rating"] for r in check["ratings"]] == ["kept", "not_kept"]
    assert check["ratings"][1]["comment"] == "Nobody asked me about school"


@pytest.mark.parametrize("rating", ["kept", "partly", "not_kept", "dont_know"])
def test_each_rating_is_accepted(yp, rating):
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    assert yp.post("/api/v1/me/promise-checks",
                   json={"answers": [{"promise_id": promise_id, "rating": rating}]}).status_code == 201


def test_a_promise_from_another_set_is_refused_and_nothing_is_written(yp, app):
    old_set = db.session.scalar(sa.select(PromiseSet).where(PromiseSet.slug == "children-in-care-2021"))
    response = yp.post("/api/v1/me/promise-checks",
                       json={"answers": [{"promise_id": str(old_set.promises[0].id), "rating": "kept"}]})
    assert response.status_code == 422
    assert "answers.0.promise_id" in response.json["errors"]
    assert count_checks() == 0


def test_rating_the_same_promise_twice_is_refused(yp):
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    response = yp.post("/api/v1/me/promise-checks", json={"answers": [
        {"promise_id": promise_id, "rating": "kept"}, {"promise_id": promise_id, "rating": "partly"}]})
    assert response.status_code == 422
    assert count_checks() == 0


@pytest.mark.parametrize("answers, field", [
    ([], "answers"),
    ([{"promise_id": "not-a-uuid", "rating": "kept"}], "answers.0.promise_id"),
    ([{"rating": "kept"}], "answers.0.promise_id"),
    ([{"promise_id": "00000000-0000-4000-8000-000000000000", "rating": "brilliant"}], "answers.0.rating"),
    ([{"promise_id": "00000000-0000-4000-8000-000000000000", "rating": "kept", "comment": "x" * 1001}],
     "answers.0.comment"),
])
def test_bad_answers_get_a_422_naming_the_field(yp, answers, field):
    response = yp.post("/api/v1/me/promise-checks", json={"answers": answers})
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert count_checks() == 0


def test_a_young_person_lists_reads_and_deletes_their_own_checks(yp):
    promise_id = yp.get("/api/v1/me/promises").json["promises"][0]["id"]
    check_id = yp.post("/api/v1/me/promise-checks",
                       json={"answers": [{"promise_id": promise_id, "rating": "kept"}]}).json["id"]
    assert [c["id"] for c in yp.get("/api/v1/me/promise-checks").json] == [check_id]
    assert yp.get(f"/api/v1/me/promise-checks/{check_id}").status_code == 200
    assert yp.delete(f"/api/v1/me/promise-checks/{check_id}").status_code == 204
    assert yp.get(f"/api/v1/me/promise-checks/{check_id}").status_code == 404
    assert count_checks() == 0


def test_staff_add_a_new_promise_version_and_make_it_current(api_as, yp):
    officer = api_as("voice_officer")
    response = officer.post("/api/v1/promise-sets", json={
        "slug": "children-in-care-2027", "cohort": "child_in_care", "title": "Our promise (2027)",
        "make_current": True, "promises": [{"text": "keep your things safe when you move", "priority": 2}]})
    assert response.status_code == 201
    assert response.json["version"] == 3
    assert yp.get("/api/v1/me/promises").json["slug"] == "children-in-care-2027"


def test_a_promise_must_name_a_real_priority(api_as):
    response = api_as("voice_officer").post("/api/v1/promise-sets", json={
        "slug": "bad-set", "cohort": "child_in_care", "title": "x",
        "promises": [{"text": "something", "priority": 7}]})
    assert response.status_code == 422
    assert "promises.0.priority" in response.json["errors"]


def test_the_six_priorities_are_the_strategy_s(api_as):
    priorities = api_as("council_member").get("/api/v1/priorities").json
    assert [p["number"] for p in priorities] == [1, 2, 3, 4, 5, 6]
    assert priorities[2]["title"].startswith("Listening and responding to the voice")
