"""You said, we did in the young person's language: an action carries what was done in each language staff
wrote it in, and everyone hears it in theirs, or in English where it was not written in theirs."""
import pytest
import sqlalchemy as sa

from tests.reports import builders as b
from voiceapp import crypto
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundMessage

URL = "/api/v1/reports/2026-H1"
ENGLISH = "Social workers now text back within a day"
ARABIC = "الأخصائيون الاجتماعيون يردون الآن خلال يوم"
FARSI = "مددکاران اجتماعی اکنون ظرف یک روز پاسخ می‌دهند"


@pytest.fixture(autouse=True)
def frozen(clock):
    clock.move_to("2026-09-01 10:00Z")
    return clock


def action(client, **fields):
    body = {"what": ENGLISH, "who": "Head of Service", "priority": 3, **fields}
    return client.post("/api/v1/actions", json=body)


def raised_theme_3(language, phone):
    young = b.person(language=language, phone=phone)
    b.message(young, "2026-08-03 09:00", themes=[3])
    return young


def texted_to(person):
    row = db.session.scalar(sa.select(OutboundMessage).where(OutboundMessage.young_person_id == person.id,
                                                             OutboundMessage.purpose == "you_said_we_did"))
    return crypto.decrypt(row.body_encrypted)


def tell(officer, **fields):
    created = action(officer, status="done", what_translations={"ar": ARABIC, "fa": FARSI}, **fields).json
    assert officer.post(f"/api/v1/actions/{created['id']}/tell-young-people").status_code == 200
    return created


def test_an_arabic_and_a_farsi_speaker_are_texted_the_action_in_their_own_language(api_as):
    arabic = raised_theme_3("ar", "07911 123451")
    farsi = raised_theme_3("fa", "07911 123452")
    tell(api_as("voice_officer"))
    assert ARABIC in texted_to(arabic) and ENGLISH not in texted_to(arabic)
    assert FARSI in texted_to(farsi) and ENGLISH not in texted_to(farsi)


def test_a_language_the_action_was_not_written_in_hears_the_english(api_as):
    pashto = raised_theme_3("ps", "07911 123453")
    english = raised_theme_3("en", "07911 123454")
    tell(api_as("voice_officer"))
    assert ENGLISH in texted_to(pashto) and ENGLISH in texted_to(english)


def test_the_action_keeps_its_languages_and_a_blank_one_is_no_translation(api_as):
    created = action(api_as("voice_officer"), what_translations={"ar": f"  {ARABIC} ", "fa": "  "})
    assert created.status_code == 201 and created.json["what_translations"] == {"ar": ARABIC}


def test_the_languages_can_be_changed_later(api_as):
    officer = api_as("voice_officer")
    created = action(officer).json
    changed = officer.patch(f"/api/v1/actions/{created['id']}", json={"what_translations": {"fa": FARSI}})
    assert changed.status_code == 200 and changed.json["what_translations"] == {"fa": FARSI}


@pytest.mark.parametrize("languages", [{"xx": "words"}, {"en": "English goes in what"}, {"ar": "و" * 501}])
def test_a_language_that_is_not_offered_or_words_too_long_are_refused_naming_the_field(api_as, languages):
    refused = action(api_as("voice_officer"), what_translations=languages)
    assert refused.status_code == 422 and "what_translations" in str(refused.json)


def test_the_young_people_s_report_shows_the_action_in_the_reader_s_language(api_as):
    action(api_as("voice_officer"), status="done", what_translations={"ar": ARABIC})
    member = api_as("council_member")
    assert member.get(URL, headers={"Accept-Language": "ar"}).json["you_said_we_did"][0]["what"] == ARABIC
    assert member.get(URL, headers={"Accept-Language": "vi"}).json["you_said_we_did"][0]["what"] == ENGLISH
