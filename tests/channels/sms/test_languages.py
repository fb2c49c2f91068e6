"""Joining in one's own language (issue #13): the language question comes first, each language in its own
script; a hello in a language starts in it; a hello several languages share asks which of those."""
import pytest
from flask_babel import force_locale

from tests.conftest import twiml_texts
from voiceapp import languages
from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.keywords import greeting_languages, match_keyword
from voiceapp.people import services as people

PHONE = "+447911000333"


@pytest.fixture
def say(twilio):
    def send(body):
        return twiml_texts(twilio.sms(body, phone=PHONE))
    return send


def joined():
    return people.find_by_phone(PHONE)


def question(app):
    """The language question for every language offered (each registered one whose catalog is there)."""
    return "\n".join(f"{i} {languages.sms_name(c)}" for i, c in enumerate(app.config["LANGUAGES"], 1))


def test_a_text_that_says_no_language_is_answered_with_the_language_question_first(say, app):
    texts = say("what is this")
    assert texts == [question(app)]
    assert texts[0].startswith("1 English\n2 عربي\n3 فارسی\n4 پښتو")


@pytest.mark.parametrize("code", ["fa", "ps", "ckb", "vi", "ti", "sq", "am"])
def test_the_number_chosen_is_the_language_joined_in(say, app, code):
    if code not in app.config["LANGUAGES"]:
        # Only Tigrinya and Amharic may still lack a catalog; every other language here is offered.
        assert code in ("ti", "am"), f"{code} has a catalog, so it must be offered"
        pytest.skip(f"{code} has no catalog yet, so it is not offered")
    say("what is this")
    texts = say(str(app.config["LANGUAGES"].index(code) + 1))
    with app.test_request_context(), force_locale(code):
        assert texts == [prompts.privacy_text(), str(prompts.JOIN_COHORT)]
    say("1")
    texts = say("3")
    with app.test_request_context(), force_locale(code):
        assert str(prompts.JOIN_DONE) in texts
    assert joined().language == code and joined().age_band.value == "16-17"


def test_an_answer_that_is_no_choice_asks_the_language_question_again(say):
    first = say("??")
    assert say("banana") == first


@pytest.mark.parametrize("hello, code", [("xin chào", "vi"), ("Xin chao!", "vi"), ("përshëndetje", "sq"),
                                         ("Pershendetje", "sq"), ("سڵاو", "ckb"), ("درود", "fa"),
                                         ("ستړي مه شې", "ps"), ("مرحبا", "ar"), ("hiya", "en"),
                                         ("ከመይ ኣለኻ", "ti"), ("ጤና ይስጥልኝ", "am")])
def test_a_hello_in_one_language_starts_in_it(say, app, hello, code):
    texts = say(hello)
    if code not in app.config["LANGUAGES"]:        # no catalog yet: not offered, so the question is asked
        assert texts == [question(app)]
        return
    with app.test_request_context(), force_locale(code):
        assert texts[-1] == str(prompts.JOIN_COHORT)
    say("2")
    say("4")
    assert joined().language == code and joined().cohort.value == "care_leaver"


def test_salam_asks_which_of_the_languages_that_say_it(say):
    assert say("salam") == ["1 عربي\n2 فارسی\n3 پښتو\n4 کوردی"]
    say("3")
    say("1")
    say("1")
    assert joined().language == "ps"


def test_selam_in_ethiopic_letters_asks_tigrinya_or_amharic(say):
    assert say("ሰላም") == ["1 ትግርኛ\n2 አማርኛ"]
    say("1")
    say("1")
    say("1")
    assert joined().language == "ti"


def test_a_language_named_by_a_new_number_skips_the_question(say, app):
    texts = say("فارسی")
    with app.test_request_context(), force_locale("fa"):
        assert texts[-1] == str(prompts.JOIN_COHORT)


def test_every_language_has_its_name_greetings_and_command_words_and_none_clash():
    for language in languages.REGISTRY:
        assert language.words and language.greetings, language.code
        assert all(match_keyword(word).language == language.code for word in language.words)
        assert all(language.code in greeting_languages(word) for word in language.greetings)
        if language.code != "en":
            assert {"help", "menu", "unsafe", "opt_out"} <= set(language.keywords), language.code
            assert all(match_keyword(w).keyword.value == kind for kind, ws in language.keywords.items() for w in ws)


@pytest.mark.parametrize("text, code", [("سڵاو، من باشم", "ckb"), ("زه ښه نه یم", "ps"), ("من خوب نیستم", "fa"),
                                        ("أنا لست بخير", "ar"), ("tôi không ổn", "vi"), ("unë jam mirë", "sq"),
                                        ("ኣነ ጽቡቕ ኣይኮንኩን", "ti"), ("እኔ ደህና አይደለሁም", "am"), ("im ok", "en")])
def test_the_letters_of_a_text_tell_its_language_for_a_reply_before_we_know_the_sender(text, code):
    assert languages.written_in(text) == code


@pytest.mark.parametrize("reply, code, rating", [("بله", "fa", "kept"), ("نمیدونم", "fa", "dont_know"),
                                                 ("هو", "ps", "kept"), ("نه پوهېږم", "ps", "dont_know"),
                                                 ("نازانم", "ckb", "dont_know"), ("không biết", "vi", "dont_know"),
                                                 ("khong", "vi", "not_kept"), ("po", "sq", "kept"),
                                                 ("nuk e di", "sq", "dont_know"), ("እወ", "ti", "kept"),
                                                 ("አላውቅም", "am", "dont_know"), ("kinda", "fa", "partly")])
def test_answers_are_read_as_people_write_them_in_each_language(reply, code, rating):
    from voiceapp.channels.sms.answers import parse_rating
    assert parse_rating(reply, code) == rating


def test_i_am_not_sure_in_albanian_is_an_answer_not_the_unsafe_word():
    from voiceapp.channels.sms.answers import parse_rating
    assert match_keyword("nuk jam i sigurt") is None and parse_rating("nuk jam i sigurt", "sq") == "dont_know"


def test_the_word_on_the_amharic_menu_button_leaves_a_promise_check_for_the_menu(say, app):
    say("ጤና ይስጥልኝ")
    say("1")
    say("3")
    assert joined().language == "am"
    say("1")                                    # check the promise: its first question
    texts = say("ምናሌ")
    with app.test_request_context(), force_locale("am"):
        assert texts[-1] == str(prompts.MENU)
