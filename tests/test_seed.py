"""`flask seed` loads what every deployment needs; demo data only when asked for, and never in production."""
from datetime import date

import sqlalchemy as sa

from voiceapp.auth.models import Council, Role, StaffUser
from voiceapp.extensions import db
from voiceapp.reports import periods
from voiceapp.reports.build import build_report
from voiceapp.reports.services import meetings


def seed(app, *args):
    return app.test_cli_runner().invoke(args=["seed", *args])


def staff_count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(StaffUser))


def test_seeding_without_demo_makes_no_account_and_prints_no_password(app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path / "instance"))
    result = seed(app)
    assert result.exit_code == 0, result.output
    assert staff_count() == 0 and "sign-in" not in result.output
    assert not (tmp_path / "instance" / "demo.env").exists()


def test_demo_data_is_refused_in_production(app, monkeypatch):
    monkeypatch.setitem(app.config, "ENV", "production")
    result = seed(app, "--demo")
    assert result.exit_code == 2 and "refused in production" in result.output
    assert staff_count() == 0


def test_the_demo_creates_the_instance_folder_when_it_is_missing(app, tmp_path, monkeypatch, clock):
    instance = tmp_path / "not" / "there" / "yet"
    monkeypatch.setattr(app, "instance_path", str(instance))
    result = seed(app, "--demo")
    assert result.exit_code == 0, result.output
    assert "INVITATION=" in (instance / "demo.env").read_text()


def test_the_demo_fills_the_current_half_year_so_its_report_has_real_figures(app, tmp_path, monkeypatch, clock):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    seed(app, "--demo")
    report = build_report(periods.containing(date.today()))
    assert report["participation"]["total"]["value"] >= 80
    assert [p for p in report["promises"] if p["shares"]["kept"]["value"] is not None]
    assert [t for t in report["themes"] if t["rank"]]
    assert report["meta"]["previous_period"] and report["themes"][0]["previous_mentions"]["value"] is not None


def test_the_demo_makes_a_council_member_for_each_council_and_a_meeting(app, tmp_path, monkeypatch, clock):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    for _ in range(2):
        assert seed(app, "--demo").exit_code == 0
    members = db.session.scalars(sa.select(StaffUser.council).where(StaffUser.role == Role.COUNCIL_MEMBER)).all()
    assert sorted(members) == sorted(Council) and len(meetings.list_meetings()) == 1
    assert "COUNCIL_HAVE_A_VOICE=have.a.voice@example.org" in (tmp_path / "demo.env").read_text()
