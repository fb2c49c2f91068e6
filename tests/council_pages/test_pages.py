"""Council members review the report in a browser: sign in, mark priorities, comment, see what leads did and
their meetings, mark the report reviewed, and choose how to hear; only anonymised figures ever show."""
import re

import pytest
import sqlalchemy as sa

from tests.factories import STAFF_PASSWORD, MessageFactory, StaffFactory, SurveyFactory, YoungPersonFactory
from tests.reports import builders
from voiceapp.auth.actors import Actor
from voiceapp.auth.models import Council, Role
from voiceapp.extensions import db
from voiceapp.messaging import tasks
from voiceapp.people import services as people
from voiceapp.reports.services import reviews
from voiceapp.reports.models import CouncilComment, CouncilPriority, CouncilReview
from voiceapp.surveys.models import QuestionKind

PERIOD = "2026-H2"


class Browser:
    """A test client that keeps cookies and fills in the form token like a page."""

    def __init__(self, app):
        self.client = app.test_client()
        self.client.environ_base["wsgi.url_scheme"] = "https"

    def get(self, path):
        return self.client.get(path, base_url="https://voice.example.org")

    def post(self, path, data=None, *, token=True):
        data = dict(data or {})
        if token:
            data["csrf_token"] = self.csrf_token()
        return self.client.post(path, data=data, base_url="https://voice.example.org")

    def csrf_token(self):
        page = self.get("/council/sign-in").get_data(as_text=True)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        return found.group(1) if found else ""

    def sign_in(self, user, next_page=""):
        return self.post(f"/council/sign-in?next={next_page}", {"email": user.email, "password": STAFF_PASSWORD})


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


@pytest.fixture
def browser(app):
    return Browser(app)


@pytest.fixture
def member(app):
    return StaffFactory(role=Role.COUNCIL_MEMBER, council=Council.HAVE_A_VOICE)


@pytest.fixture
def signed_in(browser, member, clock):
    assert browser.sign_in(member).status_code == 303
    return browser


def test_a_council_member_signs_in_and_sees_their_council_s_report(signed_in):
    page = signed_in.get("/council/")
    assert page.status_code == 200 and "Have a Voice Council" in text_of(page)
    assert page.headers["Cache-Control"] == "no-store"


def test_the_pages_ask_for_sign_in_first(browser):
    page = browser.get("/council/themes")
    assert page.status_code == 401 and 'name="password"' in page.get_data(as_text=True)


def test_a_wrong_password_shows_the_form_again_with_the_reason(browser, member):
    page = browser.post("/council/sign-in", {"email": member.email, "password": "not it at all"})
    assert page.status_code == 401 and "not right" in text_of(page)


def test_staff_are_not_given_a_council_session(browser, clock):
    officer = StaffFactory(role=Role.VOICE_OFFICER)
    assert browser.sign_in(officer).status_code == 401
    assert browser.get("/council/").status_code == 401


def test_marking_a_theme_as_a_priority_and_taking_it_back(signed_in):
    marked = signed_in.post("/council/priorities/mark", {"priority": "3", "period": PERIOD})
    assert marked.status_code == 303 and db.session.scalar(sa.select(sa.func.count()).select_from(CouncilPriority)) == 1
    assert "Your priority" in text_of(signed_in.get(f"/council/themes?period={PERIOD}"))
    signed_in.post("/council/priorities/remove", {"priority": "3", "period": PERIOD})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CouncilPriority)) == 0


def test_a_comment_is_saved_under_the_council_and_shown(signed_in):
    signed_in.post("/council/comments", {"body": "Workers must ring back.", "priority": "3", "period": PERIOD})
    comment = db.session.scalar(sa.select(CouncilComment))
    assert (comment.council, comment.period) == (Council.HAVE_A_VOICE, PERIOD)
    assert "Workers must ring back." in text_of(signed_in.get(f"/council/themes?period={PERIOD}"))


def test_an_empty_comment_is_refused_beside_its_field(signed_in):
    page = signed_in.post("/council/comments", {"body": "", "period": PERIOD})
    assert page.status_code == 422 and "Write your comment" in text_of(page)
    assert db.session.scalar(sa.select(CouncilComment)) is None


def test_a_form_without_its_token_changes_nothing(signed_in):
    page = signed_in.post("/council/priorities/mark", {"priority": "3", "period": PERIOD}, token=False)
    assert page.status_code == 400 and db.session.scalar(sa.select(CouncilPriority)) is None


