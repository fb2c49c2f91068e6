"""The councils' review: actions answering council priorities, meetings, "ready for review" notices, reviews."""
import pytest
import sqlalchemy as sa

from tests.factories import StaffFactory, YoungPersonFactory
from voiceapp.auth.models import Council, Role
from voiceapp.extensions import db
from voiceapp.messaging import tasks
from voiceapp.messaging.email import mailer_for
from voiceapp.messaging.models import OutboundEmail, OutboundMessage, OutboundStatus
from voiceapp.people import services as people

PERIOD = "2026-H2"
REPORT = f"/api/v1/reports/{PERIOD}"


@pytest.fixture
def have_a_voice(api_as):
    return api_as("council_member", council=Council.HAVE_A_VOICE)


@pytest.fixture
def officer(api_as):
    return api_as("voice_officer")


def _priority(member, officer, number=3, council="have_a_voice"):
    member.post(f"/api/v1/councils/reports/{PERIOD}/priorities", json={"priority": number})
    return officer.get(f"/api/v1/councils/reports/{PERIOD}/priorities?council={council}").json[0]


def _action(officer, number=3, what="Workers ring back within a day"):
    return officer.post("/api/v1/actions", json={"what": what, "who": "Head of Service", "priority": number}).json


# --- actions answering a council's priority ----------------------------------------------------------------

def test_a_council_priority_has_no_action_until_one_is_linked_as_its_answer(clock, have_a_voice, officer):
    mark = _priority(have_a_voice, officer)
    assert (mark["has_action"], mark["actions"]) == (False, [])
    action = _action(officer)
    linked = officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    assert linked.status_code == 200
    assert linked.json["has_action"] and [a["what"] for a in linked.json["actions"]] == [action["what"]]


def test_one_action_answers_the_same_priority_for_both_councils(clock, api_as, have_a_voice, officer):
    leavers = api_as("council_member", council=Council.CARE_LEAVERS)
    ours, theirs = _priority(have_a_voice, officer), _priority(leavers, officer, council="care_leavers")
    action = _action(officer)
    for mark in (ours, theirs):
        officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    both = officer.get(f"/api/v1/councils/reports/{PERIOD}/priorities").json
    assert [len(m["actions"]) for m in both] == [1, 1]


def test_linking_twice_changes_nothing_and_unlinking_removes_the_answer(clock, have_a_voice, officer):
    mark, action = _priority(have_a_voice, officer), _action(officer)
    for _ in range(2):
        officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    url = f"/api/v1/councils/priorities/{mark['id']}/actions/{action['id']}"
    assert officer.delete(url).status_code == 204
    assert officer.get(f"/api/v1/councils/reports/{PERIOD}/priorities").json[0]["actions"] == []


def test_an_action_on_another_theme_cannot_answer_a_priority(clock, have_a_voice, officer):
    mark, action = _priority(have_a_voice, officer, number=3), _action(officer, number=5)
    response = officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    assert response.status_code == 422 and "action_id" in response.json["errors"]


def test_a_priority_lead_links_only_for_the_theme_they_lead(clock, api_as, have_a_voice, officer):
    mark = _priority(have_a_voice, officer, number=5)
    action = _action(officer, number=5)
    lead = api_as("priority_lead")    # leads theme 3
    response = lead.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    assert response.status_code == 403


def test_a_council_member_sees_only_their_own_council_s_priorities(clock, api_as, have_a_voice, officer):
    leavers = api_as("council_member", council=Council.CARE_LEAVERS)
    _priority(leavers, officer, number=5, council="care_leavers")
    _priority(have_a_voice, officer, number=3)
    seen = have_a_voice.get(f"/api/v1/councils/reports/{PERIOD}/priorities?council=care_leavers").json
    assert [(m["council"], m["priority"]) for m in seen] == [("have_a_voice", 3)]


def test_unmarking_a_priority_takes_its_links_with_it(clock, have_a_voice, officer):
    mark, action = _priority(have_a_voice, officer), _action(officer)
    officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    assert have_a_voice.delete(f"/api/v1/councils/reports/{PERIOD}/priorities/3").status_code == 204
    assert db.session.execute(sa.text("select count(*) from council_priority_actions")).scalar() == 0


# --- meetings ----------------------------------------------------------------------------------------------

def _meeting(officer, **fields):
    body = {"kind": "head_of_service", "council": "have_a_voice", "held_on": "2026-11-10",
            "title": "Autumn meeting with the Head of Service",
            "questions": [{"question": "Why do workers change so often?", "answer": "We are hiring more."},
                          {"question": "Can we have wifi in every home?"}], **fields}
    return officer.post("/api/v1/councils/meetings", json=body)


