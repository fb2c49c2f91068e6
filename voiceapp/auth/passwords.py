"""Staff password rules (ASVS 6.2): 8 to 128 characters, no composition rules, no common passwords, argon2id."""
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import lazy_gettext as _l

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


def check_policy(password, *, field="password"):
    """Reject passwords that are too short, too long or among the most common."""
    if len(password) < MIN_LENGTH:
        raise Invalid(_l("Password too short"), field=field, reason=f"must be at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise Invalid(_l("Password too long"), field=field, reason=f"must be at most {MAX_LENGTH} characters")
    if password.lower() in common_passwords():
        raise Invalid(_l("Password too common"), field=field, reason="is a commonly used password")


def hash_password(password):
    return _hasher.hash(password)


def verify_password(password_hash, password):
    """True when the password matches; always does the full argon2 work."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
