"""A browser-like client for the young people's pages: keeps the cookie and fills in the form token."""
import re

import pytest

from tests.factories import StaffFactory
from voiceapp.auth import codes
from voiceapp.auth.actors import Actor

HOST = "https://voice.example.org"


class Browser:
    def __init__(self, app):
        self.client = app.test_client()
        self.client.environ_base["wsgi.url_scheme"] = "https"   # the session cookie is Secure and __Host-
        self.token = ""

    def get(self, path, **kwargs):
        response = self.client.get(path, base_url=HOST, **kwargs)
        found = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
        if found:
            self.token = found.group(1)
        return response

    def post(self, path, data=None, *, token=True):
        data = dict(data or {})
        if token:
            data.setdefault("csrf_token", self.token or self._fresh_token())
        return self.client.post(path, data=data, base_url=HOST)

    def _fresh_token(self):
        self.get("/sign-in")
        return self.token

    def text(self, path):
        return self.get(path).get_data(as_text=True)


@pytest.fixture
def browser(app):
    return Browser(app)


@pytest.fixture
def invitation(young_person):
    officer = Actor.for_staff(StaffFactory(role="voice_officer"))
    code, _invitation = codes.issue_invitation(actor=officer, young_person_id=young_person.id)
    return code


@pytest.fixture
def signed_in(browser, invitation):
    assert browser.post("/sign-in", {"code": invitation}).status_code == 303
    browser.get("/home")     # a new form token comes with the new session
    return browser
