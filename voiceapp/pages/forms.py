"""Forms on pages: a per-session token against cross-site posts, and errors shown beside their field."""
import hmac

from flask import request, session
from flask_babel import gettext as _
from marshmallow import ValidationError

from voiceapp import crypto
from voiceapp.errors import DomainError

CSRF = "csrf"


def csrf_token():
    if CSRF not in session:
        session[CSRF] = crypto.new_token()
    return session[CSRF]


def renew_csrf_token():
    session[CSRF] = crypto.new_token()


def form_is_ours():
    sent = request.form.get("csrf_token", "")
    return bool(sent) and hmac.compare_digest(sent, session.get(CSRF, ""))


def fields(*names):
    """The posted values of these fields, without the form token; an empty choice is no choice."""
    return {name: request.form.get(name) for name in names if request.form.get(name) not in (None, "")}


def read(schema, data):
    """Load form values with the API's schema; a ValidationError carries every field's reason."""
    return schema.load(data)


def errors_of(error, plain=None):
    """{field: message} for the page, so every message sits beside its field: a service's own (translated)
    words, or for a schema error the page's plain sentence for that field (schema reasons are for developers)."""
    plain = plain or {}
    if isinstance(error, ValidationError):
        return {field: str(plain.get(field) or _first(reasons))
                for field, reasons in _flat(error.normalized_messages()).items()}
    if isinstance(error, DomainError):
        field = (error.field or "").split(".")[-1] or "_page"
        return {field: str(error.message)}
    raise TypeError(error)


def _flat(messages, prefix=""):
    flat = {}
    for key, value in messages.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, ""))
        else:
            flat[name] = value
    return flat


def _first(reasons):
    return reasons[0] if isinstance(reasons, list) and reasons else _("This is not right.")
