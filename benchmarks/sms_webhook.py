"""Throughput and latency of POST /twilio/sms under gunicorn (2 workers), beside a bare signed-insert handler
and a "store-first floor" (the same insert and commit, then a second transaction that updates a state row:
the least that storing before conversing costs, with no application code), and that floor again with the
second commit asynchronous, as voiceapp makes its redoable conversation step (`SET LOCAL synchronous_commit =
off` on PostgreSQL, synchronous=NORMAL on SQLite; the text's own insert stays durable).

Run from the repository root: `.venv/bin/python benchmarks/sms_webhook.py [--seconds 10] [--skip-postgres]
[--pg-url postgresql://...]` (the PostgreSQL database is emptied and rebuilt).
Needs `wrk` (Debian package). Load comes from a second process (wrk, replaying distinct, correctly signed
requests); a fixed 100 requests/second phase measures latency at the target rate. Prints figures, asserts nothing.
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOKEN = "bench-token"
PUBLIC = "https://voice.example.org"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
PHONES = [f"+4479111{i:05d}" for i in range(200)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed_requests(path, count, prefix):
    """Write `count` distinct signed requests, one per line: signature TAB urlencoded body."""
    validator = RequestValidator(TOKEN)
    with open(path, "w") as out:
        for i in range(count):
            params = {"MessageSid": f"SM{prefix}{i:028d}", "From": PHONES[i % len(PHONES)], "To": "+447700000001",
                      "Body": "menu" if i % 3 else "hi", "NumSegments": "1"}
            out.write(f"{validator.compute_signature(PUBLIC + '/twilio/sms', params)}\t{urlencode(params)}\n")


def prepare_voiceapp(url):
    env = {**os.environ, "VOICEAPP_DATABASE_URL": url, "VOICEAPP_SECRET_KEY": "s" * 40}
    script = ("from voiceapp import create_app\nfrom voiceapp.extensions import db\n"
              "from voiceapp.promises.seed import seed_all\nfrom voiceapp.people import services as p\n"
              "from voiceapp.auth.actors import SYSTEM\napp = create_app()\nwith app.app_context():\n"
              "    db.drop_all(); db.create_all(); seed_all()\n"
              f"    for phone in {PHONES!r}:\n"
              "        p.create_young_person(actor=SYSTEM, cohort='child_in_care', age_band='13-15', phone=phone)\n")
    subprocess.run([BIN / "python", "-c", script], env=env, check=True, cwd=ROOT)
    return env


def prepare_bare(url, store_first=False):
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        if url.startswith("sqlite"):
            connection.execute(sa.text("PRAGMA journal_mode=WAL"))   # as voiceapp sets it: a fair yardstick
        connection.execute(sa.text("DROP TABLE IF EXISTS bare_inbound"))
        connection.execute(sa.text("DROP TABLE IF EXISTS bare_state"))
        connection.execute(sa.text("CREATE TABLE bare_inbound (message_sid VARCHAR(64) PRIMARY KEY, body TEXT, "
                                   "reply TEXT)"))
        connection.execute(sa.text("CREATE TABLE bare_state (phone VARCHAR(32) PRIMARY KEY, turns INTEGER)"))
    engine.dispose()
    return {**os.environ, "BARE_DATABASE_URL": url, "BARE_TOKEN": TOKEN, "BARE_PUBLIC_URL": PUBLIC,
            "BARE_STORE_FIRST": {False: "0", True: "1"}.get(store_first, store_first)}


def serve(app_spec, env, port):
    env = {**env, "VOICEAPP_TWILIO_AUTH_TOKEN": TOKEN, "VOICEAPP_PUBLIC_URL": PUBLIC, "VOICEAPP_SMS_BACKEND": "memory",
           "VOICEAPP_JOB_BACKEND": "inprocess", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([BIN / "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
                                app_spec], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")


def run_wrk(port, requests_file, seconds):
    output = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", str(ROOT / "benchmarks/wrk_signed.lua"),
                             f"http://127.0.0.1:{port}", "--", str(requests_file), "2"],
                            capture_output=True, text=True, check=True).stdout
    line = next(l for l in output.splitlines() if l.startswith("RESULT"))
    return dict(part.split("=") for part in line.split()[1:])


def fixed_rate(port, requests_file, rate=100, seconds=5):
    """Open-loop load at `rate` requests/second; returns p50 and p99 latency in ms."""
    lines = Path(requests_file).read_text().splitlines()[-rate * seconds:]
    latencies = []

    def send(line):
        signature, body = line.split("\t", 1)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/twilio/sms", data=body.encode(), method="POST",
                                         headers={"X-Twilio-Signature": signature,
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
            response.read()
        latencies.append((time.perf_counter() - started) * 1000)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i, line in enumerate(lines):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, line)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1]


def warm_up(port, name):
    """Let both workers load their code (and voiceapp its screening lexicons) before anything is timed."""
    validator = RequestValidator(TOKEN)
    for i in range(20):
        params = {"MessageSid": f"SMwarm{name[:4]}{i:026d}", "From": PHONES[i], "Body": "hi"}
        request = urllib.request.Request(f"http://127.0.0.1:{port}/twilio/sms", data=urlencode(params).encode(),
                                         headers={"X-Twilio-Signature": validator.compute_signature(
                                             PUBLIC + "/twilio/sms", params)}, method="POST")
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
            response.read()


def outcome(url, spool_dir):
    """What the young people got: texts handled in full, and texts answered with the holding reply."""
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        counts = dict(connection.execute(sa.text("SELECT status, count(*) FROM inbound_sms GROUP BY status")).all())
    engine.dispose()
    spooled = len(list(Path(spool_dir).glob("*"))) if Path(spool_dir).exists() else 0
    return counts, spooled


def measure(name, app_spec, env, seconds, folder):
    port = free_port()
    requests_file = Path(folder) / f"{name}.txt"
    signed_requests(requests_file, 60000, name[:4])
    env = {**env, "VOICEAPP_SPOOL_DIR": str(Path(folder) / f"spool-{name}")}
    server = serve(app_spec, env, port)
    try:
        warm_up(port, name)
        result = run_wrk(port, requests_file, seconds)
        p50, p99 = fixed_rate(port, Path(folder) / f"{name}.txt")
    finally:
        server.terminate()
        server.wait()
    return float(result["rps"]), float(result["p50_ms"]), float(result["p99_ms"]), p50, p99


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--pg-url", default=POSTGRES)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as folder:
        databases = [("sqlite", f"sqlite:///{folder}/bench.sqlite")]
        if not args.skip_postgres:
            databases.append(("postgres", args.pg_url))
        print(f"{'database':9} {'handler':11} {'max rps':>8} {'p50 ms':>7} {'p99 ms':>7} | at 100 rps: p50 ms  p99 ms")
        for label, url in databases:
            bare = measure("bare" + label, "benchmarks.bare_handler:app", prepare_bare(url), args.seconds, folder)
            floor = measure("flor" + label, "benchmarks.bare_handler:app", prepare_bare(url, store_first=True),
                            args.seconds, folder)
            fast = measure("asyn" + label, "benchmarks.bare_handler:app", prepare_bare(url, store_first="async"),
                           args.seconds, folder)
            real = measure("real" + label, "wsgi:app", prepare_voiceapp(url), args.seconds, folder)
            for handler, (rps, p50, p99, f50, f99) in (("bare", bare), ("floor", floor), ("floor-async", fast),
                                                       ("voiceapp", real)):
                print(f"{label:9} {handler:11} {rps:8.1f} {p50:7.1f} {p99:7.1f} | {f50:18.1f} {f99:7.1f}")
            counts, spooled = outcome(url, Path(folder) / f"spool-real{label}")
            print(f"{label:9} voiceapp texts by status: {counts}; spooled to disk (holding reply): {spooled}")
            print(f"{label:9} store-first floor/bare throughput: {floor[0] / bare[0]:.2f} (the most any handler "
                  "that stores before it converses can reach)")
            print(f"{label:9} store-first floor, asynchronous second commit/bare throughput: "
                  f"{fast[0] / bare[0]:.2f} (the same, with the redoable step's commit not waiting for the disk)")
            print(f"{label:9} voiceapp/bare throughput: {real[0] / bare[0]:.2f} (target >= 0.5); "
                  f"p99 at 100 rps {real[4]:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
