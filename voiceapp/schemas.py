"""Shared schema pieces: strict base schema, pagination and error bodies."""
from datetime import timezone

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


def when(**kwargs):
    return fields.AwareDateTime(default_timezone=timezone.utc, **kwargs)


class PageArgs(StrictSchema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class ErrorSchema(Schema):
    status = fields.Integer()
    message = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))
    request_id = fields.String(allow_none=True)
