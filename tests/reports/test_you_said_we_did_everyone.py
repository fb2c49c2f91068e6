"""'You said, we did' reaches everyone who raised the theme, however they said it, once each and in their own
language; survey invitations go in each person's language too."""
import sqlalchemy as sa
from flask_babel import force_locale

from tests.factories import SurveyFactory
from tests.reports import builders as b
from voiceapp import crypto
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundMessage
from voiceapp.reports.models import ThemeMention
from voiceapp.surveys.invitations import INVITATION


def _texts(purpose):
    return {row.young_person_id: crypto.decrypt(row.body_encrypted) for row in db.session.scalars(
        sa.select(OutboundMessage).where(OutboundMessage.purpose == purpose))}


def _raised_by_index(young, source, when="2026-08-03 09:00"):
    db.session.add(ThemeMention(priority_id=b.theme(3).id, source=source, young_person_id=young.id,
                                said_at=b.at(when)))
    db.session.flush()


def test_a_promise_comment_or_survey_answer_that_raised_the_theme_is_told_once_in_their_language(api_as, clock):
    clock.move_to("2026-09-01 10:00Z")
    by_comment = b.person(phone="07911 123451", language="ar")
    by_survey = b.person(phone="07911 123452")
    by_both = b.person(phone="07911 123453")
    _raised_by_index(by_comment, "promise_comment")
    _raised_by_index(by_survey, "survey")
    _raised_by_index(by_both, "survey")
    _raised_by_index(by_both, "promise_comment")
    b.message(by_both, "2026-08-03 09:00", themes=[3])
    lead = api_as("priority_lead")
    created = lead.post("/api/v1/actions", json={"what": "More youth workers", "who": "Head of Service",
                                                 "priority": 3, "status": "done"}).json
    assert lead.post(f"/api/v1/actions/{created['id']}/tell-young-people").status_code == 200
    told = db.session.scalars(sa.select(OutboundMessage.young_person_id)
                              .where(OutboundMessage.purpose == "you_said_we_did")).all()
    assert sorted(told) == sorted([by_comment.id, by_survey.id, by_both.id])      # once each
    texts = _texts("you_said_we_did")
    assert texts[by_survey.id].startswith("You told us about")
    assert not texts[by_comment.id].startswith("You told us about")              # Arabic for an Arabic reader


def test_a_survey_invitation_goes_in_each_person_s_language(api_as, app, clock):
    survey = SurveyFactory()
    english = b.person(phone="07911 123454")
    arabic = b.person(phone="07911 123455", language="ar")
    assert api_as("voice_officer").post(f"/api/v1/surveys/{survey.id}/invitations").status_code == 202
    texts = _texts("survey_invite")
    assert texts[english.id].startswith("A new survey is open")
    with app.test_request_context(), force_locale("ar"):
        opening = str(INVITATION).split("%")[0]
    assert texts[arabic.id].startswith(opening) and opening != "A new survey is open: "
