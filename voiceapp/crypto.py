"""Keyed hashing and encryption for identifiers held apart from profiles (phone numbers, codes)."""
import base64
import hashlib
import hmac
import secrets
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app


def _derive(purpose):
    master = current_app.config.get("DATA_KEY") or current_app.config["SECRET_KEY"]
    return _derive_from(master, purpose)


@lru_cache(maxsize=32)
def _derive_from(master, purpose):
    # Every text looks up and encrypts a number: derive each key once per process, not once per use.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(master.encode())


def lookup_hash(value):
    """A keyed hash to find a record by a value without storing the value in the clear."""
    return hmac.new(_derive("lookup"), value.encode(), hashlib.sha256).hexdigest()


def token_hash(token):
    """Session tokens and codes are stored only as hashes, so a database dump cannot be replayed."""
    return hashlib.sha256(token.encode()).hexdigest()


def _fernet():
    return _fernet_for(_derive("encrypt"))


@lru_cache(maxsize=8)
def _fernet_for(key):
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(text):
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token):
    return _fernet().decrypt(token.encode()).decode()


def new_token():
    """A 256-bit opaque token from the CSPRNG (ASVS 7.2.3)."""
    return secrets.token_urlsafe(32)


def constant_time_equal(a, b):
    return hmac.compare_digest(a, b)
