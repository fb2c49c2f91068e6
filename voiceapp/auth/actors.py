"""The actor every use case is performed by: a staff member, a young person or the system itself."""
from dataclasses import dataclass
from uuid import UUID

from voiceapp.auth.models import Role


@dataclass(frozen=True)
class Actor:
    kind: str                 # "staff" | "young_person" | "system"
    id: UUID | None = None
    role: Role | None = None
    language: str | None = None
    session_id: UUID | None = None
    priority_id: UUID | None = None

    @classmethod
    def for_staff(cls, user, session_id=None):
        return cls(kind="staff", id=user.id, role=user.role, session_id=session_id, priority_id=user.priority_id)

    @classmethod
    def for_young_person(cls, person, session_id=None):
        return cls(kind="young_person", id=person.id, language=person.language, session_id=session_id)

    @property
    def is_staff(self):
        return self.kind == "staff"

    @property
    def is_young_person(self):
        return self.kind == "young_person"

    def has_role(self, *roles):
        return self.is_staff and self.role in roles


SYSTEM = Actor(kind="system")
