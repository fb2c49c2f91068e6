"""Yardsticks for benchmarks/sms_webhook.py, with nothing of voiceapp in them.

bare: check the signature, insert one row, answer TwiML (the issue's yardstick).
store-first floor (BARE_STORE_FIRST=1): the least any handler that stores a text before its conversation can
do: the same insert and commit, then a second transaction that reads and updates the number's conversation
state and records the reply, then answers. No ORM, no screening, no conversation logic.
store-first floor, asynchronous second commit (BARE_STORE_FIRST=async): the same, with the second (redoable)
transaction committed as voiceapp commits its conversation step: `SET LOCAL synchronous_commit = off` on
PostgreSQL, `PRAGMA synchronous=NORMAL` on SQLite (the insert stays a durable commit, synchronous=FULL).
"""
from contextlib import contextmanager

import os

import sqlalchemy as sa
from flask import Flask, Response, abort, request
from twilio.request_validator import RequestValidator

app = Flask(__name__)
engine = sa.create_engine(os.environ["BARE_DATABASE_URL"], **({"connect_args": {"timeout": 15}}
                          if os.environ["BARE_DATABASE_URL"].startswith("sqlite") else {}))
validator = RequestValidator(os.environ["BARE_TOKEN"])
PUBLIC = os.environ["BARE_PUBLIC_URL"].rstrip("/")
STORE_FIRST = os.environ.get("BARE_STORE_FIRST") in ("1", "async")
ASYNC_SECOND = os.environ.get("BARE_STORE_FIRST") == "async"
SQLITE = os.environ["BARE_DATABASE_URL"].startswith("sqlite")
TABLE = sa.table("bare_inbound", sa.column("message_sid"), sa.column("body"), sa.column("reply"))
STATE = sa.table("bare_state", sa.column("phone"), sa.column("turns"))
REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks</Message></Response>"


@contextmanager
def committed(durable=True):
    """One transaction; with ASYNC_SECOND, a durable one or one whose commit does not wait for the disk."""
    if not ASYNC_SECOND:
        with engine.begin() as connection:
            yield connection
        return
    with engine.connect() as connection:
        if SQLITE:      # per connection, and only outside a transaction: set before each one
            connection.exec_driver_sql(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            connection.commit()
        with connection.begin():
            if not SQLITE and not durable:
                connection.exec_driver_sql("SET LOCAL synchronous_commit = off")
            yield connection


@app.post("/twilio/sms")
def inbound():
    if not validator.validate(PUBLIC + request.path, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    sid, phone = request.form["MessageSid"], request.form.get("From", "")
    with committed() as connection:
        connection.execute(sa.insert(TABLE).values(message_sid=sid, body=request.form.get("Body", "")))
    if STORE_FIRST:
        with committed(durable=False) as connection:
            turns = connection.execute(sa.select(STATE.c.turns).where(STATE.c.phone == phone)
                                       .with_for_update()).scalar()
            if turns is None:
                connection.execute(sa.insert(STATE).values(phone=phone, turns=1))
            else:
                connection.execute(sa.update(STATE).where(STATE.c.phone == phone).values(turns=turns + 1))
            connection.execute(sa.update(TABLE).where(TABLE.c.message_sid == sid).values(reply=REPLY))
    return Response(REPLY, mimetype="application/xml")
