"""Tells safeguarding where the words of SMS and voice sources live, so staff can read what raised an alert."""


def register():
    from voiceapp.channels.sms.models import InboundSms
    from voiceapp.channels.voice.models import VoiceRecording
    from voiceapp.safeguarding import alerts
    alerts.register_source("inbound_sms", alerts.Source(InboundSms, "body"))
    alerts.register_source("voice_transcription", alerts.Source(VoiceRecording, "transcription", "stored_path"))
    alerts.register_source("voice_recording", alerts.Source(VoiceRecording, "transcription", "stored_path"))
