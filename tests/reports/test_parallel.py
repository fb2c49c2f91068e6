"""Outside a test savepoint the report's queries run side by side; the figures are the same as one by one."""
import pytest

from tests.conftest import base_config
from tests.reports import builders as b
from voiceapp import create_app
from voiceapp.extensions import db
from voiceapp.reports import periods
from voiceapp.reports.build import build_report
from tests.reports.conftest import NOW


@pytest.fixture
def file_app(tmp_path):
    app = create_app(base_config(f"sqlite:///{tmp_path / 'parallel.sqlite'}"))
    with app.app_context():
        db.create_all()
        from voiceapp.promises.seed import seed_all
        seed_all()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_side_by_side_and_one_by_one_give_the_same_report(file_app):
    promise = b.current_promises()[0]
    b.rate_many(promise, {"kept": 11, "not_kept": 4})
    b.message(b.person(), "2026-06-01 09:00", acknowledged="2026-06-01 12:00", themes=[3])
    db.session.commit()
    period = periods.parse("2026-H1")
    file_app.config["REPORT_QUERY_WORKERS"] = 1
    one_by_one = build_report(period, now=NOW)
    file_app.config["REPORT_QUERY_WORKERS"] = 2
    assert build_report(period, now=NOW) == one_by_one
    assert one_by_one["participation"]["total"]["display"] == "16"
