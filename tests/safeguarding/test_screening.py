"""Screening free text for risk of harm: what it must catch, what it should leave alone, and how it reads."""
import pathlib

import pytest
import yaml

from voiceapp.safeguarding import normalise, screening
from voiceapp.safeguarding.screening import CATEGORIES, Hit, Screening, lexicon_languages, screen

CORPUS = pathlib.Path(__file__).parent / "corpus"
# Messages built to make a matcher backtrack or a normaliser loop (benchmarks/safeguarding.py times them).
HOSTILE = ["a" * 64_000, "kill myself " * 5_000, "بدي موت " * 8_000, "x" * 10 + "\u200b" * 50_000]
LANGUAGES = lexicon_languages()   # every lexicon must come with a corpus
MAX_FALSE_POSITIVE_RATE = 0.05


def corpus(language):
    data = yaml.safe_load((CORPUS / f"{language}.yaml").read_text(encoding="utf-8"))
    return data["risk"], data["ordinary"]


# ---- the corpus: every disclosure caught, few false alarms ---------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_risk_message_in_the_corpus_is_flagged_with_its_category(language):
    risk, _ = corpus(language)
    missed = [f"[{category}] {text}" for category, texts in risk.items() for text in texts
              if category not in screen(text, language).categories]
    assert not missed, "Missed disclosures - extend the lexicon, never delete the message:\n" + "\n".join(missed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_ordinary_messages_are_rarely_flagged(language):
    _, ordinary = corpus(language)
    flagged = [f"{text} -> {screen(text, language).categories}" for text in ordinary if screen(text, language).is_risk]
    rate = len(flagged) / len(ordinary)
    assert rate < MAX_FALSE_POSITIVE_RATE, f"{rate:.1%} of ordinary messages flagged:\n" + "\n".join(flagged)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_corpus_is_big_enough_and_covers_every_category(language):
    risk, ordinary = corpus(language)
    assert sum(map(len, risk.values())) >= 200
    assert len(ordinary) >= 200
    assert set(risk) == set(CATEGORIES)
    assert all(len(texts) >= 20 for texts in risk.values()), {c: len(t) for c, t in risk.items()}
    everything = [t for texts in risk.values() for t in texts] + ordinary
    assert all(isinstance(t, str) and t.strip() for t in everything), "a corpus line is empty or not text"
    assert len(everything) == len(set(everything)), "a message appears twice in the corpus"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_reachable(language, category):
    risk, _ = corpus(language)
    assert any(category in screen(text, language).categories for text in risk[category])


# ---- how young people actually write ----------------------------------------------------------------------

@pytest.mark.parametrize("text, category", [
    ("i want to kil myslef", "suicide_self_harm"),           # dropped and swapped letters
    ("i feel sucidal", "suicide_self_harm"),                  # a missing letter
    ("I WANT TO DIEEEEE", "suicide_self_harm"),               # capitals and stretched letters
    ("im gonna kms tonite", "suicide_self_harm"),             # txt-speak
    ("ikillmyself", "suicide_self_harm"),                     # no spaces at all
    ("wannadie", "suicide_self_harm"),                        # no spaces, and txt-speak
    ("imgonnakms", "suicide_self_harm"),
    ("selfharm again", "suicide_self_harm"),
    ("kill my self", "suicide_self_harm"),                    # a stray space
    ("k i l l myself", "suicide_self_harm"),                  # spaced-out letters
    ("i been cuttin again", "suicide_self_harm"),             # a dropped ending
    ("he tuches me", "sexual_abuse"),
    ("my carer hits me wen shes drunk", "harm_by_carer_or_worker"),
    ("got kicked out sleepin at the station", "missing_or_homeless"),
    ("bdi mout", "suicide_self_harm"),                        # Arabizi, in the Arabic lexicon
    ("وبيضربني ابوي", "physical_abuse"),                      # Arabic prefixes stuck to the word
    ("بدّي موت", "suicide_self_harm"),                        # tashkeel (shadda)
    ("أريد أن أموت", "suicide_self_harm"),                    # hamza on alef
    ("بدي اموووووت", "suicide_self_harm"),                     # stretched Arabic letters
    ("مابدي عيش", "suicide_self_harm"),                       # no space after a non-joining letter
])
def test_misspellings_txt_speak_and_missing_spaces_are_caught(text, category):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) or text.startswith("bdi") else "en"
    assert category in screen(text, language).categories


@pytest.mark.parametrize("text", [
    "my therapist is nice",             # not "the rapist": a match inside one word does not count
    "i want to dye my hair",            # "dye" is not read as "die"
    "the noise from the road",          # "noise" is not read as "noose"
    "my foster mum is cooking me tea",  # "cooking" is not read as "choking"
    "i want to do a plumbing course",   # two wrong letters are too many in an 8-letter word
])
def test_real_words_are_not_read_as_misspellings(text):
    assert not screen(text).is_risk


