"""Download my data; delete my account."""
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from voiceapp.auth.guards import current_actor, require_young_person
from voiceapp.rights import services

blp = Blueprint("rights", __name__, url_prefix="/api/v1", description="Your data rights")


class ExportSchema(Schema):
    profile = fields.Dict()
    promise_checks = fields.List(fields.Dict())
    messages = fields.List(fields.Dict())
    survey_responses = fields.List(fields.Dict())
    phone_on_record = fields.String(allow_none=True)


@blp.route("/me/export", methods=["GET"])
@require_young_person
@blp.response(200, ExportSchema)
def export_my_data():
    """Everything we hold about you, to download."""
    return services.export_my_data(actor=current_actor())


@blp.route("/me", methods=["DELETE"])
@require_young_person
@blp.response(204)
def erase_me():
    """Delete your account and everything you sent (unless a safety hold means we must keep it for now)."""
    services.erase_me(actor=current_actor())
