"""Subject access requests handled by staff: due one calendar month after receipt (UK GDPR Art 12(3))."""
import sqlalchemy as sa

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Conflict
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.rights.models import SarStatus, SubjectAccessRequest
from voiceapp.rights.services import export_for
from voiceapp.tellus.deadlines import sar_due_date


def record_request(*, actor, young_person_id, received_on):
    """Log a request made to staff; its due date follows the ICO's calendar-month rule."""
    person = people.get_young_person(young_person_id)
    with transaction():
        request = SubjectAccessRequest(young_person_id=person.id, received_on=received_on,
                                       due_on=sar_due_date(received_on), recorded_by_id=actor.id)
        db.session.add(request)
        db.session.flush()
        audit.record(actor=actor, action="sar.record", object_type="young_person", object_id=person.id)
    return request


def list_requests(*, status=None):
    query = sa.select(SubjectAccessRequest).order_by(SubjectAccessRequest.due_on)
    if status is not None:
        query = query.where(SubjectAccessRequest.status == status)
    return db.session.scalars(query).all()


def get_request(request_id):
    return get_or_404(SubjectAccessRequest, request_id, "No such request")


def disclose(*, actor, request_id):
    """Everything held about the young person, for staff to send; every disclosure is audited."""
    request = get_request(request_id)
    with transaction():
        audit.record(actor=actor, action="sar.disclose", object_type="young_person",
                     object_id=request.young_person_id)
    return export_for(request.young_person_id)


def complete_request(*, actor, request_id):
    request = get_request(request_id)
    if request.status == SarStatus.COMPLETED:
        raise Conflict("This request is already completed", field="status", reason="already completed")
    with transaction():
        request.status, request.completed_at = SarStatus.COMPLETED, utcnow()
        audit.record(actor=actor, action="sar.complete", object_type="young_person",
                     object_id=request.young_person_id)
    return request
