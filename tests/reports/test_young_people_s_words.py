"""No young person's words reach any report, in any format or version, unless they are an approved quote."""
import pytest

from tests.reports import builders as b
from voiceapp.reports import exports, periods
from voiceapp.reports.build import build_report
from voiceapp.reports.youth import young_peoples_version
from voiceapp.tellus.models import Kind

H1 = periods.parse("2026-H1")
WORDS = ("my PA Sarah", "Sarah", "Kieran at the contact centre", "I hate it here")


@pytest.fixture
def written(app, clock):
    for _ in range(12):
        b.message(b.person(), "2026-06-02 09:00", kind=Kind.PRAISE, praise_for="my PA Sarah",
                  body="Kieran at the contact centre helped", themes=[5])
        b.check(b.person(), "2026-06-03 09:00", [(b.current_promises()[0], "not_kept", "I hate it here")])
    return build_report(H1)


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_a_praised_worker_s_name_and_a_child_s_comment_are_in_no_board_report(written, fmt):
    text = exports.render(written, fmt).decode("utf-8")
    assert not [words for words in WORDS if words in text]


def test_they_are_in_no_young_people_s_version_either(written):
    text = exports.render(young_peoples_version(written), "json").decode("utf-8")
    assert not [words for words in WORDS if words in text]
