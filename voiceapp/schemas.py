"""Shared schema pieces: strict base schema, pagination and error bodies."""
from datetime import timezone

from marshmallow import RAISE, Schema, fields, validate


class StrictSchema(Schema):
    """Unknown fields are refused, never silently dropped or assigned (ASVS 15.3.3)."""

    class Meta:
        unknown = RAISE
        ordered = True


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
