"""A young person's own profile, and staff registering and finding young people, over the API.

It lives in auth, like the audit API: its routes are guarded by auth, which itself reads people."""
from flask_smorest import Blueprint

from voiceapp.auth import codes
from voiceapp.auth.guards import current_actor, require_role, require_young_person
from voiceapp.auth.models import Role
from voiceapp.people import services
from voiceapp.people.schemas import (CaseReferenceSchema, InvitationSchema, PhoneLookupSchema, ProfileSchema,
                                     ProfileUpdateSchema, SetPhoneSchema, WorkerSchema, YoungPersonCreateSchema,
                                     YoungPersonStaffSchema)

blp = Blueprint("people", __name__, url_prefix="/api/v1", description="Young people's profiles")
CASEWORK = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)


@blp.route("/me", methods=["GET"])
@require_young_person
@blp.response(200, ProfileSchema)
def my_profile():
    """Your profile: what we know about you (no name, no date of birth)."""
    return services.get_young_person(current_actor().id)


@blp.route("/me", methods=["PATCH"])
@require_young_person
@blp.arguments(ProfileUpdateSchema)
@blp.response(200, ProfileSchema)
def update_my_profile(body):
    """Change your language, your groups, or whether we may quote you or contact you back."""
    return services.update_profile(actor=current_actor(), young_person_id=current_actor().id, changes=body)


@blp.route("/young-people", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(YoungPersonCreateSchema)
@blp.response(201, YoungPersonStaffSchema)
def create_young_person(body):
    """Register a young person pseudonymously (consents start off)."""
    return services.create_young_person(actor=current_actor(), **body)


@blp.route("/young-people/<uuid:young_person_id>", methods=["GET"])
@require_role(*CASEWORK)
@blp.response(200, YoungPersonStaffSchema)
def get_young_person(young_person_id):
    return services.view_young_person(actor=current_actor(), young_person_id=young_person_id)


@blp.route("/young-people/lookup", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(PhoneLookupSchema)
@blp.response(200, YoungPersonStaffSchema)
def lookup_young_person(body):
    """Find a young person by phone number (sent in the body, never in the URL)."""
    return services.lookup_by_phone(actor=current_actor(), phone=body["phone"])


@blp.route("/young-people/<uuid:young_person_id>/phone", methods=["PUT"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(SetPhoneSchema)
@blp.response(200, YoungPersonStaffSchema)
def set_phone(body, young_person_id):
    return services.set_phone(actor=current_actor(), young_person_id=young_person_id, phone=body["phone"])


@blp.route("/young-people/<uuid:young_person_id>/worker", methods=["PUT"])
@require_role(*CASEWORK)
@blp.arguments(WorkerSchema)
@blp.response(200, YoungPersonStaffSchema)
def set_worker(body, young_person_id):
    """Who passes on answers the young person asked to have "through my worker"."""
    return services.set_worker(actor=current_actor(), young_person_id=young_person_id, name=body["worker_name"],
                               email=body["worker_email"])


@blp.route("/young-people/<uuid:young_person_id>/case-reference", methods=["PUT"])
@require_role(*CASEWORK)
@blp.arguments(CaseReferenceSchema)
@blp.response(200, YoungPersonStaffSchema)
def set_case_reference(body, young_person_id):
    """Their reference in the case system (empty or null removes it): shown only on a safeguarding alert."""
    return services.set_case_reference(actor=current_actor(), young_person_id=young_person_id, **body)


@blp.route("/young-people/<uuid:young_person_id>/invitations", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.response(201, InvitationSchema)
def issue_invitation(young_person_id):
    """A single-use sign-in code for a worker to hand over; it is shown only this once."""
    code, invitation = codes.issue_invitation(actor=current_actor(), young_person_id=young_person_id)
    return {"code": code, "expires_at": invitation.expires_at}