def test_a_priority_with_no_action_says_so_and_a_linked_action_shows(signed_in, api_as):
    signed_in.post("/council/priorities/mark", {"priority": "3", "period": PERIOD})
    assert "No action yet" in text_of(signed_in.get("/council/what-leads-did"))
    officer = api_as("voice_officer")
    action = officer.post("/api/v1/actions", json={"what": "Workers ring back within a day", "who": "Head of Service",
                                                   "priority": 3}).json
    mark = officer.get(f"/api/v1/councils/reports/{PERIOD}/priorities").json[0]
    officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    page = text_of(signed_in.get("/council/what-leads-did"))
    assert "Workers ring back within a day" in page and "No action yet" not in page


def test_the_council_marks_the_report_reviewed(signed_in):
    assert signed_in.post("/council/reviewed", {"period": PERIOD}).status_code == 303
    assert db.session.scalar(sa.select(CouncilReview)).council == Council.HAVE_A_VOICE
    assert "reviewed this report on" in text_of(signed_in.get("/council/"))


def test_meetings_show_the_questions_and_answers_of_this_council_only(signed_in, api_as):
    officer = api_as("voice_officer")
    for council, question in (("have_a_voice", "Why do workers change?"), ("care_leavers", "Other council's")):
        officer.post("/api/v1/councils/meetings", json={
            "kind": "head_of_service", "council": council, "held_on": "2026-11-10", "title": "Autumn",
            "questions": [{"question": question, "answer": "We are hiring."}]})
    page = text_of(signed_in.get("/council/meetings"))
    assert "Why do workers change?" in page and "We are hiring." in page and "Other council's" not in page


def test_the_figures_page_shows_only_suppressed_figures_never_words_or_numbers(signed_in):
    MessageFactory(body="My worker Dave never rings 07911 123456")
    page = signed_in.get("/council/figures")
    assert page.status_code == 200
    assert "Dave" not in text_of(page) and "07911" not in text_of(page)
    assert "fewer than 6 young people" in text_of(page)


def test_choosing_texts_without_a_number_says_so_beside_the_field(signed_in):
    page = signed_in.post("/council/messages-to-you", {"choice": "text"})
    assert page.status_code == 422 and "mobile number" in text_of(page)


def test_choosing_texts_with_a_number_is_saved(signed_in, member):
    saved = signed_in.post("/council/messages-to-you", {"choice": "text", "phone": "07911 123456"})
    assert saved.status_code == 303 and "Saved" in text_of(signed_in.get(saved.headers["Location"]))


def _tell_then_stop_texts(signed_in, member, clock):
    signed_in.post("/council/messages-to-you", {"choice": "text", "phone": "07911 123456"})
    clock.move_to("2026-11-24 22:30Z")
    reviews.notify_report_ready(actor=Actor.for_staff(StaffFactory(role=Role.VOICE_OFFICER)), period=PERIOD)
    person = YoungPersonFactory()
    people.attach_phone(person, "07911 123456")
    person.sms_opted_out_at = person.created_at       # the number texts STOP before the morning
    db.session.flush()
    clock.move_to("2026-11-25 08:30Z")
    tasks.dispatch_due_sms()
    signed_in.sign_in(member)          # the evening's session has timed out by the morning


def test_a_member_sees_their_text_was_not_sent_and_why(signed_in, member, clock, sent_sms):
    _tell_then_stop_texts(signed_in, member, clock)
    page = text_of(signed_in.get(f"/council/?period={PERIOD}"))
    assert ("Our message that this report is ready: By text message: not sent, because your number has "
            "stopped texts from us") in page and sent_sms == []


def test_a_member_sees_their_email_was_sent_in_their_language(app, signed_in, clock, sent_email):
    reviews.notify_report_ready(actor=Actor.for_staff(StaffFactory(role=Role.VOICE_OFFICER)), period=PERIOD)
    assert "By email: sent to you" in text_of(signed_in.get(f"/council/?period={PERIOD}"))
    signed_in.get("/language/ar?next=/council/")
    arabic = text_of(signed_in.get(f"/council/?period={PERIOD}"))
    assert "sent to you" not in arabic and len(sent_email) == 1


def test_the_pages_are_in_arabic_when_chosen(signed_in):
    signed_in.get("/language/ar?next=/council/")
    page = signed_in.get("/council/")
    assert 'lang="ar" dir="rtl"' in page.get_data(as_text=True)


def test_signing_out_ends_the_session(signed_in):
    signed_in.post("/council/sign-out")
    assert signed_in.get("/council/").status_code == 401


def test_a_script_reads_the_pages_with_a_council_member_s_bearer_token(api_as, clock):
    assert api_as("council_member").get("/council/").status_code == 200
    assert api_as("board_member").get("/council/").status_code == 403


