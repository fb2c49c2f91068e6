"""Under load, with the periodic jobs running: no server errors, nothing lost, every text answered.

A real HTTP server (threaded, one connection per thread) on a database file of its own, or a schema of its own
on PostgreSQL, while another thread runs every periodic job back to back. benchmarks/mixed_load.py drives the
same mix under gunicorn and prints the figures.
"""
import threading
from concurrent.futures import ThreadPoolExecutor
import uuid

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from benchmarks import mixed_load
from tests.conftest import base_config, reset_schema
from voiceapp import create_app
from voiceapp.channels.sms.models import InboundSms, InboundStatus
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundMessage, OutboundStatus
from voiceapp.messaging.senders import sender_for
from voiceapp.tellus.models import Message, Status

SCHEMA = "under_load"


def _own_database(database_url, tmp_path):
    if database_url.startswith("postgresql"):
        separator = "&" if "?" in database_url else "?"
        return f"{database_url}{separator}options=-csearch_path%3D{SCHEMA}"
    return f"sqlite:///{tmp_path / 'load.sqlite'}"


@pytest.fixture
def served(database_url, tmp_path):
    """(app, base URL, population) with the server and the periodic jobs running; all stopped afterwards."""
    app = create_app({**base_config(_own_database(database_url, tmp_path)), **mixed_load.SETTINGS,
                      "SESSION_COOKIE_NAME": "voiceapp", "SESSION_COOKIE_SECURE": False})
    with app.app_context():
        reset_schema(db.engine, SCHEMA)
        population = mixed_load.populate()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    stop = threading.Event()
    threads = [threading.Thread(target=server.serve_forever, daemon=True),
               threading.Thread(target=mixed_load.keep_running_periodic_jobs, args=(app, stop), daemon=True)]
    for thread in threads:
        thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}", population
    finally:
        stop.set()
        server.shutdown()
        for thread in threads:
            thread.join(timeout=30)
        app.extensions["voiceapp_jobs"].pool.shutdown(wait=True)
        with app.app_context():
            db.session.remove()
            if db.engine.dialect.name == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            db.engine.dispose()


def _wait_for_jobs(app):
    """Let the job pool finish what the requests queued, then run the periodic jobs once more."""
    backend = app.extensions["voiceapp_jobs"]
    backend.pool.shutdown(wait=True)
    backend.pool = type(backend.pool)(max_workers=2)
    with app.app_context():
        from voiceapp.jobs import schedule
        schedule.run_all(app)
        db.session.remove()


def test_200_mixed_requests_four_at_a_time_with_the_scheduler_running_all_succeed(served):
    app, base, population = served
    outcomes = mixed_load.Driver(base, population, concurrency=4).run(200)
    wrong = [(o.kind, o.status) for o in outcomes if not o.ok]
    assert len(outcomes) >= 200 and wrong == []
    with app.app_context():
        posted = sum(1 for o in outcomes if o.kind == "yp_message")
        texts = sum(1 for o in outcomes if o.kind.startswith("sms"))
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == len(population.message_ids) + posted
        inbound = db.session.execute(sa.select(InboundSms.status, sa.func.count()).group_by(InboundSms.status)).all()
        assert dict(inbound) == {InboundStatus.PROCESSED: texts}


def test_fifty_sms_messages_answered_and_closed_from_the_pages_in_a_row_are_each_stored_once_and_sent_once(served):
    app, base, population = served
    driver = mixed_load.Driver(base, population)
    assert driver.page_session().ok
    bodies = {}
    for n, message_id in enumerate(population.message_ids[:50]):
        bodies[message_id] = f"Thank you for telling us. I have booked your meeting for Friday ({n})"
        assert driver.page_form(f"/staff/messages/{message_id}/reply", {"body": bodies[message_id]})[0] == 303
        assert driver.page_form(f"/staff/messages/{message_id}/status",
                                {"status": "closed", "outcome": "resolved"})[0] == 303
    _wait_for_jobs(app)
    with app.app_context():
        for message_id, body in bodies.items():
            message = db.session.get(Message, uuid.UUID(message_id))
            assert message.status == Status.CLOSED
            assert [entry.body for entry in message.replies].count(body) == 1
        replies = db.session.scalars(sa.select(OutboundMessage).where(OutboundMessage.purpose == "reply")).all()
        assert len(replies) == 50 and {row.status for row in replies} == {OutboundStatus.SENT}
        assert len({row.provider_sid for row in replies}) == 50
        sent = [text["body"] for text in sender_for(app).sent]
        assert all(sum(body in text for text in sent) == 1 for body in bodies.values())


def test_two_texts_from_a_new_number_arriving_together_are_both_answered_at_once(served):
    app, base, population = served
    driver = mixed_load.Driver(base, population)
    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = [list(pool.map(lambda text: driver.sms(f"+4479114{pair:05d}", text), ("hi", "hello")))
                   for pair in range(25)]
    assert all(status == 200 and "<Message>" in reply and mixed_load.HOLDING not in reply
               for pair in replies for status, reply in pair)
