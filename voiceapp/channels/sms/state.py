"""A number's conversation row for one turn: read under its lock, and written back with one statement holding
only what the turn changed.

Every text takes this path while Twilio waits. As an ORM object the row cost an identity-mapped load and a
unit-of-work flush of its own, several times the two statements themselves (benchmarks/sms_profile.py). The
flows see the same attributes (flow, state, language, privacy_notice_sent, updated_at) and, as before, replace
`state` rather than change it in place (Turn.goto and Turn.update).
"""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from voiceapp.channels.sms.models import SmsConversation
from voiceapp.database import new_id, utcnow
from voiceapp.extensions import db

_TABLE = SmsConversation.__table__
CHANGEABLE = ("flow", "state", "language", "privacy_notice_sent", "updated_at")
_FOR_UPDATE = sa.select(_TABLE).where(_TABLE.c.phone_hash == sa.bindparam("phone_hash")).with_for_update()
_UPDATES = {}     # one UPDATE statement per set of changed columns, built once


class ConversationRow:
    """The columns of one sms_conversations row, as read at the start of the turn and as the turn left them."""
    __slots__ = ("id", "phone_hash", *CHANGEABLE, "_read")

    def __init__(self, mapping):
        self.id, self.phone_hash = mapping["id"], mapping["phone_hash"]
        for name in CHANGEABLE:
            setattr(self, name, mapping[name])
        self._read = tuple(mapping[name] for name in CHANGEABLE)

    def changes(self):
        return {name: getattr(self, name) for name, before in zip(CHANGEABLE, self._read)
                if getattr(self, name) != before}


def _insert_for(session):
    """INSERT ... ON CONFLICT for the database in use (PostgreSQL and SQLite both have it)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(_TABLE)


def lock(phone_hash):
    """This number's conversation row, locked until the transaction ends; created (menu, empty) if new."""
    found = db.session.execute(_FOR_UPDATE, {"phone_hash": phone_hash}).mappings().first()
    if found is None:
        # Two texts from a new number can arrive together: whichever inserts second finds the row there and
        # waits on its lock, rather than failing on the unique phone hash.
        db.session.execute(_insert_for(db.session).values(
            id=new_id(), phone_hash=phone_hash, flow="menu", state={}, privacy_notice_sent=False,
            updated_at=utcnow()).on_conflict_do_nothing(index_elements=["phone_hash"]))
        found = db.session.execute(_FOR_UPDATE, {"phone_hash": phone_hash}).mappings().first()
    return ConversationRow(found)


def save(row):
    """Write what the turn changed (nothing when nothing did)."""
    changes = row.changes()
    if not changes:
        return
    names = tuple(sorted(changes))
    statement = _UPDATES.get(names)
    if statement is None:
        statement = _UPDATES[names] = sa.update(_TABLE).where(_TABLE.c.id == sa.bindparam("row_id")).values(
            {name: sa.bindparam(f"new_{name}") for name in names})
    db.session.execute(statement, {"row_id": row.id, **{f"new_{name}": value for name, value in changes.items()}})
