"""Free SMS replies read as structured answers (ratings, yes/no, scales, choices) in every registered language."""
import functools
import re
from dataclasses import dataclass

from voiceapp.channels.sms.keywords import fold, trim

# Phrases are written naturally; they go through the same folding and tokenising as incoming texts, so case,
# apostrophes ("dont"/"don't"), hamza forms and repeated letters ("yesss", "لااا") need no extra entries.
RATING_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "kept": ("yes", "y", "yeah", "yeh", "yah", "yas", "yep", "yup", "yh", "ya", "ye", "yea", "def", "defo", "definitely",
                 "totally", "of course", "always", "kept"),
        "partly": ("kind of", "kinda", "sort of", "sorta", "a bit", "a little", "sometimes", "partly",
                   "partially", "half", "meh", "ish", "so so", "not always", "50/50"),
        "not_kept": ("no", "n", "nope", "nah", "naa", "na", "never", "not really", "not at all", "no way",
                     "not kept"),
        "dont_know": ("dunno", "idk", "don't know", "i don't know", "i dunno", "not sure", "unsure", "no idea",
                      "no clue", "maybe"),
        "skip": ("skip", "pass", "next", "no comment", "rather not say", "prefer not to say"),
    },
    "ar": {  # with Arabizi, for phones without an Arabic keyboard
        "kept": ("نعم", "أيوه", "ايوا", "اه", "أكيد", "طبعا", "دائما", "aywa", "aiwa", "na3am"),
        "partly": ("نوعا ما", "شوي", "شوية", "أحيانا", "نص نص", "مش دائما"),
        "not_kept": ("لا", "أبدا", "ولا مرة", "la", "laa", "la2"),
        "dont_know": ("لا أعرف", "ما بعرف", "مش عارف", "ما أعرف", "ما أدري", "مدري", "مش متأكد", "ma ba3ref"),
        "skip": ("تخطي", "التالي"),
    },
    # Machine-written like the catalogs (voiceapp/languages.py): a fluent speaker must check them. Latin
    # spellings are for phones without the script's keyboard.
    "fa": {
        "kept": ("بله", "آره", "آری", "حتما", "همیشه", "bale", "areh", "بلی", "البته", "baleh", "aare"),
        "partly": ("کمی", "یکم", "تا حدی", "گاهی", "بعضی وقتا", "yekam", "یه کم", "یه کمی", "تا حدودی", "بعضی وقت ها",
                   "نصفه", "ye kam", "ye kami"),
        "not_kept": ("نه", "نخیر", "هرگز", "اصلا", "nakheir", "هیچوقت", "nakhair", "hichvaght"),
        "dont_know": ("نمی‌دانم", "نمیدونم", "نمی دونم", "مطمئن نیستم", "nemidonam", "nemidunam", "نمیدانم",
                      "نمی دانم", "namidunam", "namidanam", "nemidanam"),
        "skip": ("رد", "بعدی", "بگذر"),
    },
    "ps": {
        "kept": ("هو", "هو کنه", "ho", "hao", "هوکې", "هو کې", "بالکل", "hoo", "hoke"),
        "partly": ("لږ", "یو څه", "کله کله", "lag", "لږ څه", "yaw sa", "kala kala"),
        "not_kept": ("نه", "هېڅکله", "هیڅکله", "hechkala", "hichkala"),
        "dont_know": ("نه پوهېږم", "نه پوهیږم", "na pohegam", "na pohigam", "نه پوهیدم", "na pohezham"),
        "skip": ("تېر", "تیر", "پرېږده"),
    },
    "ckb": {
        "kept": ("بەڵێ", "ئەرێ", "بەڵی", "بەلێ", "بەلی", "بلێ", "ئەری", "هەمیشە", "bale"),
        "partly": ("کەمێک", "هەندێک", "هەندێ جار", "kamek", "تا ڕادەیەک", "تا رادەیەک", "نیوە", "hendek",
                   "hende jar"),
        "not_kept": ("نا", "نەخێر", "هەرگیز", "nakher", "نەخیر", "naxer", "nexer", "hargiz"),
        "dont_know": ("نازانم", "دڵنیا نیم", "nazanm", "دلنیا نیم", "nazanim"),
        "skip": ("بازدان", "دواتر"),
    },
    "vi": {
        "kept": ("có", "vâng", "dạ", "ừ", "đúng", "co", "vang", "luôn luôn", "luon luon", "luôn", "luon", "chắc chắn",
                 "chac chan", "có chứ", "co chu"),
        "partly": ("một chút", "một phần", "đôi khi", "thỉnh thoảng", "hơi hơi", "mot chut", "doi khi", "chút chút",
                   "chut chut", "thinh thoang", "tàm tạm", "tam tam", "một nửa", "mot nua", "cũng được", "cung duoc",
                   "hoi hoi"),
        "not_kept": ("không", "ko", "chưa", "không bao giờ", "khong", "chua", "hok", "hông", "khong bao gio",
                     "chưa bao giờ", "chua bao gio"),
        "dont_know": ("không biết", "ko biết", "không rõ", "khong biet", "ko biet", "k biet", "hok biet", "chịu",
                      "chiu", "không chắc", "khong chac", "ko chac"),
        "skip": ("bỏ qua", "bo qua", "tiếp", "tiep"),
    },
    "sq": {
        "kept": ("po", "gjithmonë", "sigurisht", "patjetër", "gjithmone", "patjeter", "po po"),
        "partly": ("pak", "disi", "ndonjëherë", "pjesërisht", "ndonjehere", "pjeserisht", "gjysmë", "gjysme",
                   "hë pak", "pak a shumë", "pak a shume"),
        "not_kept": ("jo", "kurrë", "kurre", "aspak", "jo fare", "hiç", "hic"),
        "dont_know": ("nuk e di", "s'e di", "se di", "ndoshta", "nuk jam i sigurt", "nuk jam e sigurt", "sdi",
                      "nuk di", "ska ide", "s kam ide", "nuk kam ide"),
        "skip": ("kalo", "tjetra", "tjetër"),
    },
    "ti": {
        "kept": ("እወ", "ewe", "እው", "ኣወ", "አወ", "iwe", "awe", "ወትሩ", "ብርግጽ"),
        "partly": ("ቁሩብ", "ሓሓሊፉ", "ሓሊፉ ሓሊፉ", "ገለ ገለ", "ፍርቂ", "kurub", "qurub"),
        "not_kept": ("ኣይፋል", "ኣይኮነን", "ፈጺሙ", "አይፋል", "ayfal", "aykonen"),
        "dont_know": ("ኣይፈልጥን", "ayfeltn", "አይፈልጥን", "ርግጸኛ ኣይኮንኩን", "ayfelten", "ayfeltin"),
        "skip": ("ሕለፍ", "ዝቕጽል"),
    },
    "am": {
        "kept": ("አዎ", "awo", "አወ", "ኣዎ", "awe", "ሁልጊዜ", "በእርግጥ"),
        "partly": ("ትንሽ", "አንዳንድ ጊዜ", "ትንሽ ትንሽ", "በከፊል", "ግማሽ", "tinish", "andand gize"),
        "not_kept": ("አይ", "አይደለም", "በፍጹም", "ፈጽሞ", "aydelem", "befitsum"),
        "dont_know": ("አላውቅም", "alawkm", "እርግጠኛ አይደለሁም", "alawqm", "alawkim", "alaweqm"),
        "skip": ("እለፍ", "ቀጣይ"),
    },
}
RATING_DIGITS = {"1": "kept", "2": "partly", "3": "not_kept", "4": "dont_know", "0": "skip"}
# Skin tones, gender signs and VS16 are folded away first, so 👍🏽 is 👍 and 🤷‍♀️ is 🤷.
RATING_EMOJI = {"kept": "👍 ✅ ✔ 😀 🙂 😊 😃 👌", "partly": "😐 😕", "not_kept": "👎 ❌ 😡 😠 😢 😭 🙁 ☹",
                "dont_know": "🤷 ❓ 🤔"}

