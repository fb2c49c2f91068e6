"""Free SMS replies read as answers: forgiving of spelling, case, emoji and language, but never guessing."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from voiceapp.channels.sms.answers import (
    RATING_WORDS, YES_NO_WORDS, parse_choice, parse_choices, parse_menu_choice, parse_rating, parse_scale,
    parse_yes_no,
)

RATINGS = {"kept", "partly", "not_kept", "dont_know", "skip"}
THUMBS_UP = ["👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "👍️"]
SHRUGS = ["🤷", "🤷‍♀️", "🤷‍♂️", "🤷🏽", "🤷🏽‍♀️", "🤷🏿‍♂️", "🤷🏻‍♀"]


@pytest.mark.parametrize("body, rating", [
    ("1", "kept"), ("2", "partly"), ("3", "not_kept"), ("4", "dont_know"), ("0", "skip"),
    ("١", "kept"), ("٢", "partly"), ("٣", "not_kept"), ("٤", "dont_know"), ("٠", "skip"), ("۳", "not_kept"),
    (" 1. ", "kept"), ("3!", "not_kept"), ("1️⃣", "kept"), ("２", "partly"),
])
def test_a_digit_0_to_4_in_western_or_arabic_indic_form_is_a_rating(body, rating):
    assert parse_rating(body, "en") == rating


@pytest.mark.parametrize("body, rating", [
    *[(w, "kept") for w in ["yes", "y", "yeah", "yep", "yh", "ya", "ye", "yes!!", "YES", "Yes.", "def", "totally",
                            "yesss", "Yeahhh"]],
    *[(w, "partly") for w in ["kind of", "kinda", "sort of", "sorta", "a bit", "sometimes", "partly", "half", "meh",
                              "ish", "Kinda.", "sort-of", "so-so", "50/50"]],
    *[(w, "not_kept") for w in ["no", "n", "nope", "nah", "naa", "never", "not really", "NO!", "noooo",
                                "no, not really", "nah never"]],
    *[(w, "dont_know") for w in ["dunno", "idk", "don't know", "dont know", "don’t know", "not sure", "?", "??",
                                 "no idea", "IDK!", "i don't know", "no idea tbh"]],
    *[(w, "skip") for w in ["skip", "pass", "next", "Skip.", "PASS"]],
    ("yes please", "kept"), ("no thanks x", "not_kept"), ("yes 👍", "kept"), ("2 kinda", "partly"),
])
def test_english_rating_words_and_common_forms(body, rating):
    assert parse_rating(body, "en") == rating


@pytest.mark.parametrize("body, rating", [
    *[(w, "kept") for w in ["نعم", "أيوه", "ايوه", "ايوا", "أيوا", "اه", "آه", "نعم!", "نعمممم", "aywa"]],
    *[(w, "partly") for w in ["نوعا ما", "نوعاً ما", "شوي", "شوية", "أحيانا", "احيانا", "أحياناً"]],
    *[(w, "not_kept") for w in ["لا", "لأ", "لااا", "أبدا", "ابدا", "أبداً", "لا.", "la2"]],
    *[(w, "dont_know") for w in ["لا أعرف", "لا اعرف", "ما بعرف", "مش عارف", "؟", "مدري"]],
    *[(w, "skip") for w in ["تخطي", "تخطى"]],
])
def test_arabic_rating_words_and_common_forms(body, rating):
    assert parse_rating(body, "ar") == rating


@pytest.mark.parametrize("body, rating", [("yes", "kept"), ("نعم", "kept"), ("لا", "not_kept"), ("idk", "dont_know")])
@pytest.mark.parametrize("language", ["en", "ar", "ar-SA", "ku", None])
def test_a_rating_is_understood_whatever_the_reader_s_language(body, rating, language):
    assert parse_rating(body, language) == rating


@pytest.mark.parametrize("body", THUMBS_UP + ["✅", "😀", "✔️", "👍👍👍"])
def test_a_thumbs_up_in_any_skin_tone_a_tick_or_a_smile_is_kept(body):
    assert parse_rating(body, "en") == "kept"


@pytest.mark.parametrize("body, rating", [
    *[(e, "not_kept") for e in ["👎", "👎🏾", "❌", "😡", "😢"]],
    *[(e, "dont_know") for e in SHRUGS],
    ("😐", "partly"),
])
def test_rating_emoji_in_every_variant(body, rating):
    assert parse_rating(body, "en") == rating


@pytest.mark.parametrize("body", ["", "   ", ".", "5", "10", "11", "yes no", "👍👎", "1 3", "hello",
                                  "no he never rings me back", "not", "maybe yes", "a", "yes " * 20,
                                  "I don't want to talk about it", "stop"])
def test_a_rating_that_cannot_be_understood_is_none(body):
    assert parse_rating(body, "en") is None


@pytest.mark.parametrize("language, table", sorted(RATING_WORDS.items()))
def test_every_rating_phrase_is_reachable_and_survives_repeated_letters(language, table):
    for rating, phrases in table.items():
        for phrase in phrases:
            assert parse_rating(phrase, language) == rating, phrase
            if phrase[-1].isalpha():
                assert parse_rating(phrase + phrase[-1] * 3, language) == rating, phrase


@pytest.mark.parametrize("body, answer", [
    *[(w, True) for w in ["yes", "Y", "yeah", "Yep!", "sure", "ok", "👍", "👍🏿", "✅", "نعم", "أيوه", "اه", "yes please"]],
    *[(w, False) for w in ["no", "N", "nah", "Nope.", "👎", "❌", "لا", "لأ", "no thanks", "not really"]],
])
def test_yes_and_no_in_both_languages_and_emoji(body, answer):
    assert parse_yes_no(body, "en") is answer
    assert parse_yes_no(body, "ar") is answer


@pytest.mark.parametrize("body", ["", "1", "2", "maybe", "yes no", "idk", "?", "no idea", "👍👎"])
def test_digits_doubt_and_mixed_replies_are_not_yes_or_no(body):
    assert parse_yes_no(body, "en") is None


@pytest.mark.parametrize("language, table", sorted(YES_NO_WORDS.items()))
def test_every_yes_no_phrase_is_reachable(language, table):
    for answer, phrases in table.items():
        for phrase in phrases:
            assert parse_yes_no(phrase, language) is answer, phrase


@pytest.mark.parametrize("body, low, high, value", [
    ("4", 1, 5, 4), (" 4/5 ", 1, 5, 4), ("4 / 5", 1, 5, 4), ("four", 1, 5, 4), ("Four.", 1, 5, 4),
    ("٤", 1, 5, 4), ("٤/٥", 1, 5, 4), ("4 out of 5", 1, 5, 4), ("أربعة", 1, 5, 4), ("اربعه", 1, 5, 4),
    ("٤ من ٥", 1, 5, 4), ("ten", 1, 10, 10), ("10/10", 1, 10, 10), ("١٠", 1, 10, 10), ("عشرة", 1, 10, 10),
    ("0", 0, 10, 0), ("zero", 0, 10, 0), ("1", 1, 5, 1), ("5!", 1, 5, 5), ("4️⃣", 1, 5, 4),
])
def test_a_scale_answer_as_digit_fraction_or_word(body, low, high, value):
    assert parse_scale(body, low, high) == value


@pytest.mark.parametrize("body, low, high", [
    ("6", 1, 5), ("0", 1, 5), ("11", 1, 10), ("eleven", 1, 10), ("-1", -5, 5), ("-1", 1, 5), ("3-4", 1, 5),
    ("4/10", 1, 5), ("4.5", 1, 5), ("four five", 1, 5), ("4 5", 1, 5), ("", 1, 5), ("good", 1, 5),
    ("9" * 5000, 1, 5), ("4 stars", 1, 5),
])
def test_a_scale_answer_out_of_range_or_unclear_is_rejected(body, low, high):
    assert parse_scale(body, low, high) is None


@pytest.mark.parametrize("body, count, choices", [
    ("1 3", 5, [1, 3]), ("1,3", 5, [1, 3]), ("1, 3", 5, [1, 3]), ("1&3", 5, [1, 3]), ("1 and 3", 5, [1, 3]),
    ("1 AND 3.", 5, [1, 3]), ("1+3", 5, [1, 3]), ("1/3", 5, [1, 3]), ("13", 5, [1, 3]), ("13", 9, [1, 3]),
    ("3 1 3", 5, [3, 1]), ("1 1", 5, [1]), ("١ ٣", 5, [1, 3]), ("١و٣", 5, [1, 3]), ("1 و 3", 5, [1, 3]),
    ("a c", 5, [1, 3]), ("A, C", 5, [1, 3]), ("ب ج", 5, [2, 3]), ("one and three", 5, [1, 3]),
    ("2", 5, [2]), ("13", 15, [13]), ("10 12", 15, [10, 12]), ("all", 3, [1, 2, 3]), ("All of them", 2, [1, 2]),
    ("الكل", 2, [1, 2]), ("options 1 and 3", 5, [1, 3]),
])
def test_multiple_choices_in_every_common_form(body, count, choices):
    assert parse_choices(body, count) == choices


@pytest.mark.parametrize("body, count", [
    ("1 6", 5), ("6", 5), ("0", 5), ("10", 9), ("16", 5), ("13", 12), ("1-3", 5), ("1 and maybe 3", 5),
    ("", 5), ("   ", 5), ("f", 5), ("1", 0), ("yes", 5), ("👍", 5),
])
def test_multiple_choices_out_of_range_or_unclear_are_rejected(body, count):
    assert parse_choices(body, count) is None


@pytest.mark.parametrize("body, count, choice", [
    ("2", 3, 2), (" 2. ", 3, 2), ("٢", 3, 2), ("option 2", 3, 2), ("two", 3, 2), ("b", 3, 2), ("B", 3, 2),
    ("ب", 3, 2), ("12", 12, 12), ("1️⃣", 3, 1), ("#3", 3, 3), ("(1)", 3, 1),
])
def test_a_single_choice_by_number_word_or_letter(body, count, choice):
    assert parse_choice(body, count) == choice


@pytest.mark.parametrize("body, count", [
    ("4", 3), ("0", 3), ("d", 3), ("11", 5), ("12", 5), ("1 3", 3), ("13", 3), ("all", 3), ("", 3), ("one", 0),
])
def test_a_single_choice_out_of_range_or_with_several_answers_is_rejected(body, count):
    assert parse_choice(body, count) is None


@pytest.mark.parametrize("body, choice", [
    *[(str(n), n) for n in range(1, 10)], ("١", 1), ("٩", 9), ("۳", 3), ("1.", 1), (" 2 ", 2), ("1️⃣", 1),
])
def test_a_menu_choice_is_one_digit_1_to_9(body, choice):
    assert parse_menu_choice(body) == choice


@pytest.mark.parametrize("body", ["0", "10", "one", "", "1 2", "12", "a", "menu", "٠"])
def test_anything_but_one_digit_1_to_9_is_not_a_menu_choice(body):
    assert parse_menu_choice(body) is None


LANGUAGES = st.one_of(st.none(), st.sampled_from(["en", "ar", "ar-SA", "ku", ""]), st.text(max_size=8))


@given(st.text(), LANGUAGES, st.integers(-3, 30), st.integers(-10, 10), st.integers(-10, 20))
def test_no_parser_ever_raises_and_each_stays_in_its_range(body, language, count, low, high):
    assert parse_rating(body, language) in RATINGS | {None}
    assert parse_yes_no(body, language) in (True, False, None)
    scale = parse_scale(body, low, high)
    assert scale is None or low <= scale <= high
    choice = parse_choice(body, count)
    assert choice is None or 1 <= choice <= count
    choices = parse_choices(body, count)
    assert choices is None or (choices and len(set(choices)) == len(choices)
                               and all(1 <= c <= count for c in choices))
    assert parse_menu_choice(body) in (None, *range(1, 10))


@given(st.lists(st.sampled_from(["1", "2", "3", "٢", " ", ",", "&", " and ", "b", "+"]), max_size=12),
       st.integers(1, 9))
def test_multiple_choice_fragments_never_raise_and_never_repeat(parts, count):
    choices = parse_choices("".join(parts), count)
    assert choices is None or len(set(choices)) == len(choices)
