"""Job backends chosen by VOICEAPP_JOB_BACKEND: inline (tests), inprocess (laptop), celery (scale)."""
import logging
from concurrent.futures import ThreadPoolExecutor

from voiceapp.extensions import db
from voiceapp.jobs.celery_backend import make_celery
from voiceapp.jobs.registry import run_job

log = logging.getLogger(__name__)


class InlineBackend:
    """Runs each job straight after the commit, in the caller's thread: deterministic for tests."""

    def __init__(self, app):
        self.app = app
        self.ran = []
        self._running = False
        self._queue = []

    def submit(self, name, kwargs):
        # Jobs queued by a job run after it, not inside its commit.
        self._queue.append((name, kwargs))
        if self._running:
            return
        self._running = True
        try:
            while self._queue:
                self._run(*self._queue.pop(0))
        finally:
            self._running = False

    def _run(self, name, kwargs):
        self.ran.append((name, kwargs))
        try:
            run_job(name, kwargs)
        except Exception:
            log.exception("job %s failed; its sweep will retry it", name)


class InProcessBackend:
    """A small thread pool in the web process: no broker needed on a laptop."""

    def __init__(self, app):
        self.app = app
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="voiceapp-job")

    def submit(self, name, kwargs):
        self.pool.submit(self._run, name, kwargs)

    def _run(self, name, kwargs):
        with self.app.app_context():
            try:
                run_job(name, kwargs)
            except Exception:
                log.exception("job %s failed; its sweep will retry it", name)
            finally:
                db.session.remove()


class CeleryBackend:
    """Hands jobs to Celery on Redis; if the broker is down the job's own sweep picks the work up."""

    def __init__(self, app):
        self.celery = make_celery(app)

    def submit(self, name, kwargs):
        try:
            # No retrying here: the request that queued it must answer fast; the job's sweep recovers it.
            self.celery.send_task("voiceapp.run_job", args=[name, kwargs], retry=False)
        except Exception:
            log.warning("broker unreachable; job %s left for its sweep", name)


BACKENDS = {"inline": InlineBackend, "inprocess": InProcessBackend, "celery": CeleryBackend}


def create(app):
    return BACKENDS[app.config["JOB_BACKEND"]](app)
