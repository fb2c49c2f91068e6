"""Entry point for Celery workers: builds the app from VOICEAPP_* settings and exposes its Celery."""
from voiceapp import create_app

app = create_app({"JOB_BACKEND": "celery"})
celery = app.extensions["voiceapp_jobs"].celery
