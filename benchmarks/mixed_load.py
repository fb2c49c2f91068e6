"""Mixed load with the periodic jobs running: young people on the API, staff on the API and the staff pages,
and signed texts, a few at a time, against a real HTTP server.

Run from the repository root: `.venv/bin/python benchmarks/mixed_load.py [--requests 200] [--concurrency 4]
[--postgres URL] [--skip-postgres]`. It serves the app under gunicorn (2 workers) on a fresh SQLite file and
on PostgreSQL, runs a separate process that keeps running every periodic job back to back (as cron or Celery
beat would, only harder), and prints per database: requests, server errors, wrong answers (an unexpected
status, or a text answered only with the holding reply), and p50/p99 latency. It asserts nothing;
tests/test_under_load.py drives the same mix against a threaded server and fails on any error.

The request mix and the population it needs are built here once, for the benchmark and the test alike.
"""
import argparse
import http.client
import itertools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOKEN = "load-token"
PUBLIC = "https://voice.example.org"
STAFF_EMAIL, STAFF_PASSWORD = "load.leader@leeds.example", "Kestrel-ledger-willow-91"
PHONES = [f"+4479112{i:05d}" for i in range(8)]
HOLDING = "We will reply soon"
SETTINGS = {"TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_URL": PUBLIC, "SMS_BACKEND": "memory", "MAIL_BACKEND": "memory",
            "JOB_BACKEND": "inprocess", "SMS_SEGMENTS_PER_SECOND": 1000, "QUIET_HOURS_START": "00:00",
            "QUIET_HOURS_END": "00:00", "SIGN_IN_RATE_LIMIT": "10000 per minute"}


@dataclass
class Population:
    """Who takes part: young people with phones and tokens, one senior leader, and messages to answer."""
    tokens: list
    phones: list
    promise_ids: list
    staff_token: str
    message_ids: list = field(default_factory=list)

    def to_json(self):
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text):
        return cls(**json.loads(text))


def populate(messages=80):
    """Build the schema and the people in the current app context (fresh database)."""
    from voiceapp.auth import services as auth
    from voiceapp.auth.actors import SYSTEM, Actor
    from voiceapp.auth.models import Role
    from voiceapp.channel_enum import Channel
    from voiceapp.database import transaction
    from voiceapp.extensions import db
    from voiceapp.people import services as people
    from voiceapp.people.models import AgeBand, Cohort
    from voiceapp.promises import services as promises
    from voiceapp.promises.seed import seed_all
    from voiceapp.tellus import services as tellus
    from voiceapp.tellus.models import Kind, ReplyChannel
    db.create_all()
    seed_all()
    persons = [people.create_young_person(actor=SYSTEM, cohort=Cohort.CARE_LEAVER, age_band=AgeBand.AGE_18_21,
                                          phone=phone) for phone in PHONES]
    leader = auth.create_staff(actor=SYSTEM, email=STAFF_EMAIL, display_name="Load Leader",
                               role=Role.SENIOR_LEADER, password=STAFF_PASSWORD)
    with transaction():
        tokens = [auth.open_session(young_person_id=person.id) for person in persons]
        staff_token = auth.open_session(staff_user_id=leader.id)
    message_ids = []
    for n in range(messages):
        person = persons[n % len(persons)]
        message = tellus.send_message(actor=Actor.for_young_person(person), young_person_id=person.id,
                                      kind=Kind.UNHAPPY, body=f"My pathway plan meeting keeps moving ({n})",
                                      channel=Channel.SMS, reply_channel=ReplyChannel.SMS)
        message_ids.append(str(message.id))
    promise_ids = [str(promise.id) for promise in promises.current_set(Cohort.CARE_LEAVER).promises]
    return Population(tokens=tokens, phones=PHONES, promise_ids=promise_ids, staff_token=staff_token,
                      message_ids=message_ids)


def keep_running_periodic_jobs(app, stop, pause=0.05):
    """Every periodic job, back to back, until stop is set (the scheduler at its busiest)."""
    from voiceapp.extensions import db
    from voiceapp.jobs import schedule
    while not stop.is_set():
        with app.app_context():
            schedule.run_all(app)
            db.session.remove()
        stop.wait(pause)


