"""Bodies for reading the audit trail."""
from marshmallow import fields, validate

from voiceapp.schemas import StrictSchema, when


class AuditFilterSchema(StrictSchema):
    object_id = fields.UUID()
    actor_id = fields.UUID()
    action = fields.String(validate=validate.Length(max=64))
    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=5000))


class AuditEventSchema(StrictSchema):
    id = fields.UUID()
    occurred_at = when()
    actor_kind = fields.String()
    actor_id = fields.UUID(allow_none=True)
    actor_role = fields.String(allow_none=True)
    action = fields.String()
    object_type = fields.String()
    object_id = fields.UUID(allow_none=True)
    request_id = fields.String(allow_none=True)
