"""Background jobs: declared by the domain that owns them, queued only after the commit that needs them."""
import logging

from sqlalchemy import event

log = logging.getLogger(__name__)
REGISTRY = {}
_PENDING = "voiceapp_pending_jobs"


def job(func):
    """Register a job; its arguments must be ids and plain values, and it must be safe to run twice."""
    REGISTRY[f"{func.__module__}.{func.__name__}"] = func
    func.job_name = f"{func.__module__}.{func.__name__}"
    return func


def enqueue(func, **kwargs):
    """Queue a job to run after the current transaction commits; dropped if it rolls back."""
    from voiceapp.extensions import db
    db.session.info.setdefault(_PENDING, []).append((func.job_name, kwargs))


def run_job(name, kwargs):
    """Run one registered job by name (the entry point every backend calls)."""
    from voiceapp import tasks_index  # noqa: F401 - imports every domain's tasks so names resolve
    REGISTRY[name](**kwargs)


_READY = "voiceapp_ready_jobs"


def _after_commit(session):
    # Only mark them ready: the session is still inside its commit here and cannot run a job's SQL.
    session.info.setdefault(_READY, []).extend(session.info.pop(_PENDING, []))


def _after_rollback(session):
    session.info.pop(_PENDING, None)


def dispatch_ready(session):
    """Hand committed jobs to the backend (called by database.transaction once its commit is done)."""
    ready = session.info.pop(_READY, [])
    if ready:
        from flask import current_app
        backend = current_app.extensions["voiceapp_jobs"]
        for name, kwargs in ready:
            backend.submit(name, kwargs)


def init_app(app):
    from voiceapp.database import after_commit_hooks
    from voiceapp.extensions import db
    from voiceapp.jobs import backends
    if dispatch_ready not in after_commit_hooks:
        after_commit_hooks.append(dispatch_ready)
    app.extensions["voiceapp_jobs"] = backends.create(app)
    session_class = db.session.session_factory.class_
    if not event.contains(session_class, "after_commit", _after_commit):
        event.listen(session_class, "after_commit", _after_commit)
        # A savepoint rolled back inside a use case keeps the outer transaction's jobs.
        event.listen(session_class, "after_soft_rollback", lambda s, t: None if t.nested else _after_rollback(s))
