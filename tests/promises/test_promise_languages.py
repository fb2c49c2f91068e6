"""The promise is seeded in every language its data gives (issue #13), and a language added later reaches
sets already in the database without changing a text staff have."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.promises import seed
from voiceapp.promises.models import Promise


def _promise(text):
    return db.session.scalar(sa.select(Promise).where(Promise.text == text).limit(1))


def test_seeded_promises_carry_farsi_pashto_sorani_vietnamese_tigrinya_and_amharic(app):
    seed.seed_all()
    promise = _promise("celebrate your achievements")
    assert {"ar", "fa", "ps", "ckb", "vi", "ti", "am"} <= set(promise.translations)
    assert promise.translations["vi"] == "ăn mừng những thành tích của bạn"
    assert promise.translations["am"] == "ስኬቶቻችሁን እናከብራለን"


def test_a_language_added_later_fills_in_without_touching_staff_edits(app):
    seed.seed_all()
    promise = _promise("celebrate your achievements")
    promise.translations = {"ar": "edited by staff"}
    db.session.flush()
    seed.seed_all()
    assert promise.translations["ar"] == "edited by staff" and "fa" in promise.translations


def test_seeded_surveys_carry_their_titles_in_each_language_given(app):
    from voiceapp.auth.actors import SYSTEM
    from voiceapp.surveys.seed import seed_surveys
    surveys = {survey.key: survey for survey in seed_surveys(actor=SYSTEM)}
    translations = surveys["wellbeing-10-12"].translations
    assert {"ar", "fa", "ps", "ckb", "vi", "ti", "am"} <= set(translations)
    assert translations["vi"]["title"].startswith("Mọi thứ") and translations["ti"]["title"].startswith("ከመይ")
