"""The text a young person sent is a durable commit; only the redoable conversation step skips the disk flush."""
import pytest
import sqlalchemy as sa

from tests.conftest import SignedTwilio, base_config, reset_schema, twiml_texts, worker_database
from voiceapp import create_app
from voiceapp.channels.sms.models import InboundSms, InboundStatus
from voiceapp.extensions import db
from voiceapp.people import services as people
from voiceapp.auth.actors import SYSTEM

# What each database reports for "waits for the disk at commit" and "does not".
DURABLE = {"postgresql": "on", "sqlite": 2}
ASYNCHRONOUS = {"postgresql": "off", "sqlite": 1}
SETTING = {"postgresql": "SHOW synchronous_commit", "sqlite": "PRAGMA synchronous"}


@pytest.fixture
def committing_app(database_url, tmp_path, worker_id):
    """An app whose transactions really commit (no test savepoint), on a database of its own."""
    url = (worker_database(database_url, f"{worker_id}_durable") if database_url.startswith("postgresql")
           else f"sqlite:///{tmp_path / 'durable.sqlite'}")
    app = create_app(base_config(url))
    with app.app_context():
        reset_schema(db.engine)
        db.create_all()
        people.create_young_person(actor=SYSTEM, cohort="child_in_care", age_band="13-15", phone="07911 123456")
        yield app
        db.session.remove()
        db.engine.dispose()


def commits_seen(engine):
    """The commit setting in force as each transaction commits, with what it wrote to inbound_sms."""
    seen = []
    name = engine.dialect.name

    @sa.event.listens_for(engine, "before_cursor_execute")
    def statement(connection, cursor, text, parameters, context, many):
        if text.startswith(("INSERT INTO inbound_sms", "UPDATE inbound_sms")):
            connection.info["wrote"] = text.split()[0]

    @sa.event.listens_for(engine, "commit")
    def commit(connection):
        if "wrote" in connection.info:
            level = connection.exec_driver_sql(SETTING[name]).scalar()
            seen.append((connection.info.pop("wrote"), level))
    return seen


def test_the_stored_text_waits_for_the_disk_and_only_the_conversation_step_does_not(committing_app):
    engine = db.engine
    seen = commits_seen(engine)
    texts = twiml_texts(SignedTwilio(committing_app.test_client(), committing_app).sms("hi"))
    assert texts
    name = engine.dialect.name
    assert seen == [("INSERT", DURABLE[name]), ("UPDATE", ASYNCHRONOUS[name])]
    assert db.session.scalar(sa.select(InboundSms.status)) == InboundStatus.PROCESSED


def test_a_transaction_after_a_redoable_one_on_the_same_connection_is_durable_again(committing_app):
    from voiceapp.database import transaction
    name = db.engine.dialect.name
    with transaction(redoable=True):
        assert db.session.execute(sa.text(SETTING[name])).scalar() == ASYNCHRONOUS[name]
    with transaction():
        assert db.session.execute(sa.text(SETTING[name])).scalar() == DURABLE[name]
