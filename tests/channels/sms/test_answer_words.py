"""The forgiving SMS answers in each language voiceapp speaks, typed the ways young people type them."""
import pytest

from voiceapp.channels.sms.answers import parse_rating, parse_yes_no


@pytest.mark.parametrize("language, text, rating", [
    ("fa", "بله", "kept"), ("fa", "آره", "kept"), ("fa", "ye kam", "partly"), ("fa", "تا حدودی", "partly"),
    ("fa", "نه", "not_kept"), ("fa", "نمی‌دونم", "dont_know"), ("fa", "نمیدونم", "dont_know"),
    ("fa", "namidunam", "dont_know"),
    ("ps", "هو", "kept"), ("ps", "یو څه", "partly"), ("ps", "هیڅکله", "not_kept"), ("ps", "نه پوهیږم", "dont_know"),
    ("ckb", "بەڵێ", "kept"), ("ckb", "بەلێ", "kept"), ("ckb", "هەندێک", "partly"), ("ckb", "نەخێر", "not_kept"),
    ("ckb", "نازانم", "dont_know"),
    ("vi", "có", "kept"), ("vi", "vang", "kept"), ("vi", "hơi hơi", "partly"), ("vi", "mot chut", "partly"),
    ("vi", "không", "not_kept"), ("vi", "ko", "not_kept"), ("vi", "không biết", "dont_know"),
    ("vi", "khong biet", "dont_know"),
    ("sq", "po", "kept"), ("sq", "pak", "partly"), ("sq", "jo", "not_kept"), ("sq", "nuk e di", "dont_know"),
    ("sq", "sdi", "dont_know"), ("sq", "kurrë", "not_kept"), ("sq", "kurre", "not_kept"),
    ("ti", "እወ", "kept"), ("ti", "ewe", "kept"), ("ti", "ቁሩብ", "partly"), ("ti", "ኣይፋል", "not_kept"),
    ("ti", "ኣይፈልጥን", "dont_know"),
    ("am", "አዎ", "kept"), ("am", "awo", "kept"), ("am", "ትንሽ", "partly"), ("am", "አይደለም", "not_kept"),
    ("am", "አላውቅም", "dont_know"), ("am", "alawqm", "dont_know"),
])
def test_a_promise_rating_is_read_from_each_language_s_own_words(language, text, rating):
    assert parse_rating(text, language) == rating


@pytest.mark.parametrize("language, text, answer", [
    ("fa", "بله", True), ("fa", "باشه", True), ("fa", "نه", False),
    ("ps", "هو", True), ("ps", "نه", False),
    ("ckb", "بەڵێ", True), ("ckb", "نەخێر", False),
    ("vi", "có", True), ("vi", "dc", True), ("vi", "không", False), ("vi", "khong", False),
    ("sq", "po", True), ("sq", "jo", False),
    ("ti", "እወ", True), ("ti", "ሕራይ", True), ("ti", "ኣይፋል", False),
    ("am", "አዎ", True), ("am", "እሺ", True), ("am", "አይ", False),
])
def test_yes_and_no_are_read_in_each_language(language, text, answer):
    assert parse_yes_no(text, language) is answer


@pytest.mark.parametrize("text", ["k", "u", "ay", "dung"])
def test_a_word_meaning_something_else_in_english_is_not_read_as_another_language_s_answer(text):
    # "k" is "no" in Vietnamese txt-speak but "ok" in English; "ay" is "no" in Amharic but "aye" in English.
    assert parse_rating(text, "en") is None and parse_yes_no(text, "en") is None


def test_a_young_person_s_words_count_whatever_language_they_chose():
    assert parse_rating("نمیدونم", "en") == "dont_know"
    assert parse_rating("dunno", "vi") == "dont_know"