# ---- the lexicon's rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize("flagged, cancelled", [
    ("my mate hit me", "my mate hit me up on snap"),
    ("i hurt myself", "i hurt myself playing football"),
    ("i wanna end it", "i wanna end it with my boyfriend"),
    ("i got kicked out", "i got kicked out of class for talking"),
])
def test_unless_cancels_a_match_only_when_its_phrase_is_nearby(flagged, cancelled):
    assert screen(flagged).is_risk
    assert not screen(cancelled).is_risk


def test_unless_works_in_arabic_with_prefixes_attached():
    assert screen("ضربني ابوي", "ar").is_risk
    assert not screen("ضربني البرد امبارح", "ar").is_risk     # "the cold hit me": I caught a cold
    assert not screen("عندي سكينة صغيرة للفواكه", "ar").is_risk  # "للفواكه": ل + ال + fruit


@pytest.mark.parametrize("text", [
    "بيضربني ابوي", "ضربني ابوي", "عميضربني ابوي", "حيضربني ابوي", "سيضربني ابي", "ابوي ضربوني",
    "بيضربوني اهلي", "ابوي راح يضربني",
])
def test_one_listed_form_of_an_arabic_verb_stands_for_its_other_forms(text):
    assert "physical_abuse" in screen(text, "ar").categories


def test_arabic_verb_forms_keep_who_is_done_to_and_who_does_it():
    rules = screening._lexicon("ar").file.inflections
    keys = lambda word: {key for key, _ in normalise.inflection_keys(word, rules)}  # noqa: E731
    assert "ضرب+ني" in keys("بيضربوني") & keys("ضربني") & keys("عميضربني")
    assert keys("ضربها").isdisjoint(keys("ضربني"))                                  # hit her is not hit me
    assert not screen("لازم ابعت صوري لبطاقة الطالب", "ar").is_risk                # I send is not he sends
    assert not screen("ميت من الضحك على الفيديو", "ar").is_risk                     # laughter is not laughs at
    assert not screen("بنت", "ar").is_risk and normalise.inflection_keys("بنت", rules) == {("بنت+", "")}


@pytest.mark.parametrize("text, category", [
    ("ra7 yi2tlni hala2 sa3douni", "immediate_danger"),          # يقتلني by its consonants q-t-l-n
    ("ra7 yedba7ni", "immediate_danger"),                        # يذبحني
    ("law 2oltelhom 7a yedba7ni", "threat_to_keep_quiet"),
])
def test_arabizi_is_read_by_its_consonants_as_the_arabic_words(text, category):
    assert category in screen(text, "en").categories


@pytest.mark.parametrize("text", ["amoot mn el da7k 3ala hal video", "the 3rd time i texted", "khaki trousers"])
def test_arabizi_reading_leaves_laughter_and_english_alone(text):
    assert not screen(text).is_risk


def test_near_needs_its_companion_phrase():
    assert "harm_by_carer_or_worker" in screen("my carer hits me").categories
    assert "harm_by_carer_or_worker" not in screen("my brother hits me").categories
    assert "physical_abuse" in screen("my brother hits me").categories


@pytest.mark.parametrize("exploited, ordinary", [
    ("the guy i work for says im still in debt", "im in debt with my phone contract"),
    ("u owe us they said and now i gotta carry for them", "i owe my mate a fiver for the cinema"),
    ("they pick me up in a car at nite n drive me miles away", "my carers pick me up from football and drive me home"),
    ("they track my location on snap so they always know where i am", "my key worker tracks my savings on a spreadsheet"),
    ("i have to work for this guy or he says hell hurt me", "i have to work for my money now im 18"),
])
def test_owing_working_and_being_driven_count_only_with_a_sign_of_exploitation_nearby(exploited, ordinary):
    assert "criminal_exploitation" in screen(exploited).categories
    assert not screen(ordinary).is_risk


@pytest.mark.parametrize("text", ["they kept their promise", "my worker kept me updated", "Not kept"])
def test_an_english_word_is_not_read_as_another_language_s_teencode(text):
    # "kept" once split into Vietnamese teencode k + ep + t, "khong ep toi" ("doesn't force me")
    assert not screen(text).is_risk


def test_alone_phrases_count_only_as_the_whole_message():
    assert "immediate_danger" in screen("help me").categories
    assert not screen("can you help me with my cv").is_risk


def test_praise_and_idioms_are_not_flagged():
    for text in ["my PA is killing it", "she saved my life helping with college", "im dying to see my sister",
                 "my social worker is dead good", "I carried the shopping for my carer"]:
        assert not screen(text).is_risk, text


