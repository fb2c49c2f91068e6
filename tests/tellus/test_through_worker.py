"""'Yes, through my worker': the answer goes to their worker (or the team inbox) with a day to pass it on by,
the young person is texted that it went, and the staff page says where a reply goes, truthfully."""
import pytest
import sqlalchemy as sa

from tests.conftest import twiml_texts
from tests.factories import StaffFactory, YoungPersonFactory
from tests.staff_pages.test_pages import Browser
from voiceapp.extensions import db
from voiceapp.tellus.models import Message, MessageReply, ReplyChannel

PHONE = "+447911123456"
SID = "AC" + "0" * 32


@pytest.fixture
def twilio_api(app, httpserver):
    """The outbox through the real twilio client, pointed at a local fake of Twilio's REST API."""
    httpserver.expect_request(f"/2010-04-01/Accounts/{SID}/Messages.json", method="POST").respond_with_json(
        {"sid": "SM" + "1" * 32, "status": "queued"}, status=201)
    app.config.update(SMS_BACKEND="twilio", TWILIO_API_BASE=httpserver.url_for("").rstrip("/"),
                      TWILIO_MESSAGING_SERVICE_SID="MG" + "2" * 32)
    app.extensions.pop("voiceapp_sms", None)

    def texts_to(number):
        return [request.form["Body"] for request, _ in httpserver.log if request.form.get("To") == number]
    return texts_to


@pytest.fixture
def person(app):
    return YoungPersonFactory(phone="07911 123456")


def message_through_worker(twilio):
    for body in ("hi", "2", "2", "Nobody rings me back about my flat"):
        twiml_texts(twilio.sms(body, phone=PHONE))
    texts = twiml_texts(twilio.sms("through my worker", phone=PHONE))
    assert "answer you by" in texts[0]
    message = db.session.scalar(sa.select(Message))
    assert message.reply_channel == ReplyChannel.WORKER
    return message


def test_the_answer_goes_to_their_worker_to_pass_on_and_they_are_texted_that_it_went(
        twilio, person, api_as, sent_email, twilio_api, clock):
    message = message_through_worker(twilio)
    officer = api_as("voice_officer")
    assert officer.put(f"/api/v1/young-people/{person.id}/worker",
                       json={"worker_name": "Sam Jones", "worker_email": "Sam.Jones@leeds.example"}).status_code == 200
    assert api_as("senior_leader").post(f"/api/v1/messages/{message.id}/replies",
                                        json={"body": "We will move your flat repair up the list"}).status_code == 201
    to_worker = [email for email in sent_email if email["to"] == "sam.jones@leeds.example"]
    assert len(to_worker) == 1
    assert "We will move your flat repair up the list" in to_worker[0]["body"]
    assert "pass this on to them by" in to_worker[0]["body"] and "Dear Sam Jones" in to_worker[0]["body"]
    told = twilio_api(PHONE)
    assert any("sent our answer to your worker" in text for text in told)
    assert not any("flat repair" in text for text in told)      # the answer itself goes through the worker
    reply = db.session.scalar(sa.select(MessageReply).where(MessageReply.author_staff_id.is_not(None)))
    assert reply.delivered_to == "worker" and reply.pass_on_by > reply.created_at


def test_without_a_worker_on_record_the_answer_goes_to_the_team_inbox(twilio, person, api_as, sent_email, app):
    app.config["WORKER_TEAM_INBOX"] = "cla.team@leeds.example"
    message = message_through_worker(twilio)
    api_as("senior_leader").post(f"/api/v1/messages/{message.id}/replies", json={"body": "We are on it"})
    assert [e["to"] for e in sent_email if "Please pass on" in e["subject"]] == ["cla.team@leeds.example"]
    view = api_as("senior_leader").get(f"/api/v1/messages/{message.id}").json
    assert "team inbox" in view["reply_route"]
    assert [entry["delivered_to"] for entry in view["thread"] if entry["author"] == "staff"] == ["team_inbox"]


def test_the_staff_page_never_says_sent_by_worker_when_nobody_can_pass_it_on(twilio, person, app):
    app.config["WORKER_TEAM_INBOX"] = ""
    message = message_through_worker(twilio)
    leader = StaffFactory(role="senior_leader")
    browser = Browser(app)
    browser.sign_in(leader)
    page = browser.get(f"/staff/messages/{message.id}").get_data(as_text=True)
    assert "sent by worker" not in page
    assert "no worker or team inbox is on record" in page


def test_the_staff_page_names_the_worker_a_reply_will_go_to(twilio, person, app, api_as):
    message = message_through_worker(twilio)
    api_as("voice_officer").put(f"/api/v1/young-people/{person.id}/worker",
                                json={"worker_name": "Sam Jones", "worker_email": "sam@leeds.example"})
    browser = Browser(app)
    browser.sign_in(StaffFactory(role="senior_leader"))
    page = browser.get(f"/staff/messages/{message.id}").get_data(as_text=True)
    assert "By email to their worker, Sam Jones (sam@leeds.example)" in page


def test_a_worker_needs_a_real_email_address(api_as, person):
    response = api_as("voice_officer").put(f"/api/v1/young-people/{person.id}/worker",
                                           json={"worker_name": "Sam", "worker_email": "not an email"})
    assert response.status_code == 422 and "email" in str(response.json)