def test_staff_record_a_meeting_with_the_questions_raised_and_answers_given(clock, officer):
    response = _meeting(officer)
    assert response.status_code == 201
    assert [(q["question"], q["answer"]) for q in response.json["questions"]] == [
        ("Why do workers change so often?", "We are hiring more."), ("Can we have wifi in every home?", None)]


def test_an_answer_given_later_is_written_down(clock, officer):
    meeting = _meeting(officer).json
    question = meeting["questions"][1]["id"]
    answered = officer.put(f"/api/v1/councils/meetings/{meeting['id']}/questions/{question}/answer",
                           json={"answer": "Yes, by March."})
    assert answered.json["questions"][1]["answer"] == "Yes, by March."


def test_a_question_can_be_added_after_the_meeting_is_recorded(clock, officer):
    meeting = _meeting(officer, questions=[]).json
    added = officer.post(f"/api/v1/councils/meetings/{meeting['id']}/questions", json={"question": "When?"})
    assert (added.status_code, [q["question"] for q in added.json["questions"]]) == (201, ["When?"])


def test_a_head_of_service_meeting_must_name_its_council(clock, officer):
    response = _meeting(officer, council=None)
    assert response.status_code == 422 and "council" in response.json["errors"]


def test_a_council_member_sees_their_council_s_meetings_and_the_board_takeover_only(clock, api_as, have_a_voice,
                                                                                       officer):
    _meeting(officer, title="Ours")
    _meeting(officer, council="care_leavers", title="Theirs")
    _meeting(officer, kind="board_takeover", council=None, title="Takeover")
    theirs = officer.get("/api/v1/councils/meetings?council=care_leavers").json
    assert sorted(m["title"] for m in have_a_voice.get("/api/v1/councils/meetings").json) == ["Ours", "Takeover"]
    other = next(m for m in theirs if m["title"] == "Theirs")
    assert have_a_voice.get(f"/api/v1/councils/meetings/{other['id']}").status_code == 404


@pytest.mark.parametrize("role", ["council_member", "board_member", "priority_lead"])
def test_only_the_voice_team_and_senior_leaders_record_meetings(clock, api_as, role):
    assert _meeting(api_as(role)).status_code == 403


def test_the_report_shows_the_period_s_meetings_and_head_of_service_meetings_per_council(clock, api_as, officer):
    _meeting(officer)
    _meeting(officer, held_on="2026-05-01", title="Last period")
    _meeting(officer, kind="board_takeover", council=None, title="Takeover", questions=[])
    meetings = api_as("board_member").get(REPORT).json["meetings"]
    assert [m["title"] for m in meetings["meetings"]] == ["Autumn meeting with the Head of Service", "Takeover"]
    assert meetings["head_of_service"] == {"have_a_voice": 1, "care_leavers": 0}
    assert meetings["meetings"][0]["questions"][0] == {"question": "Why do workers change so often?",
                                                      "answer": "We are hiring more."}


# --- "ready for your review" and the review record ---------------------------------------------------------

def _member(council=Council.HAVE_A_VOICE, **fields):
    return StaffFactory(role=Role.COUNCIL_MEMBER, council=council, **fields)


def test_each_member_is_emailed_that_the_report_is_ready_by_default(clock, officer, sent_email):
    first, second = _member(), _member(council=Council.CARE_LEAVERS)
    notices = officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={}).json
    assert sorted(n["outcome"] for n in notices) == ["queued", "queued"]
    assert {m["to"] for m in sent_email} == {first.email, second.email}
    assert all("The report for 2026-H2 is ready for your review" in m["subject"] for m in sent_email)


def test_a_member_who_chose_texts_is_texted_in_their_language(clock, api_as, officer, sent_sms, sent_email):
    member = api_as("council_member")
    chosen = member.put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456",
                                                             "language": "ar"})
    assert chosen.json == {"choice": "text", "language": "ar", "has_phone": True}
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    assert [m["to"] for m in sent_sms] == ["+447911123456"] and sent_email == []
    assert "2026-H2" in sent_sms[0]["body"] and "The report" not in sent_sms[0]["body"]


def test_a_text_waits_for_the_morning_in_quiet_hours(clock, api_as, sent_sms):
    clock.move_to("2026-11-24 22:30Z")
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    api_as("voice_officer").post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    row = db.session.scalar(sa.select(OutboundMessage))
    assert sent_sms == [] and row.send_after.hour == 8


def test_a_number_that_opted_out_gets_no_text(clock, api_as, officer, sent_sms, system_actor):
    person = YoungPersonFactory()
    people.attach_phone(person, "07911 123456")
    person.sms_opted_out_at = person.created_at
    db.session.flush()
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    notices = officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={}).json
    assert [n["outcome"] for n in notices] == ["opted_out"] and sent_sms == []


