"""Phone numbers: parse to E.164, hash for lookup, encrypt for sending, mask for showing."""
from functools import lru_cache

from flask_babel import lazy_gettext as _l
import phonenumbers

from voiceapp import crypto
from voiceapp.errors import Invalid


def normalise(raw, *, field="phone", from_carrier=False):
    """Parse a UK or international number to E.164, or refuse it with a reason.

    from_carrier: the number came with a text or call we received, so it is real even when the number tables
    do not hold it valid yet (a new range, some foreign numbers): only its shape is checked. Numbers typed by
    people are held to the strict check."""
    return _normalise(str(raw), field, from_carrier)


@lru_cache(maxsize=4096)
def _normalise(raw, field, from_carrier=False):
    # Parsing costs more than the rest of a text's lookup; the same numbers text again and again.
    # Refusals are exceptions, which lru_cache never keeps.
    try:
        parsed = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        raise Invalid(_l("That phone number is not right"), field=field, reason="not a phone number") from None
    if not (phonenumbers.is_possible_number(parsed) if from_carrier else phonenumbers.is_valid_number(parsed)):
        raise Invalid(_l("That phone number is not right"), field=field, reason="not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_mobile(e164):
    """Whether a number can take texts: a mobile (or a number the tables cannot tell from one)."""
    kind = phonenumbers.number_type(phonenumbers.parse(e164))
    return kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def lookup_hash(e164):
    return crypto.lookup_hash("phone:" + e164)


def mask(e164):
    """Show only the last three digits (PRIV-05)."""
    return e164[:3] + "•" * max(len(e164) - 6, 0) + e164[-3:]


def country_code(e164):
    """The calling code of an E.164 number ("44" for the UK), for masking it truthfully."""
    return str(phonenumbers.parse(e164).country_code)
