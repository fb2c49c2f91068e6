"""Every seeded survey speaks every registered language: each title, question and option has its words, and
each question as it is texted stays within two SMS segments, one where the language allows (issue #13)."""
import pytest
from flask_babel import force_locale

from voiceapp import languages
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.sms.flows import survey as sms_survey
from voiceapp.i18n import numbers_in_order
from voiceapp.messaging.segments import measure
from voiceapp.surveys.seed import seed_surveys


@pytest.fixture
def questions(app, clock):
    return [(survey, question) for survey in seed_surveys(actor=SYSTEM)
            for question in survey.versions[0].questions]


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_every_seeded_title_question_and_option_has_words_in_the_language(questions, code):
    for survey, question in questions:
        assert survey.translations[code]["title"], survey.key
        words = question.translations.get(code) or {}
        assert words.get("prompt") and words["prompt"] != question.prompt, (survey.key, question.position)
        assert len(words.get("options", [])) == len(question.options), (survey.key, question.position)
        assert all(words.get("options", [])), (survey.key, question.position)


def texted(question, total, code):
    with force_locale(code):
        return numbers_in_order(sms_survey.question_text(question, total))


@pytest.mark.parametrize("code", languages.CODES)
def test_each_seeded_question_as_texted_fits_two_segments(app, questions, code):
    with app.test_request_context():
        for survey, question in questions:
            text = texted(question, len(survey.versions[0].questions), code)
            assert measure(text).segments <= 2, (measure(text), text)


@pytest.mark.parametrize("code", ["en", "sq"])
def test_in_gsm7_languages_every_question_but_the_six_housing_choices_fits_one_segment(app, questions, code):
    with app.test_request_context():
        longer = [q.position for s, q in questions
                  if measure(texted(q, len(s.versions[0].questions), code)).segments > 1]
    assert longer == [6]     # care leavers' "Where do you live?" with its six options: two segments


def test_albanian_questions_are_written_without_letters_that_force_ucs2(app, questions):
    with app.test_request_context():
        for survey, question in questions:
            assert measure(texted(question, len(survey.versions[0].questions), "sq")).encoding == "GSM-7"


def test_a_question_is_texted_in_the_young_person_s_language_with_its_options(app, questions):
    survey, question = next((s, q) for s, q in questions if s.key == "wellbeing-care-leavers" and q.position == 7)
    with app.test_request_context():
        text = texted(question, 15, "fa")
    assert text.startswith("7/15 آیا پولت برای غذا") and "1 همیشه, 2 معمولاً, 3 گاهی نه, 4 اغلب نه" in text
