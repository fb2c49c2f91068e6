"""Browser tests: the real server (`flask run`) on a fresh SQLite database, driven by Debian's Chromium.

Playwright drives /usr/bin/chromium (no browser download). The test process shares the server's database
file, so it can set up a young person and play the member of staff who replies.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import TEST_SECRET
from voiceapp import create_app
from voiceapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("VOICEAPP_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "screenshots"
EXIT_URL = "https://www.bbc.co.uk/weather"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """(base_url, app): a migrated, seeded database and `flask run` serving it on a free port."""
    port = int(os.environ.get("VOICEAPP_BROWSER_PORT") or _free_port())
    base_url = f"http://127.0.0.1:{port}"
    database = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'voiceapp.sqlite'}"
    env = {**os.environ, "FLASK_APP": "voiceapp", "VOICEAPP_DATABASE_URL": database, "VOICEAPP_SECRET_KEY": TEST_SECRET,
           "VOICEAPP_PUBLIC_URL": base_url, "VOICEAPP_SMS_BACKEND": "console", "VOICEAPP_MAIL_BACKEND": "console",
           "VOICEAPP_SIGN_IN_RATE_LIMIT": "1000 per minute"}
    flask = [sys.executable, "-m", "flask"]
    subprocess.run(flask + ["db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(flask + ["seed"], env=env, cwd=ROOT, check=True, capture_output=True)
    process = subprocess.Popen(flask + ["run", "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(base_url + "/healthz")
        app = create_app({"DATABASE_URL": database, "SECRET_KEY": TEST_SECRET, "PUBLIC_URL": base_url,
                          "SMS_BACKEND": "memory", "MAIL_BACKEND": "memory", "JOB_BACKEND": "inline"})
        yield base_url, app
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(url):
    # Up to about a minute: on a shared 2-core machine under load the first request can take that long.
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=2):   # noqa: S310 - the local server only
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not start at {url}")


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does this)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium, server):
    """A fresh browser (no cookies, no cache) on a phone-sized screen; the neutral exit site is faked."""
    context = chromium.new_context(base_url=server[0], viewport={"width": 390, "height": 844}, accept_downloads=True)
    context.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                               body="<title>Weather</title><h1>Weather</h1>"))
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir()
    return SCREENSHOTS


def in_app(server):
    """An app context on the server's database, committing what the test sets up."""
    return server[1].app_context()


def commit():
    db.session.commit()