YES_NO_WORDS: dict[str, dict[bool, tuple[str, ...]]] = {
    "en": {True: ("yes", "y", "yeah", "yeh", "yah", "yas", "yep", "yup", "yh", "ya", "ye", "yea", "sure", "ok", "okay",
                  "of course", "definitely"),
           False: ("no", "n", "nope", "nah", "naa", "na", "not really", "no way")},
    "ar": {True: ("نعم", "أيوه", "ايوا", "اه", "أكيد", "طبعا", "تمام", "aywa", "aiwa", "na3am"),
           False: ("لا", "أبدا", "la", "laa", "la2")},
    "fa": {True: ("بله", "آره", "آری", "حتما", "باشه", "bale", "areh", "بلی", "اوکی", "baleh", "bashe"), False: ("نه",
                  "نخیر", "nakheir")},
    "ps": {True: ("هو", "هو کنه", "ho", "hao", "هوکې", "سمه ده", "hoo", "sahi da"), False: ("نه",)},
    "ckb": {True: ("بەڵێ", "ئەرێ", "بەڵی", "بەلێ", "باشە", "bale", "bashe"), False: ("نا", "نەخێر", "nakher",
                   "naxer")},
    "vi": {True: ("có", "vâng", "dạ", "ừ", "đúng", "co", "vang", "được", "duoc", "dc", "đồng ý",
                  "dong y"), False: ("không", "ko", "chưa", "khong", "chua", "hok", "thôi", "thoi")},
    "sq": {True: ("po", "sigurisht", "patjetër", "patjeter", "mirë", "mire", "dakord", "në rregull",
                  "ne rregull"), False: ("jo", "aspak")},
    "ti": {True: ("እወ", "ewe", "ኣወ", "ሕራይ", "iwe", "hray"), False: ("ኣይፋል", "ኣይኮነን", "አይፋል", "ayfal")},
    "am": {True: ("አዎ", "awo", "እሺ", "eshi"), False: ("አይ", "አይደለም", "aydelem")},
}
YES_NO_EMOJI = {True: "👍 ✅ ✔ 👌 🙂 😀 😊", False: "👎 ❌ 🙅"}

