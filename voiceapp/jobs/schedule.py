"""Periodic jobs: declared by their domain with @periodic, run by `flask jobs scheduler`, Celery beat or cron."""
import logging
import time

from voiceapp.extensions import db
from voiceapp.jobs.registry import periodic, registry_of

__all__ = ["periodic", "run_all", "Ticker", "beat_schedule"]
log = logging.getLogger(__name__)


def run_all(app):
    """Run every periodic job once, now (used by `flask jobs run-due`, the scheduler and tests)."""
    for name in sorted(registry_of(app).periodic):
        _run_one(app, name)


def _run_one(app, name):
    try:
        registry_of(app).jobs[name]()
    except Exception:
        log.exception("periodic job %s failed; it runs again next tick", name)
        db.session.rollback()


class Ticker:
    """The laptop scheduler (`flask jobs scheduler`, started by `make run`): one process, no broker needed."""

    def __init__(self, app, tick_seconds=15):
        self.app, self.tick_seconds, self.last_run = app, tick_seconds, {}

    def run_forever(self):
        while True:
            time.sleep(self.tick_seconds)
            with self.app.app_context():
                self.tick(time.monotonic())

    def tick(self, now):
        for name, seconds in registry_of(self.app).periodic.items():
            if now - self.last_run.get(name, 0) >= seconds:
                self.last_run[name] = now
                _run_one(self.app, name)
        db.session.remove()


def beat_schedule(app):
    """The same schedule for Celery beat."""
    return {name: {"task": "voiceapp.run_job", "schedule": seconds, "args": [name, {}]}
            for name, seconds in registry_of(app).periodic.items()}
