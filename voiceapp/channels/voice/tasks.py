"""Fetching recordings from Twilio's API host only (SEC-15), then deleting them there (TW-14)."""
import logging
from pathlib import Path
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from flask import current_app

from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM
from voiceapp.channels.voice.models import VoiceRecording
from voiceapp.database import transaction
from voiceapp.extensions import db
from voiceapp.jobs import job

log = logging.getLogger(__name__)
TWILIO_API_HOST = "api.twilio.com"


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