def test_a_text_held_for_the_morning_is_not_sent_if_the_number_texts_stop_meanwhile(clock, api_as, sent_sms):
    clock.move_to("2026-11-24 22:30Z")
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    api_as("voice_officer").post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    person = YoungPersonFactory()
    people.attach_phone(person, "07911 123456")
    person.sms_opted_out_at = person.created_at      # STOP from that number before the morning
    db.session.flush()
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    assert sent_sms == [] and db.session.scalar(sa.select(OutboundMessage.status)) == OutboundStatus.SUPPRESSED


@pytest.mark.parametrize("now_chosen", [{"choice": "none"}, {"choice": "email"}])
def test_a_text_held_for_the_morning_is_not_sent_if_the_member_chose_otherwise_meanwhile(clock, api_as, sent_sms,
                                                                                        now_chosen):
    clock.move_to("2026-11-24 22:30Z")
    member = api_as("council_member")
    member.put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    api_as("voice_officer").post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    member.put("/api/v1/councils/me/contact", json=now_chosen)
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    assert sent_sms == [] and db.session.scalar(sa.select(OutboundMessage.status)) == OutboundStatus.SUPPRESSED


def test_a_text_still_wanted_in_the_morning_is_sent(clock, api_as, sent_sms):
    clock.move_to("2026-11-24 22:30Z")
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    api_as("voice_officer").post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    assert [m["to"] for m in sent_sms] == ["+447911123456"]


def test_an_email_not_yet_sent_is_dropped_if_the_member_wants_no_notices_by_then(app, clock, api_as, officer,
                                                                                 sent_email, monkeypatch):
    member = api_as("council_member")
    with monkeypatch.context() as outage:
        outage.setattr(mailer_for(app), "send", _down)
        officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    member.put("/api/v1/councils/me/contact", json={"choice": "none"})
    clock.shift(3600)
    tasks.dispatch_due_email()
    assert sent_email == [] and db.session.scalar(sa.select(OutboundEmail.status)) == OutboundStatus.SUPPRESSED


def test_an_email_held_up_by_an_outage_still_goes_when_still_wanted(app, clock, officer, sent_email, monkeypatch):
    member = _member()
    with monkeypatch.context() as outage:
        outage.setattr(mailer_for(app), "send", _down)
        officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    clock.shift(3600)
    tasks.dispatch_due_email()
    assert [m["to"] for m in sent_email] == [member.email]


def _down(**kwargs):
    raise ConnectionError("provider unreachable")


# --- what became of each notice, read from the outbox -----------------------------------------------------

def _notices(officer):
    return officer.get(f"/api/v1/councils/reports/{PERIOD}/notices").json


def test_an_email_that_went_is_recorded_as_sent(clock, officer, sent_email):
    _member()
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    assert [(n["state"], n["reason"]) for n in _notices(officer)] == [("sent", None)]


def test_a_text_waiting_for_the_morning_is_on_its_way_then_sent(clock, api_as, sent_sms):
    clock.move_to("2026-11-24 22:30Z")
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    officer = api_as("voice_officer")
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    assert [n["state"] for n in _notices(officer)] == ["queued"]
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    assert [n["state"] for n in _notices(api_as("voice_officer"))] == ["sent"]


def test_a_text_stopped_at_sending_by_stop_is_recorded_as_not_sent_with_the_reason(clock, api_as, sent_sms):
    clock.move_to("2026-11-24 22:30Z")
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    officer = api_as("voice_officer")
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    person = YoungPersonFactory()
    people.attach_phone(person, "07911 123456")
    person.sms_opted_out_at = person.created_at
    db.session.flush()
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    notice = _notices(api_as("voice_officer"))[0]
    assert (notice["outcome"], notice["state"], notice["reason"]) == ("queued", "not_sent", "opted_out")


@pytest.mark.parametrize("now_chosen, reason", [({"choice": "none"}, "not_wanted"),
                                                ({"choice": "email"}, "changed_choice")])
def test_a_text_dropped_at_sending_says_the_member_changed_their_mind(clock, api_as, sent_sms, now_chosen, reason):
    clock.move_to("2026-11-24 22:30Z")
    member = api_as("council_member")
    member.put("/api/v1/councils/me/contact", json={"choice": "text", "phone": "07911 123456"})
    officer = api_as("voice_officer")
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    member.put("/api/v1/councils/me/contact", json=now_chosen)
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    assert [(n["state"], n["reason"]) for n in _notices(api_as("voice_officer"))] == [("not_sent", reason)]


