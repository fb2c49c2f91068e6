"""Voice messages nobody could turn into words: a duty task to listen, on the same clock as any alert.

Twilio transcribes English only, and a transcription can fail, come back empty or never come. Such a
recording is words that were never screened, so it is put in front of a person at once as an alert
("listen to this recording"), notified, re-notified and escalated exactly like any other.
"""
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction
from voiceapp.errors import NotFound
from voiceapp.extensions import db
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import SafeguardingAlert, Trigger

SOURCE_TYPE = "voice_recording"


def raise_unheard_recording(*, young_person_id, recording_id, language):
    """In the caller's transaction: a duty task to listen to this recording (one per recording)."""
    return alerts.raise_alert(young_person_id=young_person_id, source_type=SOURCE_TYPE, source_id=recording_id,
                              channel=Channel.VOICE, trigger=Trigger.UNHEARD_RECORDING, categories=(),
                              language=language)


def recording_path(alert):
    """Where the alert's recording is stored on this server, or None (not fetched from Twilio yet, or none)."""
    row, source = alerts.source_row(alert.source_type, alert.source_id)
    if row is None or source.audio_column is None:
        return None
    return getattr(row, source.audio_column)


def listen_to_recording(*, actor, alert_id):
    """The stored recording an alert points to, for the person acting on it; every listen is audited."""
    alert = db.session.get(SafeguardingAlert, alert_id)
    path = recording_path(alert) if alert is not None else None
    if path is None:
        raise NotFound(_l("No recording is stored for this alert yet"))
    with transaction():
        audit.record(actor=actor, action="safeguarding_alert.listen", object_type="safeguarding_alert",
                     object_id=alert.id)
    return path
