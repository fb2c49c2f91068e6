"""Every user-facing string is marked for translation and translated into every supported language."""
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["ar"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "_l", "-k", "lazy_gettext", "-o", str(pot), "."], cwd=ROOT, check=True,
                   capture_output=True)
    with pot.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_has_a_translation(extracted, language):
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = {m.id: m.string for m in read_po(handle, locale=language) if m.id and not m.fuzzy}
    missing = sorted(msgid for msgid in extracted if not catalog.get(msgid))
    assert missing == [], "run `flask translate update` and translate these"


def test_arabic_is_written_right_to_left():
    from voiceapp.i18n import text_direction
    assert text_direction("ar") == "rtl" and text_direction("en") == "ltr"
