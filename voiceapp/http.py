"""Request plumbing: request ids, trusted proxies, security headers and log hygiene."""
import json
import logging
import re
import secrets

import flask_babel

from flask import abort, g, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from voiceapp import i18n, logs

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def assign_request_id():
    g.request_id = secrets.token_hex(8)
    # When a request reuses an already-pushed app context (the CLI, tests), nothing of an earlier
    # request's identity or language may carry over.
    g.pop("actor", None)
    flask_babel.refresh()


MAX_JSON_DEPTH = 32
MAX_JSON_INT_DIGITS = 40
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _json_depth(text):
    depth = deepest = 0
    for char in _JSON_STRING.sub('""', text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _big_int(digits):
    if len(digits.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise ValueError("number too long")
    return int(digits)


def refuse_unreadable_json():
    """A JSON body nested absurdly deep, with a number thousands of digits long, or with a lone surrogate
    is refused with 400 before any parser meets it (they otherwise end in RecursionError or ValueError)."""
    if not request.is_json or not request.content_length:
        return None
    body = request.get_data(cache=True)
    try:
        text = body.decode("utf-8")
        if _json_depth(text) > MAX_JSON_DEPTH:
            raise ValueError("nested too deep")
        parsed = json.loads(text, parse_int=_big_int)
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")     # a lone surrogate cannot be encoded
    except (ValueError, UnicodeError, RecursionError):
        abort(400)
    return None


def security_headers(response):
    headers = response.headers
    headers["X-Request-ID"] = g.get("request_id", "")
    headers.setdefault("Content-Security-Policy",
                       DOCS_CSP if request.path.startswith("/api/docs") else CSP)
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Frame-Options"] = "DENY"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()"
    if request.path.startswith(("/api/v1", "/twilio", "/staff")):
        # Personal data must not sit in shared or browser caches (ASVS 14.3.2); the staff pages show
        # disclosures.
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
    return response


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signing serializer built once for the keys in use instead of on
    every request: every Twilio webhook paid for building it, with no cookie to read."""

    def get_signing_serializer(self, app):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        built = getattr(self, "_built", None)
        if built is None or built[0] != keys:
            built = self._built = (keys, super().get_signing_serializer(app))
        return built[1]


def register(app):
    app.session_interface = CookieSessions()
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops:
        # Trust exactly the configured proxies; anything further left in X-Forwarded-For is the client's claim.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0, x_prefix=0)
    app.jinja_env.finalize = i18n.shown      # no direction override reaches a page, report or letter
    app.before_request(assign_request_id)
    app.before_request(refuse_unreadable_json)
    app.after_request(security_headers)
    logs.configure(app)