@dataclass
class Outcome:
    kind: str
    status: int
    ok: bool
    seconds: float


class Driver:
    """Sends the mix over HTTP: bearer tokens for the API, a cookie and form token for the pages, signed texts."""

    def __init__(self, base_url, population, concurrency=4):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.population, self.concurrency = population, concurrency
        self.validator = RequestValidator(TOKEN)
        self.local = threading.local()
        self.sids = itertools.count()
        self.replies = itertools.count()
        self.lock = threading.Lock()

    # -- HTTP --------------------------------------------------------------------------------------------
    def send(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), response.getheader("Set-Cookie")
        finally:
            connection.close()

    def api(self, method, path, token, payload=None):
        headers = {"Authorization": f"Bearer {token}"}
        body = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload)
        status, text, _ = self.send(method, path, body=body, headers=headers)
        return status, text

    def sms(self, phone, text):
        with self.lock:
            sid = f"SM{os.getpid():08d}{next(self.sids):024d}"
        params = {"MessageSid": sid, "From": phone, "To": "+447700000001", "Body": text, "NumSegments": "1"}
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Twilio-Signature": self.validator.compute_signature(PUBLIC + "/twilio/sms", params)}
        status, reply, _ = self.send("POST", "/twilio/sms", body=urlencode(params), headers=headers)
        return status, reply

    # -- staff pages -------------------------------------------------------------------------------------
    def page(self, method, path, form=None):
        """A page request with this thread's browser cookie; form posts carry the page's form token."""
        browser = self.local.__dict__.setdefault("cookies", {})
        headers = {}
        if browser:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in browser.items())
        body = None
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(form)
        status, text, cookie = self.send(method, path, body=body, headers=headers)
        if cookie:
            name, _, rest = cookie.partition("=")
            browser[name] = rest.split(";", 1)[0]
        found = re.search(r'name="csrf_token" value="([^"]+)"', text)
        if found:
            self.local.csrf = found.group(1)
        return status, text

    def page_session(self):
        """Sign this thread's browser in once (the sign-in is one of the requests counted)."""
        if getattr(self.local, "signed_in", False):
            return None
        self.page("GET", "/staff/sign-in")
        status, _ = self.page("POST", "/staff/sign-in", {
            "email": STAFF_EMAIL, "password": STAFF_PASSWORD, "next": "/staff/",
            "csrf_token": getattr(self.local, "csrf", "")})
        self.local.signed_in = status == 302
        self.local.csrf = None          # a new session has a new form token: read it from the next page
        return Outcome("page_sign_in", status, status == 302, 0.0)

    def page_form(self, path, form):
        if not getattr(self.local, "csrf", None):
            self.page("GET", "/staff/")
        return self.page("POST", path, {**form, "csrf_token": self.local.csrf})

    # -- the mix -----------------------------------------------------------------------------------------
    def next_message(self):
        with self.lock:
            return self.population.message_ids[next(self.replies) % len(self.population.message_ids)]

    def task(self, n):
        """Request n of the mix: (kind, callable returning (status, ok))."""
        pop = self.population
        token, phone = pop.tokens[n % len(pop.tokens)], pop.phones[n % len(pop.phones)]
        kinds = [
            ("yp_message", lambda: self._expect(self.api("POST", "/api/v1/me/messages", token, {
                "kind": "unhappy", "body": f"Nobody told me about my review ({n})"}), 201)),
            ("sms", lambda: self._text(self.sms(phone, ["menu", "4", "hi"][n % 3]))),
            ("staff_sign_in", lambda: self._expect(self.send("POST", "/api/v1/auth/staff/sign-in", body=json.dumps(
                {"email": STAFF_EMAIL, "password": STAFF_PASSWORD}), headers={"Content-Type": "application/json"})[:2],
                200)),
            ("staff_list", lambda: self._expect(self.api("GET", "/api/v1/messages", pop.staff_token), 200)),
            ("page_home", lambda: self._expect(self.page("GET", "/staff/"), 200)),
            ("page_reply", lambda: self._expect(self.page_form(f"/staff/messages/{self.next_message()}/reply", {
                "body": f"Thank you, I will ring you today ({n})"}), 303)),
            ("yp_check", lambda: self._expect(self.api("POST", "/api/v1/me/promise-checks", token, {
                "answers": [{"promise_id": pop.promise_ids[0], "rating": "partly", "comment": "More say please"}]}),
                201)),
            ("api_reply", lambda: self._expect(self.api("POST", f"/api/v1/messages/{self.next_message()}/replies",
                                                        pop.staff_token, {"body": f"We are on it ({n})"}), 201)),
            ("yp_list", lambda: self._expect(self.api("GET", "/api/v1/me/messages", token), 200)),
            ("sms_new_number", lambda: self._text(self.sms(f"+4479113{n:05d}", "hi"))),
        ]
        return kinds[n % len(kinds)]

    @staticmethod
    def _expect(result, status):
        return result[0], result[0] == status

    @staticmethod
    def _text(result):
        status, reply = result
        return status, status == 200 and "<Message>" in reply and HOLDING not in reply

    def one(self, n):
        outcomes = []
        if self.task(n)[0].startswith("page"):
            signed = self.page_session()
            if signed:
                outcomes.append(signed)
        kind, call = self.task(n)
        started = time.perf_counter()
        try:
            status, ok = call()
        except OSError:
            status, ok = 0, False
        outcomes.append(Outcome(kind, status, ok, time.perf_counter() - started))
        return outcomes

    def run(self, total=200):
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            return [outcome for batch in pool.map(self.one, range(total)) for outcome in batch]


