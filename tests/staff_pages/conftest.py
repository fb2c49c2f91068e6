"""What every staff page test shares: a cookie-keeping browser and staff members of each role."""
import re

import pytest

from tests.factories import STAFF_PASSWORD, StaffFactory
from tests.safeguarding.test_alerts import DUTY


@pytest.fixture
def config_overrides():
    return DUTY


class StaffBrowser:
    """A test client that keeps cookies, follows nothing by itself and fills in the form token like a page."""

    def __init__(self, app):
        self.client = app.test_client()
        self.client.environ_base["wsgi.url_scheme"] = "https"   # the session cookie is Secure and __Host-

    def get(self, path):
        return self.client.get(path, base_url="https://voice.example.org")

    def post(self, path, data=None, *, token=True):
        data = dict(data or {})
        if token:
            data["csrf_token"] = self.csrf_token()
        return self.client.post(path, data=data, base_url="https://voice.example.org")

    def csrf_token(self):
        page = self.get("/staff/").get_data(as_text=True)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        return found.group(1) if found else ""

    def sign_in(self, user):
        self.post("/staff/sign-in", {"email": user.email, "password": STAFF_PASSWORD, "next": ""})
        return self


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


@pytest.fixture
def as_role(app):
    """A signed-in browser for a new member of staff with this role."""
    def make(role, **fields):
        return StaffBrowser(app).sign_in(StaffFactory(role=role, **fields))
    return make
