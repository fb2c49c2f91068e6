"""Shared schema pieces: strict base schema, pagination and error bodies."""
from datetime import datetime, timezone

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate


def _nul_fields(data, prefix=""):
    """Names of string fields holding a NUL character, which no database column can store."""
    if isinstance(data, dict):
        return [name for key, value in data.items() for name in _nul_fields(value, f"{prefix}{key}.")]
    if isinstance(data, list):
        return [name for i, value in enumerate(data) for name in _nul_fields(value, f"{prefix}{i}.")]
    return [prefix.rstrip(".")] if isinstance(data, str) and "\x00" in data else []


class StrictSchema(Schema):
    """Unknown fields are refused, never silently dropped or assigned (ASVS 15.3.3)."""

    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def refuse_nul(self, data, **kwargs):
        bad = _nul_fields(data)
        if bad:
            raise ValidationError({name: ["must not contain a NUL character"] for name in bad})
        return data


def text(max_length, **kwargs):
    return fields.String(validate=[validate.Length(min=1, max=max_length)], **kwargs)


# Dates a person types are kept to years the service can have: year 1 or 9999 is a slip, and at the edge of
# the calendar the arithmetic of deadlines and time zones overflows.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _in_service_years(value):
    try:
        years = {value.year} | ({value.astimezone(timezone.utc).year} if isinstance(value, datetime) else set())
    except OverflowError:
        years = {value.year}
    if not all(FIRST_YEAR <= year <= LAST_YEAR for year in years):
        raise ValidationError(f"must be between {FIRST_YEAR} and {LAST_YEAR}")


def when(**kwargs):
    """A moment with its time zone (UTC if none is given), between 2000 and 2100."""
    return fields.AwareDateTime(default_timezone=timezone.utc, validate=_in_service_years, **kwargs)


def day(**kwargs):
    """A calendar day, between 2000 and 2100."""
    return fields.Date(validate=_in_service_years, **kwargs)


class PageArgs(StrictSchema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=1_000_000))


class ErrorSchema(Schema):
    """Every error answer (voiceapp/errors.py): the HTTP status, a plain message, the reasons per field."""
    status = fields.Integer(required=True, metadata={"description": "the HTTP status code"})
    message = fields.String(required=True)
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True,
                         metadata={"description": "reasons by field name (dotted for nested fields)"})
    request_id = fields.String(allow_none=True, required=True,
                               metadata={"description": "quote it when asking for help"})
