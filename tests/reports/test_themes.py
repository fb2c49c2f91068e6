"""Theme counting as young people write: the theme index follows new words, changed answers and rule edits."""
import pytest
import sqlalchemy as sa

from tests.factories import SurveyFactory
from tests.reports import builders as b
from voiceapp.extensions import db
from voiceapp.reports import periods
from voiceapp.reports.models import ThemeMention
from voiceapp.reports.queries.themes import mentions
from voiceapp.reports.services import mentions as mention_service
from voiceapp.reports.services.mentions import rebuild_mentions
from voiceapp.tellus.models import Message

H2 = periods.parse("2026-H2")


@pytest.fixture(autouse=True)
def frozen(clock):
    return clock   # 24 November 2026: in 2026-H2


@pytest.fixture
def football(api_as):
    officer = api_as("voice_officer")
    return officer.post("/api/v1/reports/theme-rules", json={"priority": 6, "keyword": "football"}).json


def counted(number):
    return mentions(H2)[number]


def test_a_promise_comment_counts_under_its_promise_s_theme_and_any_keyword(football, yp):
    promise = yp.get("/api/v1/me/promises").json["promises"][0]   # theme 4
    yp.post("/api/v1/me/promise-checks", json={"answers": [
        {"promise_id": promise["id"], "rating": "partly", "comment": "I want to play FOOTBALL"}]})
    assert (counted(4)["promise_comment"], counted(6)["promise_comment"]) == (1, 1)


def test_a_message_counts_by_keyword_and_by_staff_tag_once_each_theme(football, yp, api_as):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "No football club near my home"}).json
    assert counted(6)["tell_us"] == 1
    api_as("senior_leader").put(f"/api/v1/messages/{sent['id']}/themes", json={"themes": [6, 2]})
    assert (counted(6)["tell_us"], counted(2)["tell_us"]) == (1, 1)


def test_a_deleted_message_is_no_longer_counted(football, yp):
    sent = yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "football"}).json
    yp.delete(f"/api/v1/me/messages/{sent['id']}")
    assert counted(6)["tell_us"] == 0


def test_a_changed_survey_answer_is_counted_by_its_new_words(football, api_as):
    survey = SurveyFactory()
    free_text = survey.versions[0].questions[-1]
    client = api_as(young_person=b.person())
    url = f"/api/v1/me/surveys/{survey.id}/response"
    client.put(url, json={"answers": [{"question_id": str(free_text.id), "value": "football please"}]})
    assert counted(6)["survey"] == 1
    client.put(url, json={"answers": [{"question_id": str(free_text.id), "value": "more swimming"}]})
    assert counted(6)["survey"] == 0


def test_changing_a_rule_recounts_what_was_already_written(api_as, yp):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "I miss swimming"})
    officer = api_as("voice_officer")
    rule = officer.post("/api/v1/reports/theme-rules", json={"priority": 6, "keyword": "football"}).json
    assert counted(6)["tell_us"] == 0
    officer.patch(f"/api/v1/reports/theme-rules/{rule['id']}", json={"keyword": "swimming"})
    assert counted(6)["tell_us"] == 1
    officer.patch(f"/api/v1/reports/theme-rules/{rule['id']}", json={"priority": 4})
    assert (counted(6)["tell_us"], counted(4)["tell_us"]) == (0, 1)


def test_rebuilding_the_index_gives_the_counts_kept_as_words_arrived(football, yp):
    promise = yp.get("/api/v1/me/promises").json["promises"][3]
    yp.post("/api/v1/me/promise-checks", json={"answers": [
        {"promise_id": promise["id"], "rating": "kept", "comment": "football is great"}]})
    yp.post("/api/v1/me/messages", json={"kind": "praise", "body": "thanks for football", "wants_reply": False})
    kept_as_they_came = mentions(H2)
    rebuild_mentions()
    assert mentions(H2) == kept_as_they_came
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ThemeMention)) == 3


def _many(young, n, body):
    for i in range(n):
        b.message(young, f"2026-10-{i % 28 + 1:02d} 10:00", body=body)


def test_a_rebuild_a_few_texts_at_a_time_counts_every_text_once(football, monkeypatch):
    young = b.person()
    _many(young, 7, "football on saturday")
    _many(young, 4, "nothing to do")
    monkeypatch.setattr(mention_service, "BATCH", 3)   # 11 messages: four pages
    rebuild_mentions()
    assert counted(6)["tell_us"] == 7
    assert rebuild_mentions() == 7   # a second rebuild replaces, never adds


def test_a_rebuild_of_a_right_index_keeps_its_mentions_and_rewrites_only_what_changed(football, monkeypatch):
    young, other = b.person(), b.person()
    _many(young, 5, "football")
    monkeypatch.setattr(mention_service, "BATCH", 2)
    rebuild_mentions()
    before = set(db.session.scalars(sa.select(ThemeMention.id)))
    moved = db.session.scalar(sa.select(Message).limit(1))
    moved.young_person_id = other.id   # one message now on another young person's record
    db.session.flush()
    assert rebuild_mentions() == 5
    after = set(db.session.scalars(sa.select(ThemeMention.id)))
    assert len(before - after) == 1 and len(after - before) == 1   # the moved message's mention alone rewritten
    assert db.session.scalar(sa.select(ThemeMention.young_person_id).where(ThemeMention.id.in_(after - before))) \
        == other.id


def test_a_rebuild_repairs_a_doubled_index_and_drops_what_was_erased(football, monkeypatch):
    young = b.person()
    _many(young, 5, "football")
    rebuild_mentions()
    rows = db.session.execute(sa.select(ThemeMention.priority_id, ThemeMention.rule_id, ThemeMention.source,
                                        ThemeMention.message_id, ThemeMention.young_person_id,
                                        ThemeMention.said_at)).mappings().all()
    db.session.execute(sa.insert(ThemeMention), [dict(r) for r in rows])   # every mention twice
    erased = db.session.get(Message, rows[0]["message_id"])
    erased.body = "(removed)"
    db.session.flush()
    assert counted(6)["tell_us"] == 5   # counted once per message even when doubled
    monkeypatch.setattr(mention_service, "BATCH", 2)
    assert rebuild_mentions() == 4
    assert counted(6)["tell_us"] == 4


def test_a_changed_rule_is_recounted_a_page_at_a_time_leaving_other_rules_alone(api_as, monkeypatch):
    young = b.person()
    _many(young, 5, "swimming and football")
    officer = api_as("voice_officer")
    football = officer.post("/api/v1/reports/theme-rules", json={"priority": 6, "keyword": "football"}).json
    swimming = officer.post("/api/v1/reports/theme-rules", json={"priority": 4, "keyword": "swimming"}).json
    monkeypatch.setattr(mention_service, "BATCH", 2)
    officer.patch(f"/api/v1/reports/theme-rules/{swimming['id']}", json={"keyword": "rugby"})
    assert (counted(6)["tell_us"], counted(4)["tell_us"]) == (5, 0)
    officer.patch(f"/api/v1/reports/theme-rules/{football['id']}", json={"priority": 4})
    assert (counted(6)["tell_us"], counted(4)["tell_us"]) == (0, 5)
