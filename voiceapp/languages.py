"""The one registry of the languages voiceapp speaks: everything else (schemas, pages, SMS, voice, screening,
reports) reads this list. Adding a language is one entry here, its catalog in translations/, its safeguarding
lexicon and its theme keyword rules (README "Adding a language").

Plain data and pure functions, no Flask: config, i18n and the SMS keyword tables all build on it.
"""
from dataclasses import dataclass, field

# Review status of a language's words (catalog, SMS words, crisis reply, lexicon): shown to staff and in
# `flask translate status`. Nothing written by the sessions that built voiceapp has been checked by a fluent
# speaker yet; a language becomes REVIEWED only once one has, and the README table says who and when.
SOURCE = "source"
REVIEWED = "reviewed"
UNREVIEWED = "machine-written, needs fluent-speaker review"

GSM7 = "GSM-7"
UCS2 = "UCS-2"


@dataclass(frozen=True)
class Language:
    code: str                     # the catalog's locale, the value stored on a young person
    english: str                  # the name in English, for staff pages and reports
    native: str                   # the name in the language itself, for the page switcher
    direction: str = "ltr"        # "rtl" for Arabic script
    sms_encoding: str = UCS2      # what its texts are sent as: GSM-7 only when every letter is in GSM 03.38
    voice: dict | None = None     # Twilio <Say> language and voice; None: English with an apology
    review: str = UNREVIEWED
    short: str = ""               # the name in itself in the SMS language question, if shorter than native
    # Whole texts that mean "this language" (the SMS language switch), in its own script and in English.
    words: tuple[str, ...] = ()
    # Whole texts that are a hello in this language: an unknown number greeting in it joins in it. A word
    # listed for several languages ("سلام") asks which of those, each in its own script.
    greetings: tuple[str, ...] = ()
    # SMS command words in this language beside the English ones (which work in every language).
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The date pattern for every date in a text where the language's own names for it cost too much: they would
    # force its otherwise GSM-7 texts into UCS-2 (Albanian), or push a one-segment UCS-2 text into two.
    # None: each text's own pattern ("EEE d MMM", "Mon 23 Nov") in the language's words.
    sms_date: str | None = None
    # Letters outside GSM 03.38 that every text to a speaker is sent without, so it stays GSM-7 (160 a
    # segment, not UCS-2's 70): Albanian's ë and ç are written e and c on phones, and read the same.
    sms_fold: dict[str, str] = field(default_factory=dict)


