"""The one language registry (issue #13): config, schemas, pages and channels all read it."""
from pathlib import Path

import pytest

from voiceapp import create_app, languages
from voiceapp.config import ConfigError
from voiceapp.i18n import LANGUAGE_NAMES, RIGHT_TO_LEFT, text_direction
from voiceapp.people.schemas import ProfileUpdateSchema, YoungPersonCreateSchema
from voiceapp.tellus.casework_schemas import TemplateInSchema

ROOT = Path(__file__).resolve().parent.parent


def test_the_registry_holds_the_languages_young_people_in_leeds_speak():
    assert languages.CODES == ("en", "ar", "fa", "ps", "ti", "ckb", "vi", "sq", "am")
    assert RIGHT_TO_LEFT == {"ar", "fa", "ps", "ckb"}
    for language in languages.REGISTRY:
        assert language.english and language.native and language.direction in ("ltr", "rtl")
        assert language.sms_encoding in (languages.GSM7, languages.UCS2)
        assert language.review in (languages.SOURCE, languages.REVIEWED, languages.UNREVIEWED)
        assert LANGUAGE_NAMES[language.code] == language.native
    assert text_direction("ckb") == "rtl" and text_direction("fa_AF") == "rtl" and text_direction("vi") == "ltr"


def test_every_registered_language_with_a_catalog_is_offered_unless_configuration_narrows_it(app):
    with_catalog = [code for code in languages.TRANSLATED if (ROOT / "translations" / code).is_dir()]
    assert app.config["LANGUAGES"] == ("en", *with_catalog)
    assert {"en", "ar", "fa", "ps", "ckb", "vi"} <= set(app.config["LANGUAGES"])


def test_configuration_can_narrow_the_languages_offered():
    app = create_app({"TESTING": True, "LANGUAGES": ["en", "fa"], "DATABASE_URL": "sqlite://"})
    assert app.config["LANGUAGES"] == ("en", "fa")


def test_an_unregistered_language_in_configuration_is_refused():
    with pytest.raises(ConfigError, match="registered"):
        create_app({"TESTING": True, "LANGUAGES": ["en", "xx"], "DATABASE_URL": "sqlite://"})


@pytest.mark.parametrize("code", languages.CODES)
def test_schemas_accept_every_registered_language(code):
    assert ProfileUpdateSchema().validate({"language": code}) == {}
    assert "language" not in YoungPersonCreateSchema().validate({"language": code})
    assert "language" not in TemplateInSchema().validate({"language": code})


def test_schemas_refuse_a_language_that_is_not_registered():
    assert "language" in ProfileUpdateSchema().validate({"language": "xx"})


def test_a_locale_with_a_region_is_its_registered_language():
    assert languages.base("fa_AF") == "fa" and languages.base("vi-VN") == "vi" and languages.base("xx") == "en"


def test_every_registered_language_has_a_safeguarding_lexicon():
    from voiceapp.safeguarding import screening
    assert screening.missing_lexicons() == ()
