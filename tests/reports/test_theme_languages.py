"""The starting theme rules of each language voiceapp speaks count its young people's words in the right
priority, and do not count the common words that only look like a keyword."""
import pytest

from voiceapp.reports.matching import Matcher, Rule
from voiceapp.reports.services import keywords


@pytest.fixture(scope="module")
def themes_of():
    matcher = Matcher([Rule(f"{language}:{number}:{keyword}", number, keyword, language)
                       for language, themes in keywords._starting_rules().items()
                       for number, words in themes.items() for keyword in words])
    return lambda text: sorted({rule.priority_id for rule in matcher.matches(text)})


@pytest.mark.parametrize("language", ["fa", "ps", "ckb", "vi", "sq", "ti", "am"])
def test_every_language_has_starting_rules_for_all_six_priorities(language):
    assert set(keywords._starting_rules()[language]) == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("text, themes", [
    ("میخوام برم دانشگاه", [1]), ("دلم برای مامانم تنگ شده", [2]), ("حرفمو گوش نمیدن", [3]),
    ("خیلی استرس دارم", [4]), ("پول هفتگیم کمه", [5]), ("میخوام فوتبال بازی کنم", [6]),
    ("غواړم پوهنتون ته لاړ شم", [1]), ("مور مې یاده ده", [2]), ("څوک نه وايي چې څه کیږي", [3]),
    ("ډاکټر ته ځم", [4]), ("اونیزې پیسې کمې دي", [5]), ("فوټبال مو وکړ", [6]),
    ("دەمەوێت بچمە زانکۆ", [1]), ("بیری دایکم دەکەم", [2]), ("گوێم لێ ناگرن", [3]),
    ("دەچمە لای دکتۆر", [4]), ("کرێی خانوو گرانە", [5]), ("حەزم لە تۆپی پێ", [6]),
    ("tôi muốn học đại học", [1]), ("toi muon hoc dai hoc", [1]), ("tôi nhớ mẹ", [2]),
    ("không ai nghe tôi", [3]), ("tôi đi bác sĩ", [4]), ("tiền thuê nhà đắt", [5]), ("tôi thích bóng đá", [6]),
    ("dua të shkoj në universitet", [1]), ("më mungon mamaja", [2]), ("nuk më dëgjojnë", [3]),
    ("shkova te doktori", [4]), ("qiraja është e shtrenjtë", [5]), ("luajtëm futboll", [6]),
    ("ናብ ዩኒቨርሲቲ ክኸይድ እደሊ", [1]), ("ኣደይ ናፊቐያ", [2]), ("ኣይሰምዑንን", [3]), ("ናብ ሓኪም ኬደ", [4]),
    ("ናይ ሰሙን ገንዘብ ውሑድ እዩ", [5]), ("ኩዕሶ ተጻዊትና", [6]),
    ("ዩኒቨርሲቲ መግባት እፈልጋለሁ", [1]), ("እናቴ ናፈቀችኝ", [2]), ("አይሰሙኝም", [3]), ("ወደ ሐኪም ሄድኩ", [4]),
    ("የቤት ኪራይ ውድ ነው", [5]), ("እግር ኳስ እወዳለሁ", [6]),
])
def test_a_young_person_s_words_count_in_their_priority(themes_of, text, themes):
    assert themes_of(text) == themes


@pytest.mark.parametrize("text", [
    "کارت اتوبوس کار نمیکنه",        # Farsi "it doesn't work" is not work or training
    "اپلیکیشن کار نه کوي",            # nor in Pashto
    "ئەپەکە کار ناکات",               # nor in Sorani
    "tôi làm ở nhà hàng",             # Vietnamese "restaurant" (nhà hàng) is not home
    "para te gjitheve",               # Albanian "in front of everyone" is not money
    "i am not sure",                  # Albanian "not" (swimming) is not a rule: English "not" is everywhere
    "call me tomorrow",               # unmarked Vietnamese "me" (mum) is not a rule either
    "ትምህርት ቤት ጥሩ ነበር",               # Amharic "school" (a school house) is school, not home
])
def test_common_words_that_look_like_a_keyword_do_not_count(themes_of, text):
    assert 2 not in themes_of(text) and 5 not in themes_of(text) and 6 not in themes_of(text)
    assert not themes_of(text) or text.startswith("ትምህርት")