# Twilio <Say>: Amazon Polly and Google voices (https://www.twilio.com/docs/voice/twiml/say/text-speech).
# Polly speaks Arabic (arb) and Google Vietnamese (vi-VN); neither has Farsi/Dari, Pashto, Tigrinya, Kurdish
# Sorani, Albanian or Amharic, so those callers hear English with an apology and an offer to text instead.
REGISTRY: tuple[Language, ...] = (
    Language("en", "English", "English", sms_encoding=GSM7, review=SOURCE,
             voice={"language": "en-GB", "voice": "Polly.Amy"},
             words=("english", "en", "eng", "انجليزي", "الانجليزية", "انگلیسی"),
             greetings=("hi", "hello", "hey", "hiya", "helo", "hii", "hi there", "hello there", "yo")),
    Language("ar", "Arabic", "العربية", direction="rtl", short="عربي", sms_date="d/M",
             voice={"language": "arb", "voice": "Polly.Zeina"},
             words=("arabic", "ar", "عربي", "العربية", "عربى"),
             greetings=("مرحبا", "اهلا", "أهلا", "اهلين", "هلا", "مرحبتين", "السلام عليكم", "سلام",
                        "marhaba", "ahlan", "salam", "salaam"),
             keywords={"opt_out": ("توقف", "إيقاف", "ستوب"),
                       # Not the hamza-less "ابدا": it also spells أبدا, "never", a promise-check answer.
                       "opt_in": ("ابدأ",),
                       "help": ("مساعدة", "معلومات", "ساعدني"),
                       "menu": ("قائمة", "القائمة"),
                       "unsafe": ("غير آمن", "مش آمن")}),
    Language("fa", "Farsi/Dari", "فارسی", direction="rtl", sms_date="d/M",
             words=("farsi", "persian", "dari", "fa", "فارسی", "دری", "پارسی"),
             greetings=("سلام", "درود", "سلام علیکم", "salam", "salaam", "dorood"),
             keywords={"opt_out": ("توقف", "لغو"),
                       "opt_in": ("شروع",),
                       "help": ("کمک", "کمکم کن", "کمک کنید"),
                       "menu": ("منو", "فهرست"),
                       "unsafe": ("ناامن", "امن نیستم", "در امان نیستم")}),
    Language("ps", "Pashto", "پښتو", direction="rtl", sms_date="d/M",
             words=("pashto", "pashtu", "pushto", "پښتو", "پشتو"),
             greetings=("سلام", "ستړي مه شې", "ستړی مه شې", "salam", "salaam", "staray ma shay", "stari mashe"),
             keywords={"opt_out": ("ودروه", "بند"),
                       "opt_in": ("پیل",),
                       "help": ("مرسته", "مرسته وکړئ", "مرسته راسره وکړه"),
                       "menu": ("مینو", "لړلیک"),
                       "unsafe": ("خوندي نه یم", "ناخوندي")}),
    Language("ti", "Tigrinya", "ትግርኛ",
             words=("tigrinya", "tigrigna", "tigrina", "ti", "ትግርኛ"),
             greetings=("ሰላም", "selam", "ከመይ ኣለኻ", "ከመይ ኣለኺ", "kemey", "kemey aleka"),
             keywords={"opt_out": ("ደው በል", "ኣቁም"),
                       "opt_in": ("ጀምር",),
                       "help": ("ሓገዝ", "ሓግዙኒ"),
                       "menu": ("ዝርዝር",),
                       "unsafe": ("ውሑስ ኣይኮንኩን", "ድሕንነት ኣይስመዓንን")}),
    Language("ckb", "Kurdish Sorani", "کوردی", direction="rtl", sms_date="d/M",
             words=("kurdish", "sorani", "kurdi", "kurdî", "ckb", "کوردی", "سۆرانی", "کوردى"),
             greetings=("سڵاو", "سلاو", "سلام", "slaw", "silav", "salam"),
             keywords={"opt_out": ("ڕاگرتن", "وەستان"),
                       "opt_in": ("دەستپێکردن",),
                       "help": ("یارمەتی", "یارمەتیم بدە"),
                       "menu": ("لیست", "مینیو"),
                       "unsafe": ("سەلامەت نیم", "ئارام نیم", "پارێزراو نیم")}),
    Language("vi", "Vietnamese", "Tiếng Việt", short="Việt", sms_date="d/M",
             voice={"language": "vi-VN", "voice": "Google.vi-VN-Standard-A"},
             words=("vietnamese", "vi", "tiếng việt", "tieng viet", "việt", "viet"),
             greetings=("xin chào", "xin chao", "chào", "chao", "chào bạn", "chao ban", "alo"),
             # Never the unaccented "dung": it is also đúng, "yes, right".
             keywords={"opt_out": ("dừng", "ngừng", "ngung", "hủy", "huy"),
                       "opt_in": ("bắt đầu", "bat dau"),
                       "help": ("giúp", "giup", "giúp tôi", "giup toi", "trợ giúp", "tro giup", "cứu", "cuu"),
                       "menu": ("danh mục", "danh muc"),
                       "unsafe": ("không an toàn", "khong an toan", "ko an toan")}),
    # Albanian's nëntor, hën and mër carry ë (not GSM-7): its texts write dates as numbers, "23.11", and every
    # text to an Albanian speaker is sent with ë/ç as e/c (sms_form), so all of them go as GSM-7.
    Language("sq", "Albanian", "Shqip", sms_date="d.M", sms_encoding=GSM7,
             sms_fold={"ë": "e", "Ë": "E", "ç": "c"},
             words=("albanian", "shqip", "shqipe", "sq", "shqiptar"),
             greetings=("përshëndetje", "pershendetje", "tungjatjeta", "tung", "ç'kemi", "çkemi", "ckemi"),
             keywords={"opt_out": ("ndalo", "ndal"),
                       "opt_in": ("fillo",),
                       "help": ("ndihmë", "ndihme", "më ndihmo", "me ndihmo", "ndihmo"),
                       "menu": ("meny", "menyja"),
                       # Not "nuk jam i sigurt": it also means "I am not sure", a promise-check answer.
                       # The SMS menu spells its choice without ë ("Nuk ndihem ne siguri"): texting it back must work.
                       "unsafe": ("nuk ndihem i sigurt", "nuk ndihem e sigurt", "nuk ndihem në siguri",
                                  "nuk ndihem ne siguri", "jam në rrezik", "jam ne rrezik")}),
    Language("am", "Amharic", "አማርኛ",
             words=("amharic", "amarigna", "amharigna", "አማርኛ"),
             greetings=("ሰላም", "selam", "ጤና ይስጥልኝ", "tena yistilign", "እንደምን ነህ", "እንደምን ነሽ"),
             keywords={"opt_out": ("አቁም",),
                       "opt_in": ("ጀምር",),
                       "help": ("እርዳታ", "እርዱኝ", "እርዳኝ"),
                       "menu": ("ዝርዝር", "ምናሌ"),   # ምናሌ: the word the Amharic pages' menu button shows
                       "unsafe": ("ደህንነት አይሰማኝም", "ደህና አይደለሁም")}),
)