# ---- languages ---------------------------------------------------------------------------------------------

def test_empty_text_has_no_hits():
    for text in ["", None, "   ", "\n", "😀👍"]:
        result = screen(text)
        assert result == Screening() and not result.is_risk and result.categories == ()


@pytest.mark.parametrize("language", ["en", "ar", "fa", None])
def test_every_text_is_screened_with_every_lexicon_whatever_the_person_s_language(language):
    # A new number has no language yet, and a young person whose language is English may write Arabic.
    assert {hit.language for hit in screen("بدي موت", language).hits} == {"ar"}
    assert {hit.language for hit in screen("bdi mout", language).hits} == {"ar"}
    assert {hit.language for hit in screen("i want to die", language).hits} == {"en"}


def test_the_lexicons_screened_are_the_ones_installed(monkeypatch):
    monkeypatch.setattr(screening, "lexicon_languages", lambda: ("en",))
    assert not screening._screen_cached.__wrapped__("بدي موت").is_risk
    monkeypatch.setattr(screening, "lexicon_languages", lambda: ("ar", "en"))
    assert screening._screen_cached.__wrapped__("بدي موت").is_risk


def test_arabic_text_is_screened_with_both_lexicons():
    result = screen("بدي موت and he touches me", "ar")
    assert {hit.language for hit in result.hits} == {"ar", "en"}
    assert set(result.categories) >= {"suicide_self_harm", "sexual_abuse"}


def test_english_words_written_in_arabic_letters_are_caught():
    assert screen("بفكر بالسوسايد", "ar").is_risk   # "suicide" written in Arabic letters


@pytest.mark.parametrize("code", ["ar", "AR", "ar-SY", "ar_EG"])
def test_language_codes_with_regions_use_the_arabic_lexicon(code):
    assert screen("بدي موت", code).is_risk


# ---- what a screening says ---------------------------------------------------------------------------------

def test_a_screening_names_the_lexicon_entries_that_matched():
    result = screen("i want to die and they make me carry stuff")
    assert result.is_risk
    assert result.categories == ("criminal_exploitation", "suicide_self_harm")   # sorted, each once
    for hit in result.hits:
        assert isinstance(hit, Hit) and hit.category in CATEGORIES and hit.language == "en"
        assert hit.term in (pathlib.Path(normalise.__file__).parent / "lexicons" / "en.yaml").read_text()
    assert len(result.hits) == len(set(result.hits))


def test_a_huge_or_hostile_message_is_screened_like_any_other():
    # How long these take is printed by benchmarks/safeguarding.py.
    results = [screen(text, "ar") for text in HOSTILE]
    assert [result.is_risk for result in results] == [False, True, True, False]


def test_screening_is_a_pure_function():
    text = "my carer hits me wen shes drunk"
    assert screen(text, "en") == screen(text, "en")


def test_every_lexicon_loads_and_has_a_corpus():
    assert {"ar", "en"} <= set(lexicon_languages())
    for language in lexicon_languages():
        screen("warm up", language)   # loading raises ValueError on any unknown category or bad entry
        assert (CORPUS / f"{language}.yaml").exists(), f"lexicons/{language}.yaml needs a test corpus"


@pytest.mark.parametrize("data, problem", [
    ({"categories": {"sadness": ["sad"]}}, "unknown category"),
    ({"categories": {"neglect": [True]}}, "put it in quotes"),           # a bare `yes` in YAML
    ({"categories": {"neglect": [{"phrase": "x", "typo": 1}]}}, "may only have"),
    ({"categories": {"neglect": ["(a|b"]}}, "missing ')'"),
    ({"categories": {"neglect": ["{nolist} x"]}}, "unknown list"),
    ({"categories": {"neglect": ["*"]}}, "at least one real word"),
    ({"txt_speak": {"two words": "x"}}, "single word"),
    ({"txtspeak": {"u": "you"}}, "unknown section"),
    ({"settings": {"fuzzy_min_lenght": 5}}, "unknown section or setting"),
    ({"inflections": {"suffixes": ["ني"]}}, "inflections: unknown part"),
])
def test_a_mistake_in_a_lexicon_file_is_reported_plainly(data, problem):
    with pytest.raises(ValueError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        normalise.read_lexicon("xx", data, CATEGORIES)


def test_patterns_expand_alternatives_optional_words_and_lists():
    lists = {"carer": ["carer", "foster (mum|dad)"]}
    assert sorted(normalise.expand_pattern("my {carer} (really |)hits me", lists)) == sorted([
        "my carer really hits me", "my carer hits me", "my foster mum really hits me", "my foster mum hits me",
        "my foster dad really hits me", "my foster dad hits me"])
