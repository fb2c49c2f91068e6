"""Background jobs: declared by the domain that owns them, queued only after the commit that needs them."""
import logging

from flask import current_app
from sqlalchemy import event

from voiceapp.database import add_after_commit_hook
from voiceapp.extensions import db
from voiceapp.jobs import backends
from voiceapp.jobs.registry import job, periodic, register_jobs, run_job

__all__ = ["enqueue", "job", "periodic", "register_jobs", "run_job", "init_app"]
log = logging.getLogger(__name__)
_PENDING = "voiceapp_pending_jobs"
_READY = "voiceapp_ready_jobs"


def enqueue(func, **kwargs):
    """Queue a job to run after the current transaction commits; dropped if it rolls back."""
    db.session.info.setdefault(_PENDING, []).append((func.job_name, kwargs))


def _after_commit(session):
    # Only mark them ready: the session is still inside its commit here and cannot run a job's SQL.
    session.info.setdefault(_READY, []).extend(session.info.pop(_PENDING, []))


def _after_rollback(session):
    session.info.pop(_PENDING, None)


def dispatch_ready(session):
    """Hand committed jobs to the backend (called by database.transaction once its commit is done)."""
    ready = session.info.pop(_READY, [])
    if ready:
        backend = current_app.extensions["voiceapp_jobs"]
        for name, kwargs in ready:
            backend.submit(name, kwargs)


def init_app(app):
    add_after_commit_hook(app, dispatch_ready)
    app.extensions["voiceapp_jobs"] = backends.create(app)
    session_class = db.session.session_factory.class_
    if not event.contains(session_class, "after_commit", _after_commit):
        event.listen(session_class, "after_commit", _after_commit)
        # A savepoint rolled back inside a use case keeps the outer transaction's jobs.
        event.listen(session_class, "after_soft_rollback", lambda s, t: None if t.nested else _after_rollback(s))
