"""AuditEvent: append-only; the ORM refuses to change or delete one."""
import sqlalchemy as sa
from sqlalchemy import event

from voiceapp.database import UTCDateTime, id_column, utcnow
from voiceapp.extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    id = id_column()
    occurred_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    actor_kind = sa.Column(sa.String(20), nullable=False)
    actor_id = sa.Column(sa.Uuid)
    actor_role = sa.Column(sa.String(32))
    action = sa.Column(sa.String(64), nullable=False)
    object_type = sa.Column(sa.String(40), nullable=False)
    object_id = sa.Column(sa.Uuid, index=True)
    request_id = sa.Column(sa.String(32))
    ip_address = sa.Column(sa.String(45))
    detail = sa.Column(sa.JSON, nullable=False, default=dict)


class AppendOnly(Exception):
    """Audit events are evidence: they are never edited or removed."""


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(mapper, connection, target):
    raise AppendOnly("audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise AppendOnly("audit events cannot be deleted")
