"""The embedded SQLite database: writers take their turn up front and hand over at once; readers never wait."""
import sqlite3

import pytest
import sqlalchemy as sa

from tests.conftest import base_config
from voiceapp import create_app
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.sqlite_lock import QueuedWriterConnection


@pytest.fixture
def file_app(tmp_path):
    app = create_app(base_config(f"sqlite:///{tmp_path / 'writers.sqlite'}"))
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.engine.dispose()


def other_writer(path, timeout=0):
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, factory=QueuedWriterConnection)


def test_a_writer_waits_for_the_one_before_it_and_goes_in_as_soon_as_it_commits(tmp_path):
    path = str(tmp_path / "queue.sqlite")
    first, second = other_writer(path), other_writer(path, timeout=5)
    first.take_writer_lock()
    first.execute("BEGIN IMMEDIATE")
    first.execute("CREATE TABLE t (x)")
    first.commit()
    second.take_writer_lock()   # how fast the hand-over is: benchmarks/sqlite_writers.py
    assert second._holding
    second.rollback()
    assert not second._holding


def test_a_writer_that_waits_past_its_timeout_goes_on_to_sqlites_own_wait(tmp_path):
    path = str(tmp_path / "queue.sqlite")
    first, second = other_writer(path), other_writer(path, timeout=0.05)
    first.take_writer_lock()
    second.take_writer_lock()
    assert not second._holding
    first.rollback()


def test_a_transaction_takes_the_write_lock_from_its_first_statement(file_app):
    path = db.engine.url.database
    with transaction():
        db.session.execute(sa.text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            sqlite3.connect(path, timeout=0, isolation_level=None).execute("BEGIN IMMEDIATE")
    sqlite3.connect(path, timeout=0, isolation_level=None).execute("BEGIN IMMEDIATE")


def test_reading_outside_a_transaction_leaves_writers_free(file_app):
    path = db.engine.url.database
    db.session.execute(sa.text("SELECT 1"))
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("ROLLBACK")


@pytest.mark.parametrize("redoable, level", [(False, 2), (True, 1)])
def test_only_a_redoable_transaction_commits_without_waiting_for_the_disk(file_app, redoable, level):
    with transaction(redoable=redoable):
        assert db.session.execute(sa.text("PRAGMA synchronous")).scalar() == level   # 2 FULL, 1 NORMAL


def test_a_use_case_after_reads_writes_even_when_another_writer_committed_in_between(file_app):
    db.session.execute(sa.text("CREATE TABLE IF NOT EXISTS counter (n INTEGER)"))
    db.session.commit()
    db.session.execute(sa.text("SELECT count(*) FROM counter")).scalar()     # the request reads first (deferred)
    other = sqlite3.connect(db.engine.url.database, timeout=5, isolation_level=None)
    other.execute("INSERT INTO counter VALUES (1)")                           # another worker writes meanwhile
    with transaction():
        db.session.execute(sa.text("INSERT INTO counter VALUES (2)"))
        seen = db.session.execute(sa.text("SELECT count(*) FROM counter")).scalar()
    assert seen == 2
