"""Request and response bodies for signing in and managing staff users."""
from marshmallow import fields, validate

from voiceapp.auth.models import Council, Role
from voiceapp.schemas import StrictSchema, text


class StaffSignInSchema(StrictSchema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1024))


class CodeRequestSchema(StrictSchema):
    phone = fields.String(required=True, validate=validate.Length(min=5, max=32))


class ChallengeSchema(StrictSchema):
    challenge_id = fields.UUID(required=True)
    message = fields.String(dump_only=True)


class CodeVerifySchema(StrictSchema):
    challenge_id = fields.UUID(required=True)
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{6}$", error="must be 6 digits"))


class InvitationRedeemSchema(StrictSchema):
    code = fields.String(required=True, validate=validate.Length(min=8, max=20))


class SessionSchema(StrictSchema):
    token = fields.String(required=True)
    token_type = fields.String(dump_default="Bearer")
    kind = fields.String(required=True)
    expires_in_idle_seconds = fields.Integer()


class StaffUserSchema(StrictSchema):
    id = fields.UUID(dump_only=True)
    email = fields.Email(required=True, validate=validate.Length(max=254))
    display_name = text(120, required=True)
    role = fields.Enum(Role, by_value=True, required=True)
    council = fields.Enum(Council, by_value=True, allow_none=True)
    priority_id = fields.UUID(allow_none=True)
    is_active = fields.Boolean(dump_only=True)
    password = fields.String(load_only=True, required=True, validate=validate.Length(max=1024))
    age = fields.Integer(load_only=True, allow_none=True, validate=validate.Range(min=0, max=120),
                         metadata={"description": "a council member's age (15 or over): checked, not kept"})


class StaffUserUpdateSchema(StrictSchema):
    display_name = text(120)
    role = fields.Enum(Role, by_value=True)
    council = fields.Enum(Council, by_value=True, allow_none=True)
    priority_id = fields.UUID(allow_none=True)
    is_active = fields.Boolean()
    password = fields.String(load_only=True, validate=validate.Length(max=1024))
    age = fields.Integer(load_only=True, allow_none=True, validate=validate.Range(min=0, max=120),
                         metadata={"description": "when making someone a council member: their age (15 or over)"})


class WhoAmISchema(StrictSchema):
    kind = fields.String()
    id = fields.UUID()
    role = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
