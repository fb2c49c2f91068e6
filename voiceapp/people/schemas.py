"""Bodies for young people's profiles: what they see of themselves, and what staff see."""
from marshmallow import fields, validate

from voiceapp import languages

from voiceapp.people.models import AgeBand, Cohort, VoiceGroup
from voiceapp.schemas import StrictSchema, when

LANGUAGE = fields.String(validate=validate.OneOf(languages.CODES))


class ProfileSchema(StrictSchema):
    """A young person's own profile: no name, no date of birth, ever."""
    id = fields.UUID(dump_only=True)
    cohort = fields.Enum(Cohort, by_value=True, dump_only=True)
    age_band = fields.Enum(AgeBand, by_value=True, dump_only=True)
    language = fields.String(dump_only=True)
    voice_groups = fields.List(fields.String(), dump_only=True)
    consent_to_quote = fields.Boolean(dump_only=True)
    consent_to_contact = fields.Boolean(dump_only=True)
    has_phone = fields.Function(lambda p: p.phone is not None, dump_only=True)


class ProfileUpdateSchema(StrictSchema):
    language = fields.String(validate=validate.OneOf(languages.CODES))
    voice_groups = fields.List(fields.Enum(VoiceGroup, by_value=True))
    consent_to_quote = fields.Boolean()
    consent_to_contact = fields.Boolean()


# A case-system reference: letters, digits, - and / (like LCC/2024-00123), up to 32; nothing else can slip in.
CASE_REFERENCE = validate.Regexp(r"^[A-Za-z0-9/-]{1,32}$", error="letters, digits, - and / only, up to 32")


class YoungPersonCreateSchema(StrictSchema):
    cohort = fields.Enum(Cohort, by_value=True, required=True)
    age_band = fields.Enum(AgeBand, by_value=True, required=True)
    language = fields.String(load_default="en", validate=validate.OneOf(languages.CODES))
    voice_groups = fields.List(fields.Enum(VoiceGroup, by_value=True), load_default=list)
    consent_to_quote = fields.Boolean(load_default=False)
    consent_to_contact = fields.Boolean(load_default=False)
    phone = fields.String(validate=validate.Length(min=5, max=32))
    case_reference = fields.String(validate=CASE_REFERENCE)


class YoungPersonStaffSchema(StrictSchema):
    """What staff see: the number only masked (PRIV-05)."""
    id = fields.UUID()
    cohort = fields.Enum(Cohort, by_value=True)
    age_band = fields.Enum(AgeBand, by_value=True)
    language = fields.String()
    voice_groups = fields.List(fields.String())
    consent_to_quote = fields.Boolean()
    consent_to_contact = fields.Boolean()
    phone_masked = fields.Function(lambda p: p.phone.masked if p.phone else None)
    sms_opted_out = fields.Function(lambda p: p.sms_opted_out_at is not None)
    worker_name = fields.String(allow_none=True)
    worker_email = fields.String(allow_none=True)
    # Whether one is held, never the reference itself: that is shown only on a safeguarding alert.
    has_case_reference = fields.Function(lambda p: p.case_reference is not None)
    created_at = when()


class WorkerSchema(StrictSchema):
    """The worker who passes on answers the young person asked to have through them."""
    worker_name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    worker_email = fields.Email(required=True, validate=validate.Length(max=254))


class CaseReferenceSchema(StrictSchema):
    """Their reference in the case system, shown only on a safeguarding alert; empty or null removes it."""
    case_reference = fields.String(required=True, allow_none=True, validate=validate.Regexp(
        r"^[A-Za-z0-9/-]{0,32}$", error="letters, digits, - and / only, up to 32"))


class PhoneLookupSchema(StrictSchema):
    phone = fields.String(required=True, validate=validate.Length(min=5, max=32))


class SetPhoneSchema(PhoneLookupSchema):
    pass


class InvitationSchema(StrictSchema):
    code = fields.String()
    expires_at = when()
