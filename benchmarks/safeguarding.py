"""Safeguarding figures: the screener on the labelled corpus and the held-out set (recall and false alarms
per language and per kind of harm, and the p99 that screening every lexicon adds to a text), and how fast
a disclosure gets the crisis reply when the job broker, SMTP and Twilio's REST API are all unreachable.

Run from the repository root: `.venv/bin/python benchmarks/safeguarding.py [--requests 300] [--quiet]`.
Prints figures; asserts nothing.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from twilio.request_validator import RequestValidator  # noqa: E402

from benchmarks import safeguarding_corpus  # noqa: E402
from tests.safeguarding.test_screening import HOSTILE  # noqa: E402

TOKEN, PUBLIC = "bench-token", "https://voice.example.org"
DISCLOSURES = ["wanna end it", "he touches me", "they make me carry stuff", "im gonna kms tonite",
               "my carer hits me wen shes drunk", "got kicked out sleepin at the station"]


def everything_down(folder):
    """Broker, SMTP and Twilio's API all on closed loopback ports."""
    return {"DATABASE_URL": f"sqlite:///{folder}/safeguarding.sqlite", "SECRET_KEY": "s" * 40,
            "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "PUBLIC_URL": PUBLIC,
            "JOB_BACKEND": "celery", "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
            "SMS_BACKEND": "twilio", "TWILIO_API_BASE": "http://127.0.0.1:1",
            "MAIL_BACKEND": "smtp", "MAIL_HOST": "127.0.0.1", "MAIL_PORT": 1,
            "DUTY_CONTACTS": [{"name": "Duty", "email": "duty@example.org", "phone": "+447911999999"}]}


def crisis_reply_timings(count):
    from voiceapp import create_app
    from voiceapp.auth.actors import SYSTEM
    from voiceapp.extensions import db
    from voiceapp.people import services as people
    from voiceapp.promises.seed import seed_all
    from voiceapp.safeguarding.screening import screen
    validator, timings, answered = RequestValidator(TOKEN), [], 0
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(everything_down(folder))
        with app.app_context():
            db.create_all()
            seed_all()
            phones = [f"+4479112{i:05d}" for i in range(count)]
            for phone in phones:
                people.create_young_person(actor=SYSTEM, cohort="child_in_care", age_band="13-15", phone=phone)
            screen("warm up")
        client = app.test_client()
        for i, phone in enumerate(phones):
            params = {"MessageSid": f"SMbench{i:026d}", "From": phone, "Body": DISCLOSURES[i % len(DISCLOSURES)]}
            headers = {"X-Twilio-Signature": validator.compute_signature(PUBLIC + "/twilio/sms", params)}
            started = time.perf_counter()
            response = client.post("/twilio/sms", data=params, headers=headers)
            timings.append((time.perf_counter() - started) * 1000)
            answered += response.status_code == 200 and b"999" in response.data and b"0800 1111" in response.data
    return sorted(timings), answered


def hostile_timings():
    """Seconds to screen each message built to make the matcher backtrack (lexicons already loaded)."""
    from voiceapp.safeguarding.screening import screen
    screen("warm up", "ar")
    timings = []
    for text in HOSTILE:
        started = time.perf_counter()
        screen(text, "ar")
        timings.append(time.perf_counter() - started)
    return timings


def main():
    import logging
    logging.basicConfig(level=logging.ERROR)   # the expected "broker unreachable" warnings would drown the figures
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args()
    print("== screening on the labelled corpus and the held-out set, every lexicon ==")
    safeguarding_corpus.main(["--quiet"] if args.quiet else [])
    print("\n== hostile messages (64,000 characters of one letter, repeated phrases, zero-width spaces) ==")
    timings = hostile_timings()
    print("screened in " + ", ".join(f"{seconds:.2f} s" for seconds in timings)
          + f"; {sum(timings):.2f} s for all {len(timings)} (target well under 10 s)")
    print("\n== crisis reply to a disclosure by signed SMS webhook, broker + SMTP + Twilio REST all down ==")
    timings, answered = crisis_reply_timings(args.requests)
    p99 = timings[min(len(timings) - 1, int(0.99 * len(timings)))]
    print(f"{len(timings)} disclosures, {answered} answered with 999 and Childline in the same response; "
          f"p50 {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms (target p99 < 200 ms)")


if __name__ == "__main__":
    main()
