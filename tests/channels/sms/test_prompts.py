"""Every SMS prompt in every registered language is measured in segments (UCS-2 gives 70 characters): menus
and safety texts fit one, nothing runs past two (TW-11, TW-15, issue #13)."""
import pytest
from flask_babel import force_locale

from voiceapp import languages
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.flows import join
from voiceapp.i18n import numbers_in_order
from voiceapp.messaging.segments import measure

LANGUAGES = list(languages.CODES)
ONE_SEGMENT = [prompts.MENU, prompts.PRIVACY, prompts.HELP, prompts.HOLDING, prompts.JOIN_COHORT,
               prompts.JOIN_AGE, prompts.TELLUS_KIND, prompts.TELLUS_WANTS_REPLY,
               prompts.TELLUS_KIND_AFTER, prompts.TELLUS_ADDED, prompts.TELLUS_THANKS_REPLY,
               prompts.TELLUS_OFFER, prompts.TELLUS_NOT_SENT]
SAMPLE = {"url": "https://voice.example.org/privacy", "contact": "0113 000 0000", "n": 9, "total": 9,
          "text": "make sure you have lots of different people to support you", "date": "Tue 24 Nov",
          "ack": "Thu 3 Dec", "response": "Wed 16 Dec",
          "ref": "ABC123", "choices": "1 Your home, 2 School", "low": 1, "high": 5}


def rendered(prompt):
    """The prompt as it is sent: filled in, with grouped numbers kept in order in right-to-left languages."""
    text = str(prompt)
    return numbers_in_order(text % SAMPLE if "%(" in text else text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("prompt", ONE_SEGMENT, ids=lambda p: p._args[0][:30] if hasattr(p, "_args") else str(p)[:30])
def test_menus_and_safety_texts_fit_one_segment(app, language, prompt):
    with app.test_request_context(), force_locale(language):
        assert measure(rendered(prompt)).segments == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_prompt_runs_past_two_segments(app, language):
    with app.test_request_context(), force_locale(language):
        for prompt in prompts.ALL:
            text = rendered(prompt)
            assert measure(text).segments <= 2, text


def test_the_language_question_names_every_language_in_its_own_script_in_one_segment(app):
    with app.app_context():
        offered = join.offered()
        question = join.language_question(offered)
        every = join.language_question(list(languages.CODES))
    assert measure(question).segments == 1 and measure(every).segments == 1, every
    assert question.splitlines()[:3] == ["1 English", "2 عربي", "3 فارسی"]
    assert [line.split(" ", 1)[1] for line in question.splitlines()] == [languages.sms_name(c) for c in offered]


def test_arabic_is_counted_as_ucs2(app):
    with app.test_request_context(), force_locale("ar"):
        assert measure(rendered(prompts.MENU)).encoding == "UCS-2"


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_names_999_childline_and_the_service(app, language):
    with app.test_request_context(), force_locale(language):
        text = prompts.help_text()
    assert "999" in text and "0800 1111" in text and "0113 000 0000" in text


@pytest.mark.parametrize("language", ["ar", "fa", "ps", "ckb"])
def test_phone_numbers_in_a_right_to_left_help_text_are_kept_in_order(app, language):
    with app.test_request_context(), force_locale(language):
        text = numbers_in_order(prompts.help_text())
    assert "\u200e0800 1111\u200e" in text and "\u200e0113 000 0000\u200e" in text
