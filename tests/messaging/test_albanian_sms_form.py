"""Albanian texts go as GSM-7 (160 characters a segment): every text to an Albanian speaker is sent with ë and
ç written e and c, as Albanian is usually typed on phones, whoever wrote it; the web keeps the letters."""
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext

from tests.factories import YoungPersonFactory
from voiceapp import crypto, languages
from voiceapp.channels.sms.services import holding_reply
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.messaging import services
from voiceapp.messaging.bulk import queue_bulk_sms
from voiceapp.messaging.models import OutboundMessage
from voiceapp.messaging.segments import measure
from voiceapp.people.models import YoungPerson
from voiceapp.safeguarding import replies

ROOT = Path(__file__).resolve().parents[2]
# The modules whose strings are texted: the SMS conversation, updates on a Tell Us message (also shown on the
# web thread, so they keep ë there), sign-in codes, survey invitations, "you said, we did", council notices,
# the duty team's texts and the young people's status words the updates reuse.
SMS_MODULES = ("voiceapp/channels/sms/", "voiceapp/tellus/wording.py", "voiceapp/tellus/notifications.py",
               "voiceapp/tellus/models.py", "voiceapp/auth/codes.py", "voiceapp/surveys/invitations.py",
               "voiceapp/reports/services/actions.py", "voiceapp/reports/services/reviews.py",
               "voiceapp/safeguarding/contact.py", "voiceapp/safeguarding/replies.py",
               "voiceapp/young_people/words.py")
READ_BY_A_LEADER = "U lexua nga një drejtues i lartë. Po e shqyrton."


def texted_strings(code):
    """The catalog's words for every texted string; English's are the msgids of the Arabic catalog."""
    catalog = read_po((ROOT / "translations" / (code if code != "en" else "ar") / "LC_MESSAGES" / "messages.po")
                      .open(encoding="utf-8"))
    for message in catalog:
        if message.id and any(path.startswith(SMS_MODULES) for path, _ in message.locations):
            words = message.id if code == "en" else message.string
            yield from (words if isinstance(words, tuple) else (words,))


def gsm7_languages():
    return [language.code for language in languages.REGISTRY if language.sms_encoding == languages.GSM7]


def test_the_registry_records_albanian_texts_as_gsm7():
    assert languages.BY_CODE["sq"].sms_encoding == "GSM-7"


def test_albanian_is_folded_to_gsm7_and_other_languages_are_left_alone():
    assert languages.sms_form("Ç'kemi, çfarë bëre? Ë", "sq") == "Ç'kemi, cfare bere? E"
    assert languages.sms_form("Zoë", "en") == "Zoë" and languages.sms_form("مرحبا", "ar") == "مرحبا"


@pytest.mark.parametrize("code", gsm7_languages())
def test_every_string_we_text_in_a_gsm7_language_goes_as_gsm7(code):
    strings = [text for text in texted_strings(code) if text]
    not_gsm7 = [text for text in strings if measure(languages.sms_form(text, code)).encoding != "GSM-7"]
    assert not_gsm7 == []


@pytest.mark.parametrize("code", gsm7_languages())
@pytest.mark.parametrize("kind", ["message", "unsafe"])
def test_the_crisis_reply_in_a_gsm7_language_goes_as_gsm7_in_one_or_two_segments(app, code, kind):
    with app.test_request_context(), force_locale(code):
        text = languages.sms_form(replies.crisis_reply(code, unsafe=kind == "unsafe"), code)
    assert measure(text).encoding == "GSM-7" and measure(text).segments <= 2 and "0800 1111" in text


def test_the_holding_and_crisis_reply_an_albanian_number_gets_back_has_no_e_with_diaeresis(app):
    with app.test_request_context():
        twiml = holding_reply(risk=True, language="sq")
    assert "Childline" in twiml and "ë" not in twiml and "ç" not in twiml


def outbox_bodies(person):
    rows = db.session.scalars(sa.select(OutboundMessage).where(OutboundMessage.young_person_id == person.id))
    return [(crypto.decrypt(row.body_encrypted), row.segments) for row in rows]


def test_a_status_update_also_shown_on_the_web_reaches_an_albanian_speaker_as_one_gsm7_segment(app, clock):
    person = YoungPersonFactory(phone="07911 123456", language="sq")
    with transaction():
        services.send_sms(young_person_id=person.id, body=READ_BY_A_LEADER, purpose="tellus_update")
    [(body, parts)] = outbox_bodies(person)
    assert body == "U lexua nga nje drejtues i larte. Po e shqyrton."
    assert measure(body).encoding == "GSM-7" and parts == 1


def test_staff_words_to_an_albanian_speaker_are_folded_too_and_to_anyone_else_left_as_written(app, clock):
    albanian = YoungPersonFactory(phone="07911 123456", language="sq")
    english = YoungPersonFactory(phone="07911 123452", language="en")
    words = "Faleminderit, Zoë. Do të të telefonoj sot."
    with transaction():
        for person in (albanian, english):
            services.send_sms(young_person_id=person.id, body=words, purpose="tellus_update")
    assert outbox_bodies(albanian)[0][0] == "Faleminderit, Zoe. Do te te telefonoj sot."
    assert outbox_bodies(english)[0][0] == words


def test_a_bulk_text_goes_to_each_young_person_in_the_sms_form_of_their_language(app, clock):
    albanian = YoungPersonFactory(phone="07911 123456", language="sq")
    english = YoungPersonFactory(phone="07911 123452", language="en")
    with app.test_request_context(), force_locale("sq"):
        body = gettext("Na fole për %(theme)s. Ju thatë, ne bëmë: %(what)s", theme="shkolla", what="më shumë takime")
    with transaction():
        queue_bulk_sms(audience=sa.select(YoungPerson.id).where(YoungPerson.id.in_([albanian.id, english.id])),
                       body=body, purpose="you_said_we_did")
    [(folded, parts)] = outbox_bodies(albanian)
    assert "ë" not in folded and measure(folded).encoding == "GSM-7" and parts == 1
    assert outbox_bodies(english)[0][0] == body
