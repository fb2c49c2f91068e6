"""The crisis reply reaches a young person in every registered language: 999, Childline 0800 1111, in order,
in at most two SMS segments (issue #13)."""
import pytest

from voiceapp import languages
from voiceapp.messaging.segments import measure
from voiceapp.safeguarding.replies import CRISIS, crisis_reply


def test_every_registered_language_has_a_crisis_reply():
    assert set(CRISIS) == set(languages.CODES)


@pytest.mark.parametrize("code", languages.CODES)
@pytest.mark.parametrize("unsafe", [False, True])
def test_the_crisis_reply_keeps_the_numbers_and_fits_two_segments(app, code, unsafe):
    with app.app_context():
        text = crisis_reply(code, unsafe=unsafe)
    assert "999" in text and "0800 1111" in text
    assert measure(text).segments <= (1 if code == "en" else 2), (code, measure(text))


@pytest.mark.parametrize("code", ["ar", "fa", "ps", "ckb"])
def test_childline_s_number_is_kept_left_to_right_in_right_to_left_languages(app, code):
    with app.app_context():
        assert "\u200e0800 1111\u200e" in crisis_reply(code)
