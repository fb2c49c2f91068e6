"""Keywords: a whole one-word (or fixed two-word) message is a command; anything longer is a message."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from voiceapp import languages
from voiceapp.channels.sms import answers
from voiceapp.channels.sms.keywords import (
    KEYWORD_WORDS, LANGUAGE_WORDS, Keyword, KeywordMatch, fold, match_keyword, trim,
)

TWILIO_OPT_OUT = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]


def _variants(word):
    return [word, word.lower(), word.title(), f"  {word.lower()}!! ", f"{word.title()}.", f"{word}?", f'"{word}"',
            f"*{word}*", f"-{word}-", f"{word};", f"\t{word}\n", f"{word} 🛑", f"🙏{word}"]


@pytest.mark.parametrize("body", [v for word in TWILIO_OPT_OUT for v in _variants(word)])
def test_every_twilio_opt_out_word_in_any_case_with_stray_spaces_and_punctuation_opts_out(body):
    assert match_keyword(body) == KeywordMatch(Keyword.OPT_OUT)


@pytest.mark.parametrize("body", ["STOP ALL", "Stop all", "stop  all!", "stop-all", "OPT OUT", "opt out.",
                                  "Opt-Out", "opt_out", "ＳＴＯＰ", "توقف", "إيقاف", "ايقاف", "توقف.",
                                  "\u200fتوقف\u200f", "ستوب"])
def test_spaced_fullwidth_and_arabic_opt_out_forms_opt_out(body):
    assert match_keyword(body).keyword == Keyword.OPT_OUT


@pytest.mark.parametrize("body", ["yes", "YES", "Yes!", "yes.", " y ", "Yeah", "yep", "ok", "نعم", "👍"])
def test_yes_is_never_a_keyword_because_young_people_type_it_as_an_answer(body):
    assert match_keyword(body) is None


@pytest.mark.parametrize("body", ["stop bullying me", "please stop", "stop it", "I want to stop", "start again",
                                  "help me now", "I need help", "end of", "can I cancel my meeting", "not stop",
                                  "stopp", "st op", "menu please", "I feel unsafe", "english please", "s.t.o.p"])
def test_a_keyword_inside_a_longer_message_is_a_message_not_a_keyword(body):
    assert match_keyword(body) is None


@pytest.mark.parametrize("body", ["START", "start", "Start!", " unstop ", "UNSTOP.", "ابدأ", "إبدأ", "START 👍"])
def test_start_and_unstop_opt_back_in(body):
    assert match_keyword(body) == KeywordMatch(Keyword.OPT_IN)


@pytest.mark.parametrize("body", ["أبدا", "ابدا", "أبداً", "ابداً"])
def test_never_in_arabic_is_not_mistaken_for_start(body):
    assert match_keyword(body) is None


@pytest.mark.parametrize("body, keyword", [
    ("HELP", Keyword.HELP), ("help?", Keyword.HELP), ("Info", Keyword.HELP), ("INFO!", Keyword.HELP),
    ("مساعدة", Keyword.HELP), ("مساعده", Keyword.HELP), ("مسـاعدة", Keyword.HELP), ("معلومات", Keyword.HELP),
    ("MENU", Keyword.MENU), ("menu.", Keyword.MENU), ("قائمة", Keyword.MENU), ("القائمة", Keyword.MENU),
    ("UNSAFE", Keyword.UNSAFE), ("unsafe!!", Keyword.UNSAFE), ("NOT SAFE", Keyword.UNSAFE),
    ("not-safe", Keyword.UNSAFE), ("notsafe", Keyword.UNSAFE), ("غير آمن", Keyword.UNSAFE),
    ("غير امن", Keyword.UNSAFE), ("مش آمن", Keyword.UNSAFE), ("غَيْر آمِن", Keyword.UNSAFE),
])
def test_help_menu_and_unsafe_words_in_both_languages_are_keywords(body, keyword):
    assert match_keyword(body) == KeywordMatch(keyword)


@pytest.mark.parametrize("body", ["Nuk ndihem ne siguri", "nuk ndihem në siguri", "jam ne rrezik"])
def test_the_albanian_menu_choice_typed_back_as_words_is_unsafe(body):
    # The Albanian SMS menu spells option 5 without ë; a young person who copies its words must reach the duty team.
    assert match_keyword(body) == KeywordMatch(Keyword.UNSAFE)


@pytest.mark.parametrize("body, language", [
    ("ENGLISH", "en"), ("english", "en"), ("EN", "en"), ("En.", "en"), ("eng", "en"), ("انجليزي", "en"),
    ("ARABIC", "ar"), ("Arabic!", "ar"), ("ar", "ar"), ("عربي", "ar"), ("عربى", "ar"), ("العربية", "ar"),
    ("العربيه", "ar"),
])
def test_a_language_name_alone_switches_language(body, language):
    assert match_keyword(body) == KeywordMatch(Keyword.LANGUAGE, language)


@pytest.mark.parametrize("body", ["", "   ", "!!!", "...", "👍", "🛑", "?", "1", "0", "stop1", "hi"])
def test_empty_punctuation_emoji_and_ordinary_words_are_not_keywords(body):
    assert match_keyword(body) is None


@pytest.mark.parametrize("body", [None, 1, b"STOP", ["STOP"]])
def test_something_that_is_not_text_is_not_a_keyword(body):
    assert match_keyword(body) is None


def test_the_tables_cover_every_keyword_and_twilio_s_whole_opt_out_list():
    assert set(KEYWORD_WORDS) | {Keyword.LANGUAGE} == set(Keyword)
    assert {w.lower() for w in TWILIO_OPT_OUT} <= set(KEYWORD_WORDS[Keyword.OPT_OUT])
    assert list(LANGUAGE_WORDS) == list(languages.CODES)


def _answer_phrases():
    for table in (answers.RATING_WORDS, answers.YES_NO_WORDS):
        for by_value in table.values():
            yield from (phrase for phrases in by_value.values() for phrase in phrases)


@pytest.mark.parametrize("phrase", sorted(set(_answer_phrases())))
def test_no_answer_word_is_also_a_keyword(phrase):
    assert match_keyword(phrase) is None


@pytest.mark.parametrize("raw, folded", [
    ("ＳＴＯＰ", "stop"), ("أبداً", "أبدا"), ("إيقاف", "ايقاف"), ("مسـاعدة", "مساعده"), ("١٢٣", "123"),
    ("۴", "4"), ("👍🏽", "👍"), ("🤷🏽\u200d♀️", "🤷"), ("1️⃣", "1"), ("\u200fنعم", "نعم"),
])
def test_folding_removes_what_phones_vary_but_keeps_meaning(raw, folded):
    assert fold(raw) == folded


def test_loose_folding_also_drops_the_hamza_on_alef():
    assert fold("أيوه", loose_alef=True) == "ايوه"


def test_trim_strips_everything_but_letters_and_digits_at_the_edges():
    assert trim("  ¡Stop, now!! 👍 ") == "Stop, now"


@given(st.text())
def test_match_keyword_never_raises_on_arbitrary_text(body):
    result = match_keyword(body)
    assert result is None or isinstance(result.keyword, Keyword)


_ALL_WORDS = [w for words in KEYWORD_WORDS.values() for w in words] + [
    w for words in LANGUAGE_WORDS.values() for w in words]


@given(st.sampled_from(_ALL_WORDS), st.text(alphabet=" .!?,;:'\"*-\t🙂🛑"),
       st.text(alphabet=" .!?,;:'\"*-\n🙂🛑"))
def test_stray_punctuation_spaces_and_emoji_around_a_keyword_never_change_its_meaning(word, before, after):
    assert match_keyword(before + word + after) == match_keyword(word) is not None
