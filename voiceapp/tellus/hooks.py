"""Wires Tell Us, We Care into the layers below it: the legal hold on deletion and the pause on bulk texts."""
import sqlalchemy as sa

from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people import holds
from voiceapp.tellus import complaints, notifications
from voiceapp.tellus.models import Message, Status


def has_open_message(young_person_id):
    """While a young person waits for an answer, surveys and other bulk texts to them wait too."""
    return bool(open_message_among([young_person_id]))


def open_message_among(young_person_ids):
    """Of many young people, those with a message not yet closed (one query, for bulk sends)."""
    return set(db.session.scalars(sa.select(Message.young_person_id).distinct().where(
        Message.young_person_id.in_(list(young_person_ids)), Message.status != Status.CLOSED)))


def connect(app):
    """Register on the app (registering again changes nothing)."""
    holds.register_hold(app, complaints.complaint_hold)
    messaging.register_pause_check(app, has_open_message, among=open_message_among)
    messaging.register_call_outcome(app, "message_reply", notifications.call_outcome)
