"""Where the time of POST /twilio/sms goes, measured in one process: CPU time and SQL statements per text,
and the functions that cost most. Deterministic enough to judge a change on a busy machine, where the
requests-per-second of benchmarks/sms_webhook.py are not.

Run from the repository root: `.venv/bin/python benchmarks/sms_profile.py [--texts 500] [--top 30]
[--pg-url postgresql://...]` (without --pg-url, a new SQLite file in a temporary folder; the PostgreSQL
database given is emptied and rebuilt). The texts are the webhook benchmark's own: correctly signed, from its
200 registered young people, two "menu" for each "hi". Each number texts once first, untimed (its first
contact, as the benchmark's warm-up and first seconds do), then the texts are sent through the WSGI app twice:
once timed (CPU time of this process, wall time, statements), once under cProfile.
"""
import argparse
import cProfile
import importlib
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
from twilio.request_validator import RequestValidator
from werkzeug.test import EnvironBuilder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sms_webhook import PHONES, PUBLIC, TOKEN, prepare_bare  # noqa: E402
from voiceapp import create_app  # noqa: E402
from voiceapp.auth.actors import SYSTEM  # noqa: E402
from voiceapp.extensions import db  # noqa: E402
from voiceapp.people import services as people  # noqa: E402
from voiceapp.promises.seed import seed_all  # noqa: E402


def build_app(url):
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "s" * 40, "TWILIO_AUTH_TOKEN": TOKEN,
                      "PUBLIC_URL": PUBLIC, "SMS_BACKEND": "memory", "MAIL_BACKEND": "memory",
                      "JOB_BACKEND": "inprocess"})
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_all()
        for phone in PHONES:
            people.create_young_person(actor=SYSTEM, cohort="child_in_care", age_band="13-15", phone=phone)
        db.session.remove()
    return app


def environs(prefix, count, offset=0):
    """WSGI environs of `count` signed texts, built before anything is timed (each is used once)."""
    validator = RequestValidator(TOKEN)
    built = []
    for i in range(offset, offset + count):
        params = {"MessageSid": f"SM{prefix}{i:028d}", "From": PHONES[i % len(PHONES)], "To": "+447700000001",
                  "Body": "menu" if i % 3 else "hi", "NumSegments": "1"}
        body = urlencode(params)
        builder = EnvironBuilder(path="/twilio/sms", method="POST", data=body,
                                 content_type="application/x-www-form-urlencoded",
                                 headers={"X-Twilio-Signature": validator.compute_signature(
                                     PUBLIC + "/twilio/sms", params)})
        built.append(builder.get_environ())
    return built


def post_all(app, batch):
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    for environ in batch:
        for chunk in app(environ, start_response):
            pass
    bad = [s for s in statuses if not s.startswith("200")]
    if bad:
        sys.exit(f"{len(bad)} texts were not answered 200: {bad[:3]}")


def cpu_per_text(app, batch):
    cpu = time.process_time()
    post_all(app, batch)
    return (time.process_time() - cpu) * 1000 / len(batch)


def bare_cpu(url, texts, store_first):
    """The same texts through benchmarks/bare_handler.py: the yardstick's CPU ms per text, measured the same
    way (store_first False: the bare signed insert; "async": the store-first floor, asynchronous second commit)."""
    os.environ.update(prepare_bare(url, store_first=store_first))
    module = importlib.import_module("benchmarks.bare_handler")
    module.engine.dispose()
    bare = importlib.reload(module).app
    name = "bare" if store_first else "bflr"
    post_all(bare, environs(name + "w", len(PHONES)))
    return cpu_per_text(bare, environs(name, texts, offset=len(PHONES)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of --texts texts; the least is shown")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime)")
    parser.add_argument("--only", default="", help="show only functions whose path matches (e.g. voiceapp)")
    parser.add_argument("--bare", action="store_true", help="also time the bare handler and store-first floor")
    args = parser.parse_args()
    database = "postgresql" if args.pg_url else "sqlite"
    with tempfile.TemporaryDirectory() as folder:
        url = args.pg_url or f"sqlite:///{folder}/profile.sqlite"
        app = build_app(url)
        post_all(app, environs("first", len(PHONES)))
        offset = len(PHONES)
        sent = []
        with app.app_context():
            engine = db.engine
        listener = lambda *a: sent.append(a[2])  # noqa: E731 - conn, cursor, statement, ...
        rounds = []
        for number in range(args.rounds):
            batch = environs(f"t{number}", args.texts, offset=offset)
            offset += args.texts
            if number == 0:
                sa.event.listen(engine, "before_cursor_execute", listener)
            cpu, wall = time.process_time(), time.perf_counter()
            post_all(app, batch)
            rounds.append(((time.process_time() - cpu) * 1000 / args.texts,
                           (time.perf_counter() - wall) * 1000 / args.texts))
            if number == 0:
                sa.event.remove(engine, "before_cursor_execute", listener)

        profiled = environs("prof", args.texts, offset=offset)
        profiler = cProfile.Profile()
        profiler.enable()
        post_all(app, profiled)
        profiler.disable()
        bare = (bare_cpu(url, args.texts, False), bare_cpu(url, args.texts, "async")) if args.bare else None

    kinds = {}
    for statement in sent:
        word = statement.lstrip().split(None, 1)[0].upper()
        kinds[word] = kinds.get(word, 0) + 1
    cpu, wall = min(rounds)
    print(f"{database}: {args.texts} texts x {args.rounds}: CPU {cpu:.2f} ms/text (rounds: "
          f"{', '.join(f'{c:.2f}' for c, _ in rounds)}), wall {wall:.2f} ms/text, "
          f"{len(sent) / args.texts:.2f} SQL statements/text "
          f"({', '.join(f'{k} {v / args.texts:.2f}' for k, v in sorted(kinds.items()))})")
    calls = pstats.Stats(profiler).total_calls / args.texts
    print(f"{database}: Python function calls per text (cProfile round; the same on a busy machine): {calls:.0f}")
    if bare is not None:
        print(f"{database}: bare handler CPU {bare[0]:.2f} ms/text, store-first floor (asynchronous second "
              f"commit) {bare[1]:.2f} ms/text; voiceapp/bare CPU {cpu / bare[0]:.2f}x")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(
        *([args.only] if args.only else []), args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
