"""`flask create-staff` makes every role, and says which option is missing instead of a traceback."""
import pytest
import sqlalchemy as sa

from voiceapp.auth.models import Council, StaffUser
from voiceapp.extensions import db

PASSWORD = "Tarn-quarry-lantern-58"


def create(app, *args):
    return app.test_cli_runner().invoke(args=["create-staff", "--email", "new.person@leeds.example", "--name",
                                              "New Person", "--password", PASSWORD, *args])


def made():
    return db.session.scalar(sa.select(StaffUser).where(StaffUser.email == "new.person@leeds.example"))


def test_a_council_member_is_made_for_their_council(app):
    result = create(app, "--role", "council_member", "--council", "care_leavers", "--age", "15")
    assert result.exit_code == 0 and made().council == Council.CARE_LEAVERS


def test_a_council_member_under_15_is_refused_by_name(app):
    result = create(app, "--role", "council_member", "--council", "care_leavers", "--age", "14")
    assert result.exit_code == 2 and "--age" in result.output and "15 or over" in result.output
    assert made() is None


def test_a_priority_lead_is_made_for_their_priority(app):
    result = create(app, "--role", "priority_lead", "--priority", "3")
    assert result.exit_code == 0 and made().priority.number == 3


@pytest.mark.parametrize("args, option", [(["--role", "council_member"], "--council"),
                                          (["--role", "council_member", "--council", "care_leavers"], "--age"),
                                          (["--role", "priority_lead"], "--priority"),
                                          (["--role", "priority_lead", "--priority", "42"], "--priority")])
def test_a_missing_or_wrong_option_is_named_without_a_traceback(app, args, option):
    result = create(app, *args)
    assert result.exit_code == 2 and option in result.output and "Traceback" not in result.output
    assert made() is None


def test_console_texts_sent_by_separate_processes_get_distinct_ids(app):
    from voiceapp.messaging.senders import ConsoleSender
    first, second = ConsoleSender(app), ConsoleSender(app)      # a fresh counter in each process, as before
    ids = {sender.send(to="+447911123456", body="hi").sid for sender in (first, second) for _ in range(50)}
    assert len(ids) == 100
