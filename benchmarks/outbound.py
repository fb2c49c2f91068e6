"""Queue 100,000 survey invitations (opt-outs and quiet hours applied) and show that sending is paced.

Run from the repository root: `.venv/bin/python benchmarks/outbound.py [--size 100000] [--database URL]`.
Prints figures; asserts nothing. Uses a fresh SQLite file unless --database is given.
"""
import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
import time_machine  # noqa: E402

from voiceapp import create_app, crypto  # noqa: E402
from voiceapp.database import new_id, transaction  # noqa: E402
from voiceapp.extensions import db  # noqa: E402


def make_people(size):
    """Bulk-insert young people with phones; one in ten has opted out."""
    from voiceapp.people.models import PhoneNumber, YoungPerson
    now = datetime.now(timezone.utc)
    encrypted = crypto.encrypt("+447911123456")
    people, numbers = [], []
    for i in range(size):
        person_id = new_id()
        people.append({"id": person_id, "cohort": "child_in_care", "age_band": "13-15", "language": "en",
                       "consent_to_quote": False, "consent_to_contact": False, "created_at": now,
                       "sms_opted_out_at": now if i % 10 == 0 else None})
        numbers.append({"id": new_id(), "young_person_id": person_id, "lookup_hash": f"{i:064d}",
                        "number_encrypted": encrypted, "last_digits": "456", "created_at": now})
    with transaction():
        for start in range(0, size, 10000):
            db.session.execute(sa.insert(YoungPerson), people[start:start + 10000])
            db.session.execute(sa.insert(PhoneNumber), numbers[start:start + 10000])


def queue_invitations():
    from voiceapp.messaging.bulk import queue_bulk_sms
    from voiceapp.people.models import YoungPerson
    with transaction():
        return queue_bulk_sms(audience=sa.select(YoungPerson.id), body="A new survey is open: Your home. "
                              "Reply 3 to answer by text.", purpose="survey_invite", valid_for=timedelta(days=30))


def paced_sends(seconds):
    """Run the dispatcher on a simulated clock and count sends per simulated minute (fake transport)."""
    from voiceapp.messaging.models import OutboundMessage
    from voiceapp.messaging.senders import sender_for
    from voiceapp.messaging.tasks import dispatch_due_sms
    from flask import current_app
    first = db.session.scalar(sa.select(sa.func.min(OutboundMessage.send_after)))
    with time_machine.travel(first, tick=False) as clock:
        for _ in range(seconds // 30):
            dispatch_due_sms()
            clock.shift(30)
    return len(sender_for(current_app).sent), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/outbound.sqlite"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "b" * 40, "SMS_BACKEND": "memory",
                          "JOB_BACKEND": "inline", "SMS_SEGMENTS_PER_SECOND": 1.0})
        with app.app_context():
            db.drop_all()
            db.create_all()
            make_people(args.size)
            evening = datetime(2026, 11, 24, 22, 0, tzinfo=timezone.utc)    # in quiet hours
            with time_machine.travel(evening, tick=False):
                started = time.perf_counter()
                result = queue_invitations()
                took = time.perf_counter() - started
            print(f"queued {result.queued:,} invitations for {args.size:,} young people in {took:.2f} s "
                  f"(target < 30 s); skipped {result.opted_out:,} opted out, {result.paused:,} paused")
            from voiceapp.messaging.models import OutboundMessage
            first = db.session.scalar(sa.select(sa.func.min(OutboundMessage.send_after)))
            print(f"queued at 22:00 UTC; first send allowed at {first.astimezone(timezone.utc):%H:%M} UTC "
                  "(quiet hours end 08:00 Europe/London)")
            sent, seconds = paced_sends(600)
            print(f"fake transport received {sent} texts in {seconds} simulated seconds = "
                  f"{sent / seconds:.2f} per second (configured 1 segment/s)")
            db.drop_all()


if __name__ == "__main__":
    main()
