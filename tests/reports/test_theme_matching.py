"""Keyword rules match whole words and their forms, in each language's own rules, never parts of other words."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voiceapp.auth.actors import SYSTEM
from voiceapp.reports import periods
from voiceapp.reports.matching import Matcher, Rule, words
from voiceapp.reports.queries.themes import mentions
from voiceapp.reports.services import keywords

H2 = periods.parse("2026-H2")


def matched(keyword, text, language="en"):
    return bool(Matcher([Rule("r", "p", keyword, language)]).matches(text))


@pytest.mark.parametrize("keyword, text", [
    ("rent", "I miss my parents, everything is different"),
    ("grant", "My friend is an immigrant"),
    ("exam", "For example I never get asked"),
    ("home", "I have too much homework"),
    ("pa", "I went to the park"),
])
def test_a_keyword_inside_another_word_is_not_a_match(keyword, text):
    assert not matched(keyword, text)


@pytest.mark.parametrize("keyword, text", [
    ("rent", "My rent went up"),
    ("rent", "I am renting a room"),
    ("exam", "My exams are soon"),
    ("home", "I want to go HOME"),
    ("home", "moving between homes"),
    ("bin bag", "They moved my stuff in bin bags"),
    ("children's home", "I live in a childrens home"),
    ("counselling", "I need a counsellor... or counselling"),
])
def test_a_keyword_matches_its_whole_word_in_any_form_and_case(keyword, text):
    assert matched(keyword, text)


def test_a_phrase_matches_only_its_words_in_order():
    assert matched("my things", "Nobody cared about my things")
    assert not matched("my things", "things are not mine")


def test_arabic_rules_match_arabic_word_forms():
    assert matched("أمي", "أشتاق إلى أمّي كثيرا", language="ar")
    assert matched("المدرسة", "لا أحب مدرسة", language="ar")


def test_english_rules_never_match_arabic_text_and_arabic_rules_never_match_english():
    both = Matcher([Rule("en", "p", "mum", "en"), Rule("ar", "p", "أمي", "ar")])
    assert [r.id for r in both.matches("I miss my mum")] == ["en"]
    assert [r.id for r in both.matches("أشتاق إلى أمي")] == ["ar"]


def test_a_text_matching_two_rules_is_matched_by_both():
    rules = Matcher([Rule("a", "p", "mum", "en"), Rule("b", "p", "dad", "en")])
    assert {r.id for r in rules.matches("mum and dad")} == {"a", "b"}


@pytest.fixture
def seeded(app):
    keywords.seed_rules(actor=SYSTEM)


@pytest.mark.parametrize("body, theme", [
    ("I want to see my mum and my little brother more", 2),
    ("They moved me with my stuff in bin bags", 2),
    ("Nobody told me why I am in care", 3),
    ("I want an advocate to come to my review", 3),
    ("Can I have a say in where I live", 2),
    ("Can I do staying put with my foster carer", 5),
    ("I need help with money and my rent", 5),
    ("I'm worried about housing when I turn 18", 5),
    ("I want to join a football club", 6),
])
def test_the_starting_rules_count_what_young_people_say_most(seeded, yp, clock, body, theme):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": body})
    assert mentions(H2)[theme]["tell_us"] == 1


def test_the_starting_rules_count_arabic_messages(seeded, yp, clock):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "أريد أن أرى أمي وأخي"})
    assert mentions(H2)[2]["tell_us"] == 1


def test_a_message_about_parents_is_not_counted_as_leaving_care(seeded, yp, clock):
    yp.post("/api/v1/me/messages", json={"kind": "unhappy", "body": "I miss my parents, everything is different"})
    assert mentions(H2)[5]["tell_us"] == 0


def test_a_rule_in_a_language_the_service_does_not_speak_is_refused_naming_the_field(api_as):
    response = api_as("voice_officer").post("/api/v1/reports/theme-rules",
                                            json={"priority": 2, "keyword": "maison", "language": "xx"})
    assert response.status_code == 422
    assert "language" in response.get_data(as_text=True)


def test_the_same_keyword_can_be_a_rule_in_two_languages(api_as):
    officer = api_as("voice_officer")
    assert officer.post("/api/v1/reports/theme-rules", json={"priority": 6, "keyword": "gym"}).status_code == 201
    second = officer.post("/api/v1/reports/theme-rules", json={"priority": 6, "keyword": "gym", "language": "ar"})
    assert (second.status_code, second.json["language"]) == (201, "ar")


# --- the fast path finds exactly what searching every language's stems would ------------------------------------

def _searched_in_every_language(rules, text):
    """The plain way: the whole text as stems in each rule's language, searched for the rule's words."""
    return {r.id for r in rules if words(r.keyword, r.language).strip()
            and words(r.keyword, r.language) in words(text, r.language)}


RULES = [Rule(n, "p", keyword, language) for n, (keyword, language) in enumerate([
    ("rent", "en"), ("bin bag", "en"), ("my things", "en"), ("home", "en"), ("children's home", "en"),
    ("social worker", "en"), ("مال", "ar"), ("بيت", "ar"), ("social", "en"), ("worker", "en")])]
VOCABULARY = ["rent", "renting", "parents", "bin", "bags", "bag", "my", "things", "thing", "home", "homes",
              "homework", "children's", "childrens", "social", "worker", "workers", "the", "a", "مال", "بيت",
              "البيت", "I", "never"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=12))
def test_each_word_looked_up_once_finds_what_stemming_in_every_language_finds(said):
    text = " ".join(said)
    assert {r.id for r in Matcher(RULES).matches(text)} == _searched_in_every_language(RULES, text)


def test_a_text_in_no_rule_s_language_is_not_searched_in_it():
    matcher = Matcher(RULES)
    assert matcher.matches("nobody rings me back") == []
    assert {r.keyword for r in matcher.matches("my social worker took my things in bin bags")} == {
        "social worker", "social", "worker", "my things", "bin bag"}
