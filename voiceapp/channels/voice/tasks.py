"""Fetching recordings from Twilio's API host only (SEC-15), then deleting them there (TW-14); and asking a
person to listen to any recording whose words never came."""
import logging
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from flask import current_app

from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.voice.models import VoiceRecording
from voiceapp.database import transaction, utcnow
from voiceapp.extensions import db
from voiceapp.jobs import job
from voiceapp.jobs.schedule import periodic
from voiceapp.people import services as people
from voiceapp.safeguarding import unheard
from voiceapp.safeguarding.models import SafeguardingAlert
from voiceapp.tellus.models import Message

log = logging.getLogger(__name__)
TWILIO_API_HOST = "api.twilio.com"
# Recordings older than this without words were handled long ago (or the service was down for a week).
UNHEARD_LOOKBACK = timedelta(days=7)


def is_twilio_url(url):
    """Only https on Twilio's API host, on the default port: anything else could be an SSRF probe."""
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname == TWILIO_API_HOST and parts.port in (None, 443)


@job
def fetch_recording(*, recording_sid):
    recording = db.session.scalar(sa.select(VoiceRecording).where(VoiceRecording.recording_sid == recording_sid))
    if recording is None or recording.stored_path:
        return
    if not is_twilio_url(recording.recording_url):
        log.warning("refused to fetch a recording from a host that is not Twilio's API")
        with transaction():
            audit.record(actor=SYSTEM, action="security.recording_url_refused", object_type="voice_recording",
                         object_id=recording.id)
        return
    cfg = current_app.config
    response = requests.get(recording.recording_url + ".mp3", timeout=15, allow_redirects=False,
                            auth=(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"]))
    response.raise_for_status()
    path = Path(current_app.instance_path) / "recordings" / f"{recording.id}.mp3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(response.content)
    _client().recordings(recording_sid).delete()
    with transaction():
        recording.stored_path, recording.deleted_at_twilio = str(path), True


def _client():
    # twilio.rest takes a third of a second to import; only a fetched recording needs it.
    from twilio.rest import Client
    cfg = current_app.config
    return Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"], http_client=cfg.get("TWILIO_HTTP_CLIENT"))


@periodic(60)
def ask_someone_to_listen_to_unheard_recordings():
    """A recording still without words after VOICE_TRANSCRIPTION_WAIT_MINUTES goes to a person to listen to."""
    now = utcnow()
    waited = timedelta(minutes=current_app.config["VOICE_TRANSCRIPTION_WAIT_MINUTES"])
    asked = sa.select(SafeguardingAlert.source_id).where(SafeguardingAlert.source_type == unheard.SOURCE_TYPE)
    waiting = db.session.scalars(sa.select(VoiceRecording).where(
        VoiceRecording.transcription.is_(None), VoiceRecording.created_at <= now - waited,
        VoiceRecording.created_at >= now - UNHEARD_LOOKBACK, VoiceRecording.id.not_in(asked))).all()
    for recording in waiting:
        person = people.get_young_person(db.session.get(Message, recording.message_id).young_person_id)
        with transaction():
            # raise_alert finds the task if another scheduler raised it a moment ago (one per recording).
            unheard.raise_unheard_recording(young_person_id=person.id, recording_id=recording.id,
                                            language=person.language)
