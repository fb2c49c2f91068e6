"""SubjectAccessRequest: a request made to staff (by or for a young person), with its legal deadline."""
import enum

import sqlalchemy as sa

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db


class SarStatus(str, enum.Enum):
    OPEN = "open"
    COMPLETED = "completed"


class SubjectAccessRequest(db.Model):
    __tablename__ = "subject_access_requests"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    received_on = sa.Column(sa.Date, nullable=False)
    due_on = sa.Column(sa.Date, nullable=False)
    status = sa.Column(enum_type(SarStatus), nullable=False, default=SarStatus.OPEN)
    recorded_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    completed_at = sa.Column(UTCDateTime)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