def test_an_email_dropped_at_sending_is_not_sent_because_they_asked(app, clock, api_as, officer, sent_email,
                                                                      monkeypatch):
    member = api_as("council_member")
    with monkeypatch.context() as outage:
        outage.setattr(mailer_for(app), "send", _down)
        officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    assert [n["state"] for n in _notices(officer)] == ["queued"]
    member.put("/api/v1/councils/me/contact", json={"choice": "none"})
    clock.shift(3600)
    tasks.dispatch_due_email()
    assert [(n["state"], n["reason"]) for n in _notices(api_as("voice_officer"))] == [("not_sent", "not_wanted")]


def test_a_member_who_wants_no_messages_gets_none(clock, api_as, officer, sent_email, sent_sms):
    api_as("council_member").put("/api/v1/councils/me/contact", json={"choice": "none"})
    notices = officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={}).json
    assert [n["outcome"] for n in notices] == ["not_wanted"] and sent_email == sent_sms == []


def test_choosing_texts_needs_a_mobile_number(have_a_voice):
    response = have_a_voice.put("/api/v1/councils/me/contact", json={"choice": "text"})
    assert response.status_code == 422 and "phone" in response.json["errors"]


def test_telling_the_councils_again_tells_only_members_added_since(clock, officer, sent_email):
    _member()
    officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={})
    newcomer = _member()
    again = officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={}).json
    assert [n["staff_user_id"] for n in again] == [str(newcomer.id)] and len(sent_email) == 2


def test_a_disabled_member_is_not_told(clock, officer, sent_email):
    _member(is_active=False)
    assert officer.post(f"/api/v1/councils/reports/{PERIOD}/ready", json={}).json == []


def test_a_council_marks_the_report_reviewed_once_and_the_report_says_when(clock, api_as, have_a_voice):
    first = have_a_voice.post(f"/api/v1/councils/reports/{PERIOD}/review")
    clock.move_to("2026-11-26 10:00Z")
    again = api_as("council_member", council=Council.HAVE_A_VOICE).post(f"/api/v1/councils/reports/{PERIOD}/review")
    assert first.status_code == 201 and again.json["reviewed_at"] == first.json["reviewed_at"]
    reviews = {r["council"]: r["reviewed_on"] for r in api_as("board_member").get(REPORT).json["council_reviews"]}
    assert reviews == {"have_a_voice": "2026-11-24", "care_leavers": None}


def test_the_young_people_s_version_carries_the_meetings_and_reviews(clock, have_a_voice, officer):
    _meeting(officer)
    have_a_voice.post(f"/api/v1/councils/reports/{PERIOD}/review")
    report = have_a_voice.get(REPORT).json
    assert report["meta"]["audience"] == "young_people"
    assert report["meetings"]["meetings"][0]["questions"][1]["answer"] is None
    assert report["council_reviews"][0]["reviewed_on"] == "2026-11-24"


@pytest.mark.parametrize("role", ["voice_officer", "senior_leader", "board_member"])
def test_only_council_members_mark_a_report_reviewed(api_as, role):
    assert api_as(role).post(f"/api/v1/councils/reports/{PERIOD}/review").status_code == 403


def test_a_period_that_is_not_one_is_refused_by_name(have_a_voice):
    response = have_a_voice.post("/api/v1/councils/reports/someday/review")
    assert response.status_code == 422 and "period" in response.json["errors"]


def test_the_board_report_prints_the_meetings_and_when_each_council_reviewed_it(clock, api_as, have_a_voice,
                                                                                 officer):
    _meeting(officer)
    have_a_voice.post(f"/api/v1/councils/reports/{PERIOD}/review")
    html = api_as("board_member").get(f"{REPORT}?format=html").get_data(as_text=True)
    assert "Why do workers change so often?" in html and "We are hiring more." in html
    assert "Have a Voice Council: reviewed on 2026-11-24" in html and "not reviewed yet" in html


def test_the_young_people_s_report_prints_their_questions_and_answers(clock, have_a_voice, officer):
    _meeting(officer)
    html = have_a_voice.get(f"{REPORT}?format=html").get_data(as_text=True)
    assert "You asked: Can we have wifi in every home? We have not answered yet." in html


def test_council_members_get_survey_tell_us_and_complaint_figures_already_suppressed(clock, have_a_voice):
    report = have_a_voice.get(REPORT).json
    assert {"surveys", "tell_us", "themes", "promises"} <= set(report)
    assert set(report["tell_us"]) == {"total", "by_kind", "acknowledged", "answered", "satisfaction",
                                      "complaints_by_stage"}
    assert set(report["tell_us"]["total"]) == {"value", "display"}