def summary(outcomes):
    latencies = sorted(o.seconds for o in outcomes if o.seconds)
    wrong = [o for o in outcomes if not o.ok]
    return {"requests": len(outcomes), "server_errors": sum(1 for o in outcomes if o.status >= 500),
            "wrong": len(wrong), "wrong_kinds": sorted({(o.kind, o.status) for o in wrong}),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1)}


# -- the benchmark: gunicorn and a periodic-jobs process ------------------------------------------------
def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(url):
    env = {**os.environ, "VOICEAPP_DATABASE_URL": url, "VOICEAPP_SECRET_KEY": "s" * 40, "PYTHONPATH": str(ROOT)}
    for key, value in SETTINGS.items():
        env[f"VOICEAPP_{key}"] = value if isinstance(value, str) else json.dumps(value)
    # Plain http on loopback: the browser cookie cannot be __Host-/Secure here.
    env.update(VOICEAPP_SESSION_COOKIE_NAME="voiceapp", VOICEAPP_SESSION_COOKIE_SECURE="false")
    return env


_PREPARE = """
import sqlalchemy as sa
from voiceapp import create_app
from voiceapp.extensions import db
from benchmarks.mixed_load import populate
app = create_app()
with app.app_context():
    db.drop_all()
    print(populate().to_json())
"""
_PERIODIC = """
import threading
from voiceapp import create_app
from benchmarks.mixed_load import keep_running_periodic_jobs
keep_running_periodic_jobs(create_app(), threading.Event())
"""


def bench(url, total, concurrency):
    env = _env(url)
    prepared = subprocess.run([BIN / "python", "-c", _PREPARE], env=env, cwd=ROOT, check=True,
                              capture_output=True, text=True)
    population = Population.from_json(prepared.stdout.strip().splitlines()[-1])
    port = int(os.environ.get("VOICEAPP_BENCH_PORT") or _free_port())
    server = subprocess.Popen([BIN / "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
                               "wsgi:app"], env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    periodic = subprocess.Popen([BIN / "python", "-c", _PERIODIC], env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.perf_counter()
        outcomes = Driver(f"http://127.0.0.1:{port}", population, concurrency).run(total)
        elapsed = time.perf_counter() - started
    finally:
        for process in (server, periodic):
            process.terminate()
            process.wait(timeout=20)
    return {**summary(outcomes), "seconds": round(elapsed, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--postgres", default=os.environ.get("VOICEAPP_BENCH_POSTGRES_URL",
                                                             "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{tmp}/load.sqlite")]
        if not args.skip_postgres:
            targets.append(("postgresql", args.postgres))
        print(f"{args.requests} mixed requests, {args.concurrency} at a time, gunicorn -w 2, periodic jobs "
              f"running back to back in another process")
        for name, url in targets:
            print(f"{name:11s} {bench(url, args.requests, args.concurrency)}")


if __name__ == "__main__":
    main()
