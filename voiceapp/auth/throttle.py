"""Slowing down password guessing without letting anyone lock a member of staff out.

A hard lock after five wrong tries lets anyone who knows a staff email keep that person out of the service.
Instead, tries are counted per source and account together, and per source across all accounts, and past a
few free tries each further one must wait twice as long as the last (1, 2, 4 ... seconds, at most 15
minutes). A guesser is slowed to a crawl; the member of staff, signing in from their own desk, is not.

Every try is counted before the password is checked and taken back only when it succeeds, so a try that ends
in a server error or a dropped connection still counts. Counts live in the rate limiter's storage (Redis
when several processes run), not the database, so they hold even while the database is failing. With the rate
limits turned off (RATELIMIT_ENABLED false) the limiter opens no storage, so the throttle opens its own at the
same address: turning the limits off neither turns the throttle off nor breaks sign-in.
"""
import hashlib
import math
import time

from flask import current_app
from limits.storage import storage_from_string

from voiceapp.extensions import limiter

WINDOW_SECONDS = 3600


def register(app):
    own = None if app.config.get("RATELIMIT_ENABLED", True) else storage_from_string(
        app.config["RATELIMIT_STORAGE_URI"])
    app.extensions["sign_in_throttle_storage"] = own


def _storage():
    return current_app.extensions.get("sign_in_throttle_storage") or limiter.storage


def _key(*parts):
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f"voiceapp/sign-in/{digest}"


def _scopes(email, source):
    cfg = current_app.config
    return ((_key("pair", source, email.strip().lower()), cfg["SIGN_IN_FREE_TRIES_PER_ACCOUNT"]),
            (_key("source", source), cfg["SIGN_IN_FREE_TRIES_PER_SOURCE"]))


def wait_seconds(email, source):
    """How long this source must wait before trying this account again (0: it may try now)."""
    storage, now = _storage(), time.time()
    waits = [storage.get_expiry(key + "/wait") - now for key, _ in _scopes(email, source)
             if storage.get(key + "/wait")]
    return max([0, *[math.ceil(w) for w in waits]])


def count_try(email, source):
    """Count a try before the password is checked; from the last free try on, the next one must wait."""
    storage, cfg = _storage(), current_app.config
    for key, free in _scopes(email, source):
        tries = storage.incr(key, WINDOW_SECONDS)
        if tries >= free:
            wait = min(cfg["SIGN_IN_BACKOFF_FIRST_SECONDS"] * 2 ** (tries - free), cfg["SIGN_IN_BACKOFF_MOST_SECONDS"])
            storage.clear(key + "/wait")
            storage.incr(key + "/wait", wait)


def forget_try(email, source):
    """A right password: this account's count from this source starts again, and the source's count takes
    back this one try (a busy office behind one address signs in many times a day)."""
    (pair, _), (by_source, _) = _scopes(email, source)
    storage = _storage()
    storage.clear(pair)
    storage.clear(pair + "/wait")
    if storage.get(by_source) > 0:
        storage.incr(by_source, WINDOW_SECONDS, amount=-1)
