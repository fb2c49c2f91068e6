"""The yardstick for benchmarks/sms_webhook.py: check the signature, insert one row, answer TwiML. Nothing else."""
import os

import sqlalchemy as sa
from flask import Flask, Response, abort, request
from twilio.request_validator import RequestValidator

app = Flask(__name__)
engine = sa.create_engine(os.environ["BARE_DATABASE_URL"], **({"connect_args": {"timeout": 15}}
                          if os.environ["BARE_DATABASE_URL"].startswith("sqlite") else {}))
validator = RequestValidator(os.environ["BARE_TOKEN"])
PUBLIC = os.environ["BARE_PUBLIC_URL"].rstrip("/")
TABLE = sa.table("bare_inbound", sa.column("message_sid"), sa.column("body"))


@app.post("/twilio/sms")
def inbound():
    if not validator.validate(PUBLIC + request.path, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    with engine.begin() as connection:
        connection.execute(sa.insert(TABLE).values(message_sid=request.form["MessageSid"],
                                                   body=request.form.get("Body", "")))
    return Response("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks</Message></Response>",
                    mimetype="application/xml")
