"""VoiceCall (state keyed by CallSid) and VoiceRecording (a Tell Us message left by phone)."""
import sqlalchemy as sa

from voiceapp.database import UTCDateTime, id_column, utcnow
from voiceapp.extensions import db


class VoiceCall(db.Model):
    __tablename__ = "voice_calls"
    id = id_column()
    call_sid = sa.Column(sa.String(64), nullable=False, unique=True)
    phone_hash = sa.Column(sa.String(64), nullable=False, index=True)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    state = sa.Column(sa.JSON, nullable=False, default=dict)
    started_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class VoiceRecording(db.Model):
    """A recording's details; the audio is fetched from Twilio's API host only, then deleted there."""
    __tablename__ = "voice_recordings"
    id = id_column()
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, unique=True)
    recording_sid = sa.Column(sa.String(64), nullable=False, unique=True)
    recording_url = sa.Column(sa.String(500), nullable=False)
    duration_seconds = sa.Column(sa.Integer, nullable=False, default=0)
    transcription = sa.Column(sa.Text)
    stored_path = sa.Column(sa.String(300))
    deleted_at_twilio = sa.Column(sa.Boolean, nullable=False, default=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