# Arabic, Farsi, Pashto, Sorani and Vietnamese day and month names ("الاثنين 23 نوفمبر", "Thứ 2 23 thg 11")
# would make "we will read it by ... and answer by ..." two UCS-2 segments: their texts write "23/11".

BY_CODE = {language.code: language for language in REGISTRY}
CODES = tuple(BY_CODE)
TRANSLATED = tuple(code for code in CODES if code != "en")   # the languages content carries translations for
DEFAULT = "en"


def sms_form(text, code):
    """The text as it is texted to a speaker of the language: its sms_fold letters replaced (Albanian ë→e,
    ç→c), whoever wrote it; unchanged for a language without a fold or not registered."""
    language = get(code)
    if not isinstance(text, str) or language is None or not language.sms_fold:
        return text
    return text.translate(str.maketrans(language.sms_fold))


def sms_name(code):
    """The language's own name as the SMS language question shows it."""
    return BY_CODE[code].short or BY_CODE[code].native


def get(code):
    """The registered language for a code such as "fa", "fa_AF" or "fa-IR"; None if it is not registered."""
    if not isinstance(code, str):
        return None
    return BY_CODE.get(code) or BY_CODE.get(code.replace("-", "_").split("_")[0].lower())


def base(code):
    """The registry code of a locale ("fa_AF" -> "fa"), or the default when the language is not registered."""
    language = get(str(code)) if code is not None else None
    return language.code if language else DEFAULT


def direction(code):
    language = get(str(code))
    return language.direction if language else "ltr"


def unreviewed(codes=CODES):
    """The languages, of those given, whose words no fluent speaker has checked yet."""
    return tuple(code for code in codes if code in BY_CODE and BY_CODE[code].review == UNREVIEWED)


# Letters that only one registered language of a script uses, checked in this order (Sorani and Pashto
# before Farsi, whose letters they share; Tigrinya's ኣ and ቐ/ኸ rows before Amharic).
_MARKS = (
    ("ckb", frozenset("ڕڵۆێەھ")),
    ("ps", frozenset("ټډړږښګڼېۍځڅ")),
    ("fa", frozenset("پچژگیک")),
    ("ti", frozenset("ኣ" + "".join(map(chr, range(0x1250, 0x125A))) + "".join(map(chr, range(0x12B8, 0x12C0))))),
    ("vi", frozenset("ăâđêôơưĂÂĐÊÔƠƯ" + "".join(map(chr, range(0x1EA0, 0x1EFA))))),
    ("sq", frozenset("ëçËÇ")),
)


def written_in(text):
    """The registered language a text's letters point to, or English: a guess for replying before we know
    who sent it (no database), never a record of anyone's language."""
    letters = set(text or "")
    for code, marks in _MARKS:
        if letters & marks:
            return code
    if any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters):
        return "ar"
    if any("\u1200" <= c <= "\u137f" for c in letters):
        return "am"
    return DEFAULT
