"""The promise for young people to check, and promise sets for staff to manage."""
from flask_smorest import Blueprint

from voiceapp.auth.guards import current_actor, require_role, require_young_person, signed_in
from voiceapp.auth.models import Role
from voiceapp.channel_enum import Channel
from voiceapp.people import services as people
from voiceapp.promises import services
from voiceapp.promises.schemas import (PrioritySchema, PromiseCheckInSchema, PromiseCheckSchema,
                                       PromiseInformationSchema, PromiseSetCreateSchema, PromiseSetSchema)

blp = Blueprint("promises", __name__, url_prefix="/api/v1", description="The promise and promise checks")
STAFF_WITH_RECORDS = (Role.SENIOR_LEADER, Role.VOICE_OFFICER, Role.PRIORITY_LEAD)


@blp.route("/priorities", methods=["GET"])
@signed_in
@blp.response(200, PrioritySchema(many=True))
def list_priorities():
    """The six strategic priorities everything is counted under."""
    return services.list_priorities()


@blp.route("/me/promises", methods=["GET"])
@require_young_person
@blp.response(200, PromiseSetSchema)
def my_promises():
    """The promise we made to you, in your language."""
    return services.current_set(people.get_young_person(current_actor().id).cohort)


@blp.route("/me/promise-checks", methods=["POST"])
@require_young_person
@blp.arguments(PromiseCheckInSchema)
@blp.response(201, PromiseCheckSchema)
def submit_promise_check(body):
    """Say, promise by promise, whether we are keeping it (with a comment if you like)."""
    check = services.record_promise_check(actor=current_actor(), young_person_id=current_actor().id,
                                          answers=body["answers"], channel=Channel.WEB, comment=body.get("comment"),
                                          promise_information=body.get("promise_information"))
    return services.shown_checks([check])[0]


@blp.route("/me/promise-information", methods=["GET"])
@require_young_person
@blp.response(200, PromiseInformationSchema)
def promise_information_question():
    """Asked once a half-year with the promise check: has your social worker explained the promise to you?"""
    question = services.promise_information_question(current_actor().id)
    return {"due": question is not None, **(question or {"question": None, "options": []})}


@blp.route("/me/promise-checks", methods=["GET"])
@require_young_person
@blp.response(200, PromiseCheckSchema(many=True))
def my_promise_checks():
    return services.list_my_checks(actor=current_actor())


@blp.route("/me/promise-checks/<uuid:check_id>", methods=["GET"])
@require_young_person
@blp.response(200, PromiseCheckSchema)
def my_promise_check(check_id):
    return services.show_my_check(actor=current_actor(), check_id=check_id)


@blp.route("/me/promise-checks/<uuid:check_id>", methods=["DELETE"])
@require_young_person
@blp.response(204)
def delete_my_promise_check(check_id):
    services.delete_my_check(actor=current_actor(), check_id=check_id)


@blp.route("/promise-sets", methods=["GET"])
@require_role(*STAFF_WITH_RECORDS, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)
@blp.response(200, PromiseSetSchema(many=True))
def list_promise_sets():
    """Every version of every promise (the promises are public; nothing here identifies anyone)."""
    return services.list_sets()


@blp.route("/promise-sets", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(PromiseSetCreateSchema)
@blp.response(201, PromiseSetSchema)
def create_promise_set(body):
    """Add a new version of a cohort's promise."""
    return services.create_set(actor=current_actor(), **body)


@blp.route("/promise-sets/<uuid:set_id>", methods=["GET"])
@require_role(*STAFF_WITH_RECORDS, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)
@blp.response(200, PromiseSetSchema)
def get_promise_set(set_id):
    return services.get_set(set_id)


@blp.route("/promise-sets/<uuid:set_id>/make-current", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.response(200, PromiseSetSchema)
def make_promise_set_current(set_id):
    """Ask young people about this version from now on."""
    return services.make_current(actor=current_actor(), set_id=set_id)
