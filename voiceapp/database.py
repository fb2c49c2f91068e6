"""Database building blocks: naming convention, ids, timestamps and the one transaction per use case."""
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone

import sqlalchemy as sa
from flask import current_app
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.types import TypeDecorator

from voiceapp.errors import NotFound
from voiceapp.sqlite_lock import QueuedWriterConnection

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(column_0_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
# The one Flask-SQLAlchemy object, bound to each app by extensions.register (extensions.py re-exports it).
db = SQLAlchemy(metadata=metadata)


def utcnow():
    """The current time, timezone-aware in UTC (patched by tests through time-machine)."""
    return datetime.now(timezone.utc)


def new_id():
    """A random, non-enumerable identifier (UUIDv4)."""
    return uuid.uuid4()


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and always returns them aware, on SQLite and PostgreSQL alike."""
    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def tune_engine(engine):
    """SQLite: enforce foreign keys, allow readers beside a writer, and let SQLAlchemy own BEGIN/SAVEPOINT.
    PostgreSQL: a redoable transaction commits without waiting for the disk, as on SQLite."""
    if engine.dialect.name == "postgresql":
        sa.event.listen(engine, "begin", _asynchronous_commit_when_redoable)
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, record):
        # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented recipe turns it off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection):
        options = connection.get_execution_options()
        if not options.get(WRITES):
            connection.exec_driver_sql("BEGIN")
            return
        # A transaction() that will write takes the write lock up front (IMMEDIATE). A deferred transaction that
        # reads and then writes fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT, which no timeout
        # waits out) whenever another process wrote in between: under load, texts were answered with the
        # holding reply and spooled. Writers queue for their turn on a file lock first (voiceapp/sqlite_lock.py).
        raw = connection.connection.dbapi_connection
        if isinstance(raw, QueuedWriterConnection):
            raw.take_writer_lock()
        # WAL with NORMAL skips the disk flush at commit; the database stays whole, but a power cut may lose
        # the last commits. Only a transaction() that can be done again asks for it (see transaction()).
        connection.exec_driver_sql(f"PRAGMA synchronous={'NORMAL' if options.get(REDOABLE) else 'FULL'}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")


BULK_CACHE_KIB = 131_072   # 128 MB: a whole-index rebuild's working set at England size
DEFAULT_CACHE_KIB = 2_000  # SQLite's own default


def bulk_cache(session, on=True):
    """SQLite: let the session's connection keep BULK_CACHE_KIB of pages in memory (on), or go back to the
    default (off). A rebuild touches every index of a table of a million rows, and with SQLite's 2 MB each
    page is read again and again; the setting lasts for the connection, and memory is taken only as used.
    PostgreSQL's shared buffers need nothing here."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(sa.text(f"PRAGMA cache_size=-{BULK_CACHE_KIB if on else DEFAULT_CACHE_KIB}"))


def _asynchronous_commit_when_redoable(connection):
    # PostgreSQL's lever for what SQLite's synchronous=NORMAL does: this one transaction's commit returns
    # before its WAL record is flushed. The database stays consistent; a crash may lose only this commit,
    # and only a transaction() that is done again from an earlier, durable commit asks for it.
    if connection.get_execution_options().get(REDOABLE):
        connection.exec_driver_sql("SET LOCAL synchronous_commit = off")


def id_column():
    return sa.Column(sa.Uuid, primary_key=True, default=new_id)


_AFTER_COMMIT = "voiceapp_after_commit_hooks"


def add_after_commit_hook(app, hook):
    """hook(session) runs once a transaction() has committed (the job queue hands over its jobs here)."""
    hooks = app.extensions.setdefault(_AFTER_COMMIT, [])
    if hook not in hooks:
        hooks.append(hook)


_DEPTH = "voiceapp_transaction_depth"
WRITES = "voiceapp_writes"     # execution option: this transaction will write (SQLite begins it IMMEDIATE)
REDOABLE = "voiceapp_redoable"


@contextmanager
def transaction(*, redoable=False):
    """Run one use case in one commit; any exception rolls everything back.

    A use case called inside another (the SMS conversation calling the Tell Us service) joins the outer
    transaction as a savepoint: it commits with the outer one, or not at all, and its own failure undoes
    only its own writes.

    redoable: losing this commit to a power cut would cost nothing that is not done again from what an
    earlier, durable commit stored (the SMS conversation step, which the sweep redoes from the stored
    text). SQLite (synchronous=NORMAL) and PostgreSQL (SET LOCAL synchronous_commit = off) then commit
    without waiting for the disk.
    """
    session = db.session
    depth = session.info.get(_DEPTH, 0)
    if depth:
        session.info[_DEPTH] = depth + 1
        try:
            with session.begin_nested():
                yield session
        finally:
            session.info[_DEPTH] = depth
        return
    session.info[_DEPTH] = 1
    if session().in_transaction():
        # What the request read before its use case (the token, the young person) ran in a deferred read
        # transaction. Writing inside it fails on SQLite whenever another writer committed since it began
        # (SQLITE_BUSY_SNAPSHOT: "database is locked", which no timeout waits out), so end it here and begin
        # the use case afresh with the write lock; what was read is read again, current, under that lock.
        session.commit()
    session.connection(execution_options={WRITES: True, REDOABLE: redoable})
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info[_DEPTH] = 0
    for hook in current_app.extensions.get(_AFTER_COMMIT, ()):
        hook(session)


def enum_type(enum_class):
    """Store an enum's values (not its Python names) as portable strings with a CHECK constraint."""
    return sa.Enum(enum_class, native_enum=False, length=40, create_constraint=True,
                   validate_strings=True, values_callable=lambda members: [m.value for m in members])


def get_or_404(model, ident, message, *, fresh=False, **expected):
    """The row of `model` with this primary key whose attributes equal `expected`, else NotFound(message).

    A row that exists but does not match (someone else's) answers exactly like a missing one (no probing, API1).
    fresh: read the row again even if this session already holds it."""
    row = db.session.get(model, ident, populate_existing=fresh)
    if row is None or any(getattr(row, name) != value for name, value in expected.items()):
        raise NotFound(message)
    return row


def one_or_404(query, message):
    """The first row a select finds, else NotFound(message)."""
    row = db.session.scalar(query)
    if row is None:
        raise NotFound(message)
    return row
