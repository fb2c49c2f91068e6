"""Which jobs an app can run by name: each domain's register(app) lists its task modules here."""
import inspect
from dataclasses import dataclass, field

from flask import current_app

KEY = "voiceapp_job_registry"


@dataclass
class Registry:
    jobs: dict = field(default_factory=dict)        # name -> function
    periodic: dict = field(default_factory=dict)    # name -> seconds between runs


def job(func):
    """Declare a job; its arguments must be ids and plain values, and it must be safe to run twice."""
    func.job_name = f"{func.__module__}.{func.__name__}"
    return func


def periodic(seconds):
    """Declare a job to run every `seconds`; it must be safe to run late, early or twice."""
    def decorator(func):
        func = job(func)
        func.every_seconds = seconds
        return func
    return decorator


def registry_of(app):
    return app.extensions.setdefault(KEY, Registry())


def register_jobs(app, *modules):
    """Make the jobs these modules declare runnable by name in this app (by workers, the scheduler, beat)."""
    registry = registry_of(app)
    for module in modules:
        for value in vars(module).values():
            name = getattr(value, "job_name", None) if inspect.isfunction(value) else None
            if name and value.__module__ == module.__name__:
                registry.jobs[name] = value
                if hasattr(value, "every_seconds"):
                    registry.periodic[name] = value.every_seconds


def run_job(name, kwargs):
    """Run one registered job by name (the entry point every backend calls, inside an app context)."""
    registry_of(current_app).jobs[name](**kwargs)
