"""The audit trail over the API for the voice and influence team: list and CSV export (audit sits below auth,
so the roles that may read it are checked here)."""
from flask import Response
from flask_smorest import Blueprint

from voiceapp.audit import services
from voiceapp.audit.schemas import AuditEventSchema, AuditFilterSchema
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.database import transaction

blp = Blueprint("audit", __name__, url_prefix="/api/v1", description="Audit trail")


@blp.route("/audit-events", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(AuditFilterSchema, location="query")
@blp.response(200, AuditEventSchema(many=True))
def list_events(args):
    return services.list_events(**args)


@blp.route("/audit-events.csv", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(AuditFilterSchema, location="query")
@blp.response(200, content_type="text/csv")
def export_events(args):
    """The audit trail as CSV (exporting it is itself audited)."""
    body = services.events_csv(services.list_events(**args))
    with transaction():
        services.record(actor=current_actor(), action="audit.export", object_type="audit_event")
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=audit-events.csv"})
