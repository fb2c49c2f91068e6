"""Checking the promise on the website: one promise per screen, saved as they go, resumable, then finished."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.promises.models import PromiseCheck, Rating


def _checks():
    return db.session.scalars(sa.select(PromiseCheck)).all()


def test_each_answer_is_saved_straight_away(signed_in):
    assert signed_in.post("/promise/1", {"rating": "kept", "comment": "yes"}).headers["Location"].endswith("/promise/2")
    [check] = _checks()
    assert [(r.rating, r.comment) for r in check.ratings] == [(Rating.KEPT, "yes")] and check.finished_at is None


def test_the_question_shows_how_far_they_have_got(signed_in):
    total = len(db.session.scalars(sa.select(PromiseCheck)).all())   # none yet
    page = signed_in.text("/promise/3")
    assert total == 0 and 'Promise <bdi dir="ltr">3</bdi> of <bdi dir="ltr">' in page


def test_coming_back_carries_on_after_the_last_answer(signed_in):
    signed_in.post("/promise/1", {"rating": "kept"})
    signed_in.post("/promise/2", {"rating": "partly"})
    assert "/promise/3" in signed_in.text("/promise")


def test_skip_moves_on_without_saving(signed_in):
    assert signed_in.post("/promise/1", {"action": "skip"}).headers["Location"].endswith("/promise/2")
    assert _checks() == []


def test_no_choice_is_explained_beside_the_choices(signed_in):
    response = signed_in.post("/promise/1", {"action": "save"})
    assert response.status_code == 422 and 'href="#rating"' in response.get_data(as_text=True)
    assert _checks() == []


def test_not_kept_offers_tell_us_with_that_promise_filled_in(signed_in):
    response = signed_in.post("/promise/2", {"rating": "not_kept"})
    assert response.headers["Location"].endswith("/promise/2/not-kept")
    page = signed_in.text("/promise/2/not-kept")
    [check] = _checks()
    assert f"promise_id={check.ratings[0].promise_id}" in page and "Your message goes to senior leaders" in page


def test_finishing_keeps_the_comment_and_closes_the_sitting(signed_in):
    signed_in.post("/promise/1", {"rating": "dont_know"})
    assert signed_in.post("/promise/finish", {"comment": "More say please"}).status_code == 303
    [check] = _checks()
    assert check.finished_at is not None and check.comment == "More say please"


def test_changing_an_answer_changes_it_rather_than_adding_one(signed_in):
    signed_in.post("/promise/1", {"rating": "kept"})
    signed_in.post("/promise/1", {"rating": "partly"})
    [check] = _checks()
    assert [r.rating for r in check.ratings] == [Rating.PARTLY]


def test_the_last_screen_asks_once_a_half_year_whether_the_promise_was_explained(signed_in):
    signed_in.post("/promise/1", {"rating": "kept"})
    assert "Has your social worker given you the promise" in signed_in.text("/promise/finish")
    signed_in.post("/promise/finish", {"promise_information": "yes"})
    [check] = _checks()
    assert check.promise_information.value == "yes"
    signed_in.post("/promise/1", {"rating": "partly"})
    assert "Has your social worker given you the promise" not in signed_in.text("/promise/finish")
