"""Recording and reading the audit trail."""
import csv
import io

import sqlalchemy as sa
from flask import g, has_request_context, request

from voiceapp.audit.models import AuditEvent
from voiceapp.extensions import db
from voiceapp.i18n import without_bidi_controls

# A cell starting with one of these would run as a formula in a spreadsheet (ASVS 1.2.10).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def record(*, actor, action, object_type, object_id=None, detail=None):
    """Add an audit event to the current transaction (it commits or rolls back with the use case)."""
    db.session.add(AuditEvent(
        actor_kind=actor.kind, actor_id=actor.id, actor_role=getattr(actor.role, "value", actor.role),
        action=action, object_type=object_type, object_id=object_id, detail=detail or {},
        request_id=g.get("request_id") if has_request_context() else None,
        ip_address=request.remote_addr if has_request_context() else None))


def list_events(*, object_id=None, actor_id=None, action=None, limit=500):
    query = sa.select(AuditEvent).order_by(AuditEvent.occurred_at.desc()).limit(limit)
    if object_id:
        query = query.where(AuditEvent.object_id == object_id)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if action:
        query = query.where(AuditEvent.action == action)
    return db.session.scalars(query).all()


def safe_cell(value):
    """Neutralise spreadsheet formulas and direction overrides in exported text."""
    text = "" if value is None else without_bidi_controls(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows, columns):
    """Write rows (mappings) to CSV text with every cell made formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def events_csv(events):
    columns = ["occurred_at", "actor_kind", "actor_id", "actor_role", "action", "object_type",
               "object_id", "request_id", "ip_address"]
    return to_csv(({c: getattr(e, c) for c in columns} for e in events), columns)
