"""Tells safeguarding where the words of each kind of source live, so staff can read what raised an alert.

It sits at the top of the house because it names models from every domain and channel; safeguarding itself
imports none of them.
"""
from voiceapp.channels.sms.models import InboundSms
from voiceapp.channels.voice.models import VoiceRecording
from voiceapp.promises.models import PromiseCheck, PromiseRating
from voiceapp.reports.models import CouncilComment
from voiceapp.safeguarding import alerts
from voiceapp.surveys.models import SurveyAnswer
from voiceapp.tellus.models import Message, MessageReply

SOURCES = {
    "message": alerts.Source(Message, "body"),
    "message_praise_for": alerts.Source(Message, "praise_for"),
    "message_reply": alerts.Source(MessageReply, "body"),
    "council_comment": alerts.Source(CouncilComment, "body"),
    "promise_rating": alerts.Source(PromiseRating, "comment"),
    "promise_check": alerts.Source(PromiseCheck, "comment"),
    "survey_answer": alerts.Source(SurveyAnswer, "value_text"),
    "inbound_sms": alerts.Source(InboundSms, "body"),
    "voice_transcription": alerts.Source(VoiceRecording, "transcription", "stored_path"),
    "voice_recording": alerts.Source(VoiceRecording, "transcription", "stored_path"),
}


def register(app):
    for source_type, source in SOURCES.items():
        alerts.register_source(app, source_type, source)
