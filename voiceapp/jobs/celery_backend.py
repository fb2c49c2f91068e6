"""Celery wiring for running voiceapp jobs on Redis workers (celery -A voiceapp.worker worker)."""
from celery import Celery

from voiceapp.jobs.registry import run_job
from voiceapp.jobs.schedule import beat_schedule


def make_celery(app):
    celery = Celery("voiceapp", broker=app.config["CELERY_BROKER_URL"])
    celery.conf.update(task_acks_late=True, task_reject_on_worker_lost=True,
                       broker_connection_timeout=1, broker_connection_retry=False,
                       broker_transport_options={"max_retries": 0, "socket_timeout": 1})
    # create_app makes the job backend after every domain has registered its jobs.
    celery.conf.beat_schedule = beat_schedule(app)

    @celery.task(name="voiceapp.run_job", bind=True)
    def run(task, name, kwargs):
        with app.app_context():
            run_job(name, kwargs)

    return celery
