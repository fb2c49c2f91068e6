"""Domain errors, and the one place they become HTTP answers."""
import logging

from flask import g, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A rule of the service was broken; carries the field and reason when there is one."""
    status = 400

    def __init__(self, message, *, field=None, reason=None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.reason = reason or message

    def errors(self):
        return {self.field: [str(self.reason)]} if self.field else {}


class Invalid(DomainError):
    status = 422


class NotFound(DomainError):
    status = 404


class NotAllowed(DomainError):
    status = 403


class NotSignedIn(DomainError):
    status = 401


class Conflict(DomainError):
    status = 409


class TooMany(DomainError):
    status = 429

    def __init__(self, message, *, retry_after=None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


def error_body(status, message, errors=None):
    return {"status": status, "message": str(message), "errors": errors or {},
            "request_id": getattr(g, "request_id", None)}


def _json(status, message, errors=None, headers=None):
    response = jsonify(error_body(status, message, errors))
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def handle_domain_error(error):
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else {}
    if getattr(error, "retry_after", None):
        headers["Retry-After"] = str(error.retry_after)
    return _json(error.status, error.message, error.errors(), headers)


def _flatten(errors, prefix=""):
    """{"answers": {0: {"rating": [...]}}} becomes {"answers.0.rating": [...]}."""
    if not isinstance(errors, dict):
        return {prefix or "_body": errors if isinstance(errors, list) else [str(errors)]}
    flat = {}
    for key, value in errors.items():
        flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _field_errors(data):
    """Flatten webargs' {"json": {...}} into {field: [reasons]} so clients see each field by name."""
    messages = (data or {}).get("messages") or {}
    flat = {}
    for location_errors in messages.values():
        flat.update(_flatten(location_errors))
    return flat


def handle_http_error(error):
    status = error.code or 500
    messages = {
        400: _("The request could not be read. Check it is valid JSON."),
        401: _("Please sign in."),
        403: _("You are not allowed to do that."),
        404: _("Not found."),
        405: _("That method is not allowed here."),
        413: _("The request is too large."),
        415: _("Send JSON with Content-Type: application/json."),
        422: _("Some fields are not right."),
        429: _("Too many tries. Please wait and try again."),
    }
    errors = _field_errors(getattr(error, "data", None))
    headers = dict(error.get_headers()) if status == 429 else {}
    headers.pop("Content-Type", None)
    return _json(status, messages.get(status, error.name), errors, headers)


def handle_unexpected(error):
    """Last resort: log with the request id, answer with nothing an attacker could use (ASVS 16.5.1)."""
    log.error("unhandled error on %s %s [%s]: %s", request.method, request.path,
              getattr(g, "request_id", "-"), type(error).__name__, exc_info=error)
    return _json(500, _("Something went wrong on our side. It has been logged."))


UNAVAILABLE_RETRY_SECONDS = 30


def database_unavailable(error):
    """The database could not be reached or was too busy to answer in time (not a mistake in a query)."""
    if isinstance(error, (sa_exc.InterfaceError, sa_exc.TimeoutError)):
        return True
    if not isinstance(error, sa_exc.OperationalError):
        return False
    text = str(getattr(error, "orig", error))
    return not text.startswith(("no such table", "no such column", "near ", "table "))


def handle_database_error(error):
    """A database that is down or too busy answers 503 with a clear message, as /healthz does; anything
    else the database refused is a fault of ours (500)."""
    if not database_unavailable(error):
        return handle_unexpected(error)
    log.error("database unavailable on %s %s [%s]: %s", request.method, request.path,
              getattr(g, "request_id", "-"), type(error).__name__)
    message = _("The service is not available just now. Please try again in a few minutes.")
    headers = {"Retry-After": str(UNAVAILABLE_RETRY_SECONDS)}
    if request.path.startswith("/staff"):
        return render_template("staff/error.html", status=503, message=message), 503, headers
    return _json(503, message, headers=headers)


def register(app):
    app.register_error_handler(sa_exc.SQLAlchemyError, handle_database_error)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
