"""What goes out to someone is in their own language (issue #13): the complaint closing letter, the council's
"report ready" notice, "you said, we did" and survey invitations, each checked in Farsi and Arabic: the words are
the language's (from its catalog, never English), and grouped phone numbers keep their order in the text."""
import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext

from tests.factories import StaffFactory, SurveyFactory, YoungPersonFactory
from tests.reports import builders as b
from voiceapp import crypto
from voiceapp.auth.models import Council, Role
from voiceapp.extensions import db
from voiceapp.messaging import tasks
from voiceapp.messaging.models import OutboundMessage
from voiceapp.reports.models import ThemeMention
from voiceapp.surveys.invitations import INVITATION
from voiceapp.tellus import wording

LRM = "\u200e"
RIGHT_TO_LEFT = ["fa", "ar"]


def words(code, text, **values):
    """The text in the language, as its catalog gives it: never the English."""
    def say():
        written = gettext(text) if isinstance(text, str) else str(text)
        return written % values if values else written
    with force_locale(code):
        said = say()
    with force_locale("en"):
        assert said != say(), f"{code} has no words for {text!r}"
    return said


def texts(purpose):
    return {row.young_person_id: crypto.decrypt(row.body_encrypted) for row in db.session.scalars(
        sa.select(OutboundMessage).where(OutboundMessage.purpose == purpose))}


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_the_complaint_closing_letter_is_texted_in_their_language_with_the_ombudsman_s_number_in_order(
        app, api_as, clock, sent_sms, code):
    person = YoungPersonFactory(language=code, phone="07911 123456")
    young, leader = api_as(young_person=person), api_as("senior_leader")
    message = young.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "Nobody rings me back",
                                                       "reply_channel": "sms"}).json
    leader.post(f"/api/v1/messages/{message['id']}/complaint")
    leader.post(f"/api/v1/messages/{message['id']}/complaint/advocacy")
    assert leader.post(f"/api/v1/messages/{message['id']}/status",
                       json={"status": "closed", "outcome": "not_upheld"}).status_code == 200
    clock.shift(60)
    tasks.dispatch_due_sms()
    letter = next(text["body"] for text in sent_sms if "0300 061 0614" in text["body"])
    with app.test_request_context():
        assert words(code, wording.LETTER_DONE) in letter
        assert words(code, wording.OUTCOMES[wording.Outcome.NOT_UPHELD]) in letter
    assert f"{LRM}0300 061 0614{LRM}" in letter and "The complaint" not in letter


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_a_council_member_is_emailed_that_the_report_is_ready_in_their_language(app, api_as, clock, sent_email,
                                                                                code):
    member = api_as("council_member", council=Council.HAVE_A_VOICE)
    assert member.put("/api/v1/councils/me/contact", json={"choice": "email", "language": code}).status_code == 200
    api_as("voice_officer").post("/api/v1/councils/reports/2026-H2/ready", json={})
    with app.test_request_context():
        subject = words(code, "The report for %(period)s is ready for your review", period="2026-H2")
    assert [mail["subject"] for mail in sent_email] == [subject]
    assert sent_email[0]["body"].startswith(subject) and "/council/" in sent_email[0]["body"]


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_you_said_we_did_is_texted_in_their_language(app, api_as, clock, code):
    clock.move_to("2026-09-01 10:00Z")
    young = b.person(phone="07911 123451", language=code)
    db.session.add(ThemeMention(priority_id=b.theme(3).id, source="survey", young_person_id=young.id,
                                said_at=b.at("2026-08-03 09:00")))
    db.session.flush()
    lead = api_as("priority_lead")
    action = lead.post("/api/v1/actions", json={"what": "More youth workers", "who": "Head of Service",
                                                "priority": 3, "status": "done"}).json
    assert lead.post(f"/api/v1/actions/{action['id']}/tell-young-people").status_code == 200
    with app.test_request_context():
        opening = words(code, "You told us about %(theme)s. You said, we did: %(what)s", theme="\0",
                        what="").split("\0")[0]
    assert texts("you_said_we_did")[young.id].startswith(opening)


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_a_survey_invitation_is_texted_in_their_language_with_its_closing_date_as_numbers(app, api_as, clock, code):
    survey = SurveyFactory(translations={code: {"title": "حالت چطور است؟"}})
    young = b.person(phone="07911 123455", language=code)
    assert api_as("voice_officer").post(f"/api/v1/surveys/{survey.id}/invitations").status_code == 202
    with app.test_request_context():
        expected = words(code, INVITATION, title="حالت چطور است؟", date="24/12")
    assert texts("survey_invite")[young.id] == expected
