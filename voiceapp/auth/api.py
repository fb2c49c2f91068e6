"""Sign-in endpoints (staff password, young people's code or invitation), sign-out, and staff users."""
from flask import current_app, request
from flask_babel import gettext as _
from flask_smorest import Blueprint

from voiceapp.auth import codes, services
from voiceapp.auth.guards import current_actor, public, require_role, signed_in
from voiceapp.auth.models import Role
from voiceapp.auth.schemas import (ChallengeSchema, CodeRequestSchema, CodeVerifySchema, InvitationRedeemSchema,
                                   SessionSchema, StaffSignInSchema, StaffUserSchema, StaffUserUpdateSchema,
                                   WhoAmISchema)
from voiceapp.extensions import limiter

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Signing in and staff users")
NO_AUTH = {"security": []}


def sign_in_limit():
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _session(token, kind):
    idle = current_app.config["SESSION_IDLE_TIMEOUT" if kind == "staff" else "YOUNG_PERSON_SESSION_IDLE_TIMEOUT"]
    return {"token": token, "kind": kind, "expires_in_idle_seconds": int(idle.total_seconds())}


@blp.route("/auth/staff/sign-in", methods=["POST"])
@public
@limiter.limit(sign_in_limit)
@blp.arguments(StaffSignInSchema)
@blp.response(200, SessionSchema)
@blp.doc(**NO_AUTH)
def staff_sign_in(body):
    """Staff sign in with email and password; repeated failures from one place must wait longer each time
    (429 with Retry-After)."""
    token, _user = services.sign_in_staff(email=body["email"], password=body["password"],
                                          source=request.remote_addr or "unknown")
    return _session(token, "staff")


@blp.route("/auth/code", methods=["POST"])
@public
@limiter.limit(sign_in_limit)
@blp.arguments(CodeRequestSchema)
@blp.response(202, ChallengeSchema)
@blp.doc(**NO_AUTH)
def request_code(body):
    """Ask for a sign-in code by text. The answer is the same whether or not the number is registered."""
    challenge_id = codes.request_code(phone=body["phone"])
    return {"challenge_id": challenge_id,
            "message": _("If this number is registered with us, we have sent it a code.")}


@blp.route("/auth/code/verify", methods=["POST"])
@public
@limiter.limit(sign_in_limit)
@blp.arguments(CodeVerifySchema)
@blp.response(200, SessionSchema)
@blp.doc(**NO_AUTH)
def verify_code(body):
    """Swap the texted code for a session token."""
    token, _person = codes.verify_code(challenge_id=body["challenge_id"], code=body["code"])
    return _session(token, "young_person")


@blp.route("/auth/invitation", methods=["POST"])
@public
@limiter.limit(sign_in_limit)
@blp.arguments(InvitationRedeemSchema)
@blp.response(200, SessionSchema)
@blp.doc(**NO_AUTH)
def redeem_invitation(body):
    """Sign in with the invitation code a worker gave you."""
    token, _person = codes.redeem_invitation(code=body["code"])
    return _session(token, "young_person")


@blp.route("/auth/sign-out", methods=["POST"])
@signed_in
@blp.response(204)
def sign_out():
    """End this session on the server: the token stops working at once."""
    services.sign_out(actor=current_actor())


@blp.route("/auth/whoami", methods=["GET"])
@signed_in
@blp.response(200, WhoAmISchema)
def whoami():
    actor = current_actor()
    return {"kind": actor.kind, "id": actor.id, "role": getattr(actor.role, "value", None),
            "language": actor.language}


@blp.route("/staff-users", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.response(200, StaffUserSchema(many=True))
def list_staff():
    return services.list_staff()


@blp.route("/staff-users", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(StaffUserSchema)
@blp.response(201, StaffUserSchema)
def create_staff(body):
    """Add a staff user (passwords: 8+ characters, not a common one)."""
    return services.create_staff(actor=current_actor(), **body)


@blp.route("/staff-users/<uuid:staff_id>", methods=["PATCH"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(StaffUserUpdateSchema)
@blp.response(200, StaffUserSchema)
def update_staff(body, staff_id):
    """Change or disable a staff user; disabling ends their sessions at once."""
    return services.update_staff(actor=current_actor(), staff_id=staff_id, changes=body)