# Politeness around an answer ("yes please", "no thanks x"); never negations, which must not vanish.
FILLERS = ("please", "pls", "thanks", "thank you", "ty", "tbh", "lol", "honestly", "i think", "x", "xx", "xxx",
           "شكرا", "من فضلك", "لو سمحت")

NUMBER_WORDS = {  # index = value; variants separated by spaces
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "ar": ("صفر", "واحد", "اثنين اثنان اتنين", "ثلاثة ثلاث تلاتة", "أربعة أربع", "خمسة خمس", "ستة ست",
           "سبعة سبع", "ثمانية ثمان تمانية", "تسعة تسع", "عشرة عشر"),
}
# Options are numbered in prompts; letters are accepted because quizzes at school use a/b/c (أ/ب/ج in Arabic).
ARABIC_OPTION_LETTERS = "ابجده"
CHOICE_FILLERS = frozenset({"and", "option", "options", "number", "numbers", "و", "رقم", "خيار", "الخيار"})
ALL_OPTIONS = ("all", "all of them", "الكل", "كلهم")

_MAX_TOKENS = 8  # a longer reply is a comment, not an answer
_FILLER = object()
_EMOJI = "\u2190-\u2bff\U0001F000-\U0001FAFF"
_TOKEN = re.compile(f"[^\\W_]+|[{_EMOJI}]")
_APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ")
_REPEATS = re.compile(r"([^\W\d_])\1+")  # letters only: "11" must stay eleven, not become 1
_WAW_BETWEEN_NUMBERS = re.compile(r"(?<=\d)\s*و\s*(?=\d)")  # Arabic "and" is written joined: 1و3


def tokens(text: str) -> list[str]:
    """The words and single emoji of a text, folded; punctuation only separates."""
    return _TOKEN.findall(fold(text, loose_alef=True).translate(_APOSTROPHES))


def _squeeze(phrase: str) -> str:
    return _REPEATS.sub(r"\1", phrase)


def _language(language) -> str:
    code = re.split(r"[-_]", language.strip().lower())[0] if isinstance(language, str) else ""
    return code if code in RATING_WORDS else ""


@dataclass(frozen=True)
class _Lexicon:
    exact: dict
    squeezed: dict
    longest: int


def _pairs(words: dict, emoji: dict, digits: dict, language: str):
    # Every language is understood; the reader's own goes last so it wins any clash.
    for code in sorted(words, key=lambda code: code == language):
        yield from ((phrase, value) for value, phrases in words[code].items() for phrase in phrases)
    yield from ((icon, value) for value, icons in emoji.items() for icon in icons.split())
    yield from digits.items()
    yield from ((phrase, _FILLER) for phrase in FILLERS)


@functools.lru_cache(maxsize=None)
def _lexicon(kind: str, language: str) -> _Lexicon:
    tables = {"rating": (RATING_WORDS, RATING_EMOJI, RATING_DIGITS), "yes_no": (YES_NO_WORDS, YES_NO_EMOJI, {})}
    exact = {" ".join(tokens(phrase)): value for phrase, value in _pairs(*tables[kind], language)}
    squeezed = {_squeeze(phrase): value for phrase, value in exact.items()}
    return _Lexicon(exact, squeezed, max(len(phrase.split()) for phrase in exact))


def _longest_match(tokens: list[str], start: int, lexicon: _Lexicon):
    for width in range(min(lexicon.longest, len(tokens) - start), 0, -1):
        phrase = " ".join(tokens[start:start + width])
        value = lexicon.exact.get(phrase, lexicon.squeezed.get(_squeeze(phrase)))
        if value is not None:
            return value, width
    return None, 0


