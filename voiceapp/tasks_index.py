"""Imports every module that declares jobs, so a worker can find any job by name."""
from voiceapp.messaging import tasks as messaging_tasks  # noqa: F401
from voiceapp.channels.sms import tasks as sms_tasks  # noqa: F401
from voiceapp.channels.voice import tasks as voice_tasks  # noqa: F401
from voiceapp.safeguarding import tasks as safeguarding_tasks  # noqa: F401
from voiceapp.messaging import pauses as messaging_pauses  # noqa: F401
from voiceapp.tellus import tasks as tellus_tasks  # noqa: F401
from voiceapp.reports.services import mentions as report_mentions  # noqa: F401
