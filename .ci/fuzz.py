"""Schemathesis against the API's own OpenAPI document, as every kind of caller, on a server of its own.

Starts gunicorn on a free loopback port with a fresh SQLite database in a temporary folder, seeds it, signs in
one caller of each kind (anonymous, a young person, each staff role), runs schemathesis as each with a fixed
seed and a bounded number of examples, stops the server, and fails on any server error (5xx) or response that
breaks the documented schema, or when fewer than MIN_REQUESTS requests were sent in all.

    .venv/bin/python .ci/fuzz.py            (FUZZ_MAX_EXAMPLES, FUZZ_SEED and FUZZ_MIN_REQUESTS to change)
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "10"))
SEED = int(os.environ.get("FUZZ_SEED", "20261124"))
MIN_REQUESTS = int(os.environ.get("FUZZ_MIN_REQUESTS", "5000"))
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"
QUICK, THOROUGH = "examples,fuzzing", "examples,coverage,fuzzing"
# Who calls, and with which phases: the coverage phase (every boundary and wrong type of every field, about
# 3,900 requests) as the voice and influence officer, who may call the most; the others fuzz every operation.
CALLERS = {"anonymous": QUICK, "young_person": QUICK, "voice_officer": THOROUGH, "senior_leader": QUICK,
           "priority_lead": QUICK, "board_member": QUICK, "council_member": QUICK}
# Operations that end the caller's session: each tested last, by a caller of its own, so the rest is not all 401s.
ENDING = {"DELETE /api/v1/me": "young_person", "POST /api/v1/auth/sign-out": "voice_officer"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(folder, port):
    env = dict(os.environ, FLASK_APP="voiceapp")
    env.update({
        "VOICEAPP_DATABASE_URL": f"sqlite:///{folder / 'fuzz.sqlite'}",
        "VOICEAPP_SPOOL_DIR": str(folder / "spool"),
        "VOICEAPP_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "VOICEAPP_SMS_BACKEND": "memory", "VOICEAPP_MAIL_BACKEND": "memory", "VOICEAPP_JOB_BACKEND": "inline",
        # Schemathesis sends far more sign-ins a minute than a person could: with the per-minute limits on,
        # most of them would only meet a 429 and the code behind would go untested. The sign-in throttle
        # (auth/throttle.py) stays on.
        "VOICEAPP_RATELIMIT_ENABLED": "false",
    })
    return env


def prepare_database(env):
    subprocess.run([BIN / "flask", "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([BIN / "flask", "seed"], env=env, check=True, capture_output=True)
    made = subprocess.run([BIN / "python", ROOT / ".ci" / "fuzz_callers.py"], env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(made.stdout)


def start_server(env, port, folder):
    log = open(folder / "server.log", "w")
    server = subprocess.Popen([BIN / "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                               "--timeout", "60", "--no-control-socket", "wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=log,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    stop_server(server)
    sys.exit(f"the server did not start: see {folder / 'server.log'}")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def fuzz(name, token, port, folder, phases, selection):
    """One schemathesis run as one caller; returns (passed, requests sent)."""
    har = folder / f"{name}.har"
    # One worker: with two threads, Hypothesis parses source for strategy names concurrently and CPython 3.11's
    # ast.parse can fail under that race ("AST constructor recursion depth mismatch", gh-106905), an error in
    # the tool, not in our API, that made a CI run fail at random.
    command = [BIN / "schemathesis", "run", f"http://127.0.0.1:{port}/api/openapi.json",
               "--checks", CHECKS, "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED),
               "--generation-deterministic", "--workers", "1", "--phases", phases, "--request-timeout", "30",
               "--no-color", "--suppress-health-check", "all", "--report", "har", "--report-har-path", str(har),
               *selection]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    print(f"--- schemathesis as {name}", flush=True)
    run = subprocess.run(command, cwd=folder, env=dict(os.environ, SCHEMATHESIS_HOOKS=""))
    requests = len(json.loads(har.read_text())["log"]["entries"]) if har.exists() else 0
    print(f"--- {name}: {requests} requests, exit {run.returncode}", flush=True)
    return run.returncode == 0, requests


def fuzz_everyone(tokens, port, folder):
    keep_session = [arg for name in ENDING for arg in ("--exclude-name", name)]
    results = {caller: fuzz(caller, tokens.get(caller), port, folder, phases, keep_session if caller in tokens
                            else [])
               for caller, phases in CALLERS.items()}
    for operation, caller in ENDING.items():
        results[f"{caller}: {operation}"] = fuzz(f"{caller}-ending", tokens[caller], port, folder, QUICK,
                                                 ["--include-name", operation])
    return results


def main():
    with tempfile.TemporaryDirectory(prefix="voiceapp-fuzz-") as name:
        folder = Path(name)
        port = free_port()
        env = server_environment(folder, port)
        tokens = prepare_database(env)
        server = start_server(env, port, folder)
        try:
            results = fuzz_everyone(tokens, port, folder)
        finally:
            stop_server(server)
        total = sum(requests for _, requests in results.values())
        failed = [caller for caller, (passed, _) in results.items() if not passed]
        print(f"schemathesis: {total} requests in all; callers with failures: {', '.join(failed) or 'none'}")
        if failed or total < MIN_REQUESTS:
            print((folder / "server.log").read_text()[-20000:], file=sys.stderr)
            sys.exit(f"fuzz failed: {len(failed)} callers failed, {total} requests (at least {MIN_REQUESTS})")


if __name__ == "__main__":
    main()