def _classify(body, lexicon: _Lexicon):
    # The whole reply must be known phrases of ONE meaning: "no idea" is one phrase (dont_know), not "no";
    # "yes no" is mixed and "no he never" has unknown words, so both are None and get a second try.
    words = tokens(body) if isinstance(body, str) else []
    if not words or len(words) > _MAX_TOKENS:
        return None
    values, start = set(), 0
    while start < len(words):
        value, width = _longest_match(words, start, lexicon)
        if not width:
            return None
        values.add(value)
        start += width
    values.discard(_FILLER)
    return values.pop() if len(values) == 1 else None


def _only_question_marks(body) -> bool:
    # "?" on its own is a shrug; a lone "." or "!" is not.
    text = fold(body).strip() if isinstance(body, str) else ""
    return bool(re.search("[?؟]", text)) and not text.strip("?؟!. ")


def parse_rating(body: str, language: str | None) -> str | None:
    """A promise rating (kept, partly, not_kept, dont_know, skip) from a digit 0-4, words or emoji; else None."""
    if _only_question_marks(body):
        return "dont_know"
    return _classify(body, _lexicon("rating", _language(language)))


def parse_yes_no(body: str, language: str | None) -> bool | None:
    """True for yes (yes, y, yeah, 👍, نعم...), False for no (no, nah, 👎, لا...); digits are not yes/no."""
    return _classify(body, _lexicon("yes_no", _language(language)))


@functools.lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {fold(variant, loose_alef=True): value for words in NUMBER_WORDS.values()
            for value, variants in enumerate(words) for variant in variants.split()}


def _number(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdecimal():
        return int(token) if len(token) <= 4 else None  # int() of thousands of digits raises
    return _number_words().get(token)


_SCALE = re.compile(r"(\S+?)\s*(?:(?:/|out of|من)\s*(\S+))?")


def parse_scale(body: str, low: int, high: int) -> int | None:
    """A whole number low..high as "4", " 4/5 ", "four", "٤" or "4 out of 5"; None out of range or unclear."""
    text = fold(body, loose_alef=True) if isinstance(body, str) else ""
    match = _SCALE.fullmatch(trim(text))
    # A minus or dash ("-1", "3-4") would be silently trimmed or is a range: neither is one answer.
    if not match or re.search(r"[-−]\s*\d", text):
        return None
    value, out_of = _number(match[1]), _number(match[2])
    if value is None or (match[2] and out_of != high):
        return None
    return value if low <= value <= high else None


def _choice_tokens(body) -> list[str] | None:
    text = fold(body, loose_alef=True) if isinstance(body, str) else ""
    if re.search(r"[-−]", text):  # "1-3" could be a range or a list: ask again rather than guess
        return None
    tokens = _TOKEN.findall(_WAW_BETWEEN_NUMBERS.sub(" ", text))
    return [token for token in tokens if token not in CHOICE_FILLERS] or None


def _choice_values(token: str, options_count: int, split_digits: bool) -> list[int] | None:
    if token.isdecimal() and split_digits and options_count < 10:
        return [int(digit) for digit in token]  # "13" with fewer than 10 options can only mean 1 and 3
    if len(token) == 1 and "a" <= token <= "z":
        return [ord(token) - ord("a") + 1]
    if len(token) == 1 and token in ARABIC_OPTION_LETTERS:
        return [ARABIC_OPTION_LETTERS.index(token) + 1]
    number = _number(token)
    return None if number is None else [number]


def parse_choices(body: str, options_count: int) -> list[int] | None:
    """1-based options from "1 3", "1,3", "1&3", "1 and 3", "a c", "13" (under 10 options) or "all"; deduplicated."""
    parts = _choice_tokens(body)
    if parts is None or options_count < 1:
        return None
    if " ".join(parts) in [" ".join(tokens(words)) for words in ALL_OPTIONS]:
        return list(range(1, options_count + 1))
    picks: list[int] = []
    for token in parts:
        values = _choice_values(token, options_count, split_digits=True)
        if values is None:
            return None
        picks += values
    picks = list(dict.fromkeys(picks))
    return picks if all(1 <= pick <= options_count for pick in picks) else None


def parse_choice(body: str, options_count: int) -> int | None:
    """One 1-based option from "2", "option 2", "two", "b"/"B" (a=1, b=2...) or "ب"; None if out of range."""
    parts = _choice_tokens(body)
    if parts is None or len(parts) != 1:
        return None
    values = _choice_values(parts[0], options_count, split_digits=False)
    return values[0] if values and 1 <= values[0] <= options_count else None


def parse_menu_choice(body: str) -> int | None:
    """A menu item 1-9 when the whole reply is that one digit (Arabic-Indic and keycap digits too)."""
    text = trim(fold(body)) if isinstance(body, str) else ""
    return int(text) if len(text) == 1 and text in "123456789" else None