def _translated_survey():
    survey = SurveyFactory(translations={"ar": {"title": "بيتك"}}, questions=[
        dict(kind=QuestionKind.SINGLE_CHOICE, prompt="Where do you live?", options=["Foster home", "My own place"],
             translations={"ar": {"prompt": "أين تعيش؟", "options": ["عائلة حاضنة", "مكاني الخاص"]}}),
        dict(kind=QuestionKind.YES_NO, prompt="Do you know your plan?")])
    builders.respond(YoungPersonFactory(), survey, {1: 1, 2: 1}, submitted="2026-11-20 10:00")
    return survey


def test_the_figures_page_in_arabic_shows_survey_questions_and_dates_in_arabic(signed_in):
    _translated_survey()
    signed_in.get("/language/ar?next=/council/")
    page = text_of(signed_in.get(f"/council/figures?period={PERIOD}"))
    assert "أين تعيش؟" in page and "عائلة حاضنة" in page and "مكاني الخاص" in page and "بيتك" in page
    assert "Where do you live?" not in page and "Foster home" not in page
    assert "من 1 أكتوبر 2026 إلى 31 مارس 2027" in page and "October" not in page


def test_a_question_without_a_translation_is_shown_in_english_in_arabic_pages(signed_in):
    _translated_survey()
    signed_in.get("/language/ar?next=/council/")
    page = text_of(signed_in.get(f"/council/figures?period={PERIOD}"))
    assert "Do you know your plan?" in page and "نعم" in page


@pytest.mark.parametrize("language, first", [("fa", "از 1 اکتبر 2026 تا 31 مارس 2027"),
                                             ("ps", "له 1 اکتوبر 2026 څخه تر 31 مارچ 2027 پورې"),
                                             ("ckb", "لە 1ی تشرینی یەکەمی 2026 تا 31ی ئازاری 2027"),
                                             ("vi", "Từ 1 tháng 10, 2026 đến 31 tháng 3, 2027")])
def test_the_period_is_written_in_the_page_s_language(signed_in, language, first):
    signed_in.get(f"/language/{language}?next=/council/")
    assert first in text_of(signed_in.get(f"/council/?period={PERIOD}"))


@pytest.mark.parametrize("language, theme", [("ps", "له پاملرنې وتل"), ("vi", "Rời khỏi chăm sóc"),
                                             ("ar", "مغادرة الرعاية")])
def test_the_themes_are_named_in_the_page_s_language(signed_in, language, theme):
    signed_in.get(f"/language/{language}?next=/council/")
    page = text_of(signed_in.get(f"/council/themes?period={PERIOD}"))
    assert theme in page and "Leaving care" not in page


def test_a_share_of_nobody_is_a_dash_read_out_in_words_not_a_z(signed_in):
    page = signed_in.get(f"/council/figures?period={PERIOD}").get_data(as_text=True)
    assert "(z)" not in text_of(signed_in.get(f"/council/figures?period={PERIOD}"))
    assert "no share: nobody answered" in page


def test_what_staff_wrote_keeps_its_own_direction_in_a_right_to_left_page(signed_in, api_as):
    api_as("voice_officer").post("/api/v1/councils/meetings", json={
        "kind": "head_of_service", "council": "have_a_voice", "held_on": "2026-11-10", "title": "Autumn",
        "questions": [{"question": "Why do workers change so often?", "answer": "We are hiring."}]})
    signed_in.get("/language/fa?next=/council/")
    page = signed_in.get("/council/meetings").get_data(as_text=True)
    assert "<bdi>Why do workers change so often?</bdi>" in page and "<bdi>We are hiring.</bdi>" in page


def test_what_leads_did_shows_an_action_in_the_member_s_language_where_it_was_written_in_it(signed_in, api_as):
    signed_in.post("/council/priorities/mark", {"priority": "3", "period": PERIOD})
    officer = api_as("voice_officer")
    action = officer.post("/api/v1/actions", json={
        "what": "Workers ring back within a day", "who": "Head of Service", "priority": 3,
        "what_translations": {"ar": "يتصل العاملون خلال يوم"}}).json
    mark = officer.get(f"/api/v1/councils/reports/{PERIOD}/priorities").json[0]
    officer.post(f"/api/v1/councils/priorities/{mark['id']}/actions", json={"action_id": action["id"]})
    signed_in.get("/language/ar?next=/council/")
    arabic = text_of(signed_in.get("/council/what-leads-did"))
    signed_in.get("/language/fa?next=/council/")
    farsi = text_of(signed_in.get("/council/what-leads-did"))
    assert "يتصل العاملون خلال يوم" in arabic and "Workers ring back within a day" not in arabic
    assert "Workers ring back within a day" in farsi
