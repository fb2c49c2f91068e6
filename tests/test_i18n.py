"""Every user-facing string is marked for translation and translated into every language offered (issue #13):
a language is offered once its catalog is there, and from then on no marked string may lack a translation."""
from pathlib import Path

import pytest

from voiceapp import catalogs, languages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extracted():
    return catalogs.extract(ROOT)


@pytest.mark.parametrize("language", languages.TRANSLATED)
def test_every_marked_string_has_a_translation_in_every_offered_language(app, extracted, language):
    result = catalogs.status(str(ROOT), language, extracted)
    if language not in app.config["LANGUAGES"]:
        # Not offered: only because it has no catalog yet (README "Adding a language").
        assert not result.exists
        return
    assert result.untranslated == (), f"run `flask translate update` and translate these into {language}"
    assert result.fuzzy == ()


@pytest.mark.parametrize("language", languages.TRANSLATED)
def test_each_catalog_header_records_the_language_s_review_status(language):
    path = Path(catalogs.catalog_path(str(ROOT), language))
    if path.exists():
        assert catalogs.status(str(ROOT), language, set()).header_review == languages.BY_CODE[language].review


def test_the_languages_built_here_are_offered():
    assert {"ar", "fa", "ps", "ckb", "vi", "ti", "am"} <= {code for code in languages.TRANSLATED
                                               if Path(catalogs.catalog_path(str(ROOT), code)).exists()}


def test_arabic_is_written_right_to_left():
    from voiceapp.i18n import text_direction
    assert text_direction("ar") == "rtl" and text_direction("en") == "ltr"


def test_translate_status_lists_every_offered_language_with_what_is_left(app):
    result = app.test_cli_runner().invoke(args=["translate", "status"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert set(lines) == set(app.config["LANGUAGES"])
    assert "machine-written, needs fluent-speaker review" in lines["fa"] and "untranslated   0" in lines["fa"]
    assert "source" in lines["en"]


def test_translate_status_counts_survey_questions_without_each_language(app, clock):
    from tests.factories import SurveyFactory
    from voiceapp.extensions import db
    SurveyFactory(title="Your home")        # written in English only, and still open
    db.session.flush()
    result = app.test_cli_runner().invoke(args=["translate", "status", "--strings"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines()[1:] if not line.startswith(" ")}
    for code in app.config["LANGUAGES"][1:]:
        # Every seeded question speaks every language; the English-only survey's five questions do not.
        assert "survey questions without it: seeded   0  in the database   5" in lines[code], lines[code]
    assert "survey question without it: Your home, question 1" in result.output


def test_a_question_lacks_a_language_without_its_prompt_or_a_word_for_every_option():
    from voiceapp.surveys.coverage import lacks
    assert not lacks({"fa": {"prompt": "کجا؟", "options": ["خانه", "مدرسه"]}}, ["Home", "School"], "fa")
    assert lacks({"fa": {"prompt": "کجا؟", "options": ["خانه"]}}, ["Home", "School"], "fa")
    assert lacks({"fa": {"prompt": "کجا؟", "options": ["خانه", ""]}}, ["Home", "School"], "fa")
    assert lacks({"ar": {"prompt": "أين؟"}}, [], "fa") and not lacks({"fa": {"prompt": "کجا؟"}}, [], "fa")
