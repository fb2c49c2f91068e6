"""Imports every module that declares jobs, so a worker can find any job by name."""
from voiceapp.messaging import tasks as messaging_tasks  # noqa: F401
