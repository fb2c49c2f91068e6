"""Download my data; delete my account."""
from flask import Response, render_template
from flask_babel import get_locale
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from voiceapp.auth.guards import current_actor, require_role, require_young_person
from voiceapp.auth.models import Role
from voiceapp.i18n import text_direction
from voiceapp.rights import requests, services
from voiceapp.rights.models import SarStatus
from voiceapp.schemas import StrictSchema, day, when

blp = Blueprint("rights", __name__, url_prefix="/api/v1", description="Your data rights")


class ExportSchema(Schema):
    profile = fields.Dict()
    promise_checks = fields.List(fields.Dict())
    messages = fields.List(fields.Dict())
    survey_responses = fields.List(fields.Dict())
    phone_on_record = fields.String(allow_none=True)
    texts_sent_to_you = fields.List(fields.Dict())
    texts_you_sent = fields.List(fields.Dict())
    your_words_quoted = fields.List(fields.Dict())
    calls_to_you = fields.List(fields.Dict())
    your_worker = fields.Dict(allow_none=True)
    case_reference = fields.String(allow_none=True)


class SarInSchema(StrictSchema):
    young_person_id = fields.UUID(required=True)
    received_on = day(required=True)


class SarSchema(StrictSchema):
    id = fields.UUID()
    young_person_id = fields.UUID()
    received_on = day()
    due_on = day()
    status = fields.Enum(SarStatus, by_value=True)
    completed_at = when(allow_none=True)


class SarFilterSchema(StrictSchema):
    status = fields.Enum(SarStatus, by_value=True)


@blp.route("/me/export", methods=["GET"])
@require_young_person
@blp.response(200, ExportSchema)
def export_my_data():
    """Everything we hold about you, to download."""
    return services.export_my_data(actor=current_actor())


@blp.route("/me/export.html", methods=["GET"])
@require_young_person
@blp.response(200, content_type="text/html")
def export_my_data_page():
    """The same, as a page you can read or print."""
    data = services.export_my_data(actor=current_actor())
    locale = str(get_locale())
    return Response(render_template("rights/export.html", data=data, language=locale,
                                    direction=text_direction(locale)), mimetype="text/html")


@blp.route("/me", methods=["DELETE"])
@require_young_person
@blp.response(204)
def erase_me():
    """Delete your account and everything you sent (unless a safety hold means we must keep it for now)."""
    services.erase_me(actor=current_actor())


@blp.route("/subject-access-requests", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(SarInSchema)
@blp.response(201, SarSchema)
def record_request(body):
    """Log a subject access request made to staff; it is due one calendar month after receipt."""
    return requests.record_request(actor=current_actor(), **body)


@blp.route("/subject-access-requests", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(SarFilterSchema, location="query")
@blp.response(200, SarSchema(many=True))
def list_requests(args):
    return requests.list_requests(**args)


@blp.route("/subject-access-requests/<uuid:request_id>/disclosure", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.response(200, ExportSchema)
def disclose(request_id):
    """Everything held about the young person, to send to them (audited)."""
    return requests.disclose(actor=current_actor(), request_id=request_id)


@blp.route("/subject-access-requests/<uuid:request_id>/complete", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.response(200, SarSchema)
def complete_request(request_id):
    return requests.complete_request(actor=current_actor(), request_id=request_id)
