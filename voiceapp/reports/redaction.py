"""Redact a young person's words before anyone proposes them as a quote: names, phone numbers, emails,
addresses and postcodes, schools and dates become [name], [phone], [email], [address], [school], [date]."""
import re
from functools import lru_cache
from importlib import resources

_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_STREETS = ("road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|court|place|terrace|grove|"
            "gardens|walk|view|mount|rise|square|hill|green|row|fold|croft|park")
_SCHOOLS = "school|academy|college|high|primary|grammar|university|uni|sixth form|pupil referral unit|pru"

# Order matters: emails before names (an email holds a name), numbers before dates.
PATTERNS = (
    ("[email]", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("[phone]", re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?|0)(?:[\s-]?\d){9,10}\b")),
    ("[address]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.IGNORECASE)),
    ("[address]", re.compile(rf"\b\d+[a-z]?,?\s+(?:[A-Za-z']+\s+){{1,3}}(?:{_STREETS})\b\.?", re.IGNORECASE)),
    ("[address]", re.compile(rf"\b(?:[A-Z][a-z']+\s+){{1,3}}(?:{_STREETS.title()})\b")),
    ("[school]", re.compile(rf"\b(?:[A-Z][\w'&.-]*\s+){{1,4}}(?i:{_SCHOOLS})\b")),
    ("[date]", re.compile(r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")),
    ("[date]", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b(?:\s+\d{{4}})?",
                          re.IGNORECASE)),
    ("[date]", re.compile(rf"\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.IGNORECASE)),
    ("[date]", re.compile(rf"\b(?:{_MONTHS})\s+(?:19|20)\d{{2}}\b", re.IGNORECASE)),
    ("[date]", re.compile(r"\b(?:19|20)\d{2}\b")),
    ("[name]", re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'-]+")),
)
# A capitalised word in mid-sentence is treated as a name unless it is one of these ordinary words.
NOT_NAMES = {"I", "I'm", "I've", "I'd", "I'll", "Leeds", "England", "English", "Christmas", "Easter",
             "Eid", "Ramadan", "Diwali", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
             "Sunday", "Mum", "Dad", "Nan", "Grandad", "Council", "Have", "Voice", "Care", "Leavers", "OK",
             "TV", "UK", "NHS", "GP", "IRO", "PEP", "SEND", "Tell", "Us", "We", "Xbox", "PlayStation"}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common first names in England and Wales, caught even at the start of a sentence."""
    text = resources.files("voiceapp.reports").joinpath("data", "first_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _names(text: str) -> str:
    def replace(match):
        word, start = match.group(0), match.start()
        sentence_start = start == 0 or re.search(r"[.!?]\s*$|^\s*$", text[:start]) is not None
        if word in NOT_NAMES or word.startswith("["):
            return word
        if word in first_names() or not sentence_start:
            return "[name]"
        return word
    return re.sub(r"(?<!\[)\b[A-Z][a-z'-]+\b", replace, text)


def redact(text: str) -> str:
    """The text with anything that could identify someone replaced by a label in square brackets."""
    for label, pattern in PATTERNS:
        text = pattern.sub(label, text)
    return re.sub(r"(\[name\])(\s+\[name\])+", r"\1", _names(text))
