"""Small helpers for reading Tell Us, We Care answers in tests."""
from datetime import datetime

from voiceapp.tellus.deadlines import LONDON


def london_day(iso):
    """The Europe/London calendar day of an ISO timestamp from the API."""
    return datetime.fromisoformat(iso).astimezone(LONDON).date()


def emails(sent_email, subject_start):
    return [email for email in sent_email if email["subject"].startswith(subject_start)]
