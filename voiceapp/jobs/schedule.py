"""Periodic jobs: declared by their domain with @periodic, run by a ticker thread, Celery beat or cron."""
import logging
import threading
import time

from voiceapp.jobs import REGISTRY, job

log = logging.getLogger(__name__)
PERIODIC = {}


def periodic(seconds):
    """Register a job to run every `seconds`; it must be safe to run late, early or twice."""
    def decorator(func):
        func = job(func)
        PERIODIC[func.job_name] = seconds
        return func
    return decorator


def run_all(app):
    """Run every periodic job once, now (used by `flask jobs run-due`, the ticker and tests)."""
    from voiceapp import tasks_index  # noqa: F401 - every domain declares its periodic jobs on import
    for name in sorted(PERIODIC):
        _run_one(app, name)


def _run_one(app, name):
    from voiceapp.extensions import db
    try:
        REGISTRY[name]()
    except Exception:
        log.exception("periodic job %s failed; it runs again next tick", name)
        db.session.rollback()


class Ticker(threading.Thread):
    """The laptop scheduler: one daemon thread in the web process, no broker needed."""

    def __init__(self, app, tick_seconds=15):
        super().__init__(daemon=True, name="voiceapp-ticker")
        self.app, self.tick_seconds, self.last_run = app, tick_seconds, {}

    def run(self):
        from voiceapp import tasks_index  # noqa: F401
        while True:
            time.sleep(self.tick_seconds)
            with self.app.app_context():
                self._tick(time.monotonic())

    def _tick(self, now):
        from voiceapp.extensions import db
        for name, seconds in PERIODIC.items():
            if now - self.last_run.get(name, 0) >= seconds:
                self.last_run[name] = now
                _run_one(self.app, name)
        db.session.remove()


def beat_schedule():
    """The same schedule for Celery beat."""
    from voiceapp import tasks_index  # noqa: F401
    return {name: {"task": "voiceapp.run_job", "schedule": seconds, "args": [name, {}]}
            for name, seconds in PERIODIC.items()}
