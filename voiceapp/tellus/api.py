"""Tell Us, We Care over the API: young people send and follow; staff triage, reply and note."""
from flask_smorest import Blueprint

from voiceapp.auth.guards import current_actor, require_role, require_young_person
from voiceapp.auth.models import Role
from voiceapp.auth.roles import CASEWORK
from voiceapp.channel_enum import Channel
from voiceapp.tellus import casework, replies, satisfaction, services, threads, triage
from voiceapp.tellus.casework_schemas import SatisfactionInSchema, StaffReplyInSchema
from voiceapp.tellus.schemas import (AssignSchema, MessageFilterSchema, MessageInSchema, MessagePageSchema,
                                     MyMessageSchema, NoteSchema, ReplyInSchema, StaffMessageSchema,
                                     StatusChangeSchema, ThemesSchema, ThreadEntrySchema)

blp = Blueprint("tellus", __name__, url_prefix="/api/v1", description="Tell Us, We Care")


@blp.route("/me/messages", methods=["POST"])
@require_young_person
@blp.arguments(MessageInSchema)
@blp.response(201, MyMessageSchema)
def send_message(body):
    """Send a message to senior leaders: a promise not kept, unhappy with support, or praise."""
    actor = current_actor()
    return threads.shown_one(services.send_message(actor=actor, young_person_id=actor.id, channel=Channel.WEB,
                                                   **body))


@blp.route("/me/messages", methods=["GET"])
@require_young_person
@blp.response(200, MyMessageSchema(many=True))
def my_messages():
    return services.list_my_messages(actor=current_actor())


@blp.route("/me/messages/<uuid:message_id>", methods=["GET"])
@require_young_person
@blp.response(200, MyMessageSchema)
def my_message(message_id):
    """Your message, where it has got to, and the replies."""
    return services.show_my_message(actor=current_actor(), message_id=message_id)


@blp.route("/me/messages/<uuid:message_id>/replies", methods=["POST"])
@require_young_person
@blp.arguments(ReplyInSchema)
@blp.response(201, ThreadEntrySchema)
def answer_back(body, message_id):
    """Write back about your message (this opens a closed one again)."""
    return threads.shown_entry(services.answer_back(actor=current_actor(), message_id=message_id,
                                                    body=body["body"], channel=Channel.WEB))


@blp.route("/me/messages/<uuid:message_id>/satisfaction", methods=["POST"])
@require_young_person
@blp.arguments(SatisfactionInSchema)
@blp.response(201, MyMessageSchema)
def answer_satisfaction(body, message_id):
    """Say if you are happy with our answer: yes, partly or no (and why). "No" opens it again."""
    return threads.shown_one(satisfaction.record_answer(actor=current_actor(), message_id=message_id,
                                                        channel=Channel.WEB, **body))


@blp.route("/me/messages/<uuid:message_id>", methods=["DELETE"])
@require_young_person
@blp.response(204)
def delete_my_message(message_id):
    services.delete_my_message(actor=current_actor(), message_id=message_id)


@blp.route("/messages", methods=["GET"])
@require_role(*CASEWORK)
@blp.arguments(MessageFilterSchema, location="query")
@blp.response(200, MessagePageSchema)
def list_messages(args):
    """The triage list, oldest waiting first, filtered as asked."""
    items, total = triage.list_messages(actor=current_actor(), **args)
    return {"items": items, "total": total}


@blp.route("/messages/<uuid:message_id>", methods=["GET"])
@require_role(*CASEWORK)
@blp.response(200, StaffMessageSchema)
def get_message(message_id):
    return triage.get_message(actor=current_actor(), message_id=message_id)


@blp.route("/messages/<uuid:message_id>/replies", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(StaffReplyInSchema)
@blp.response(201, ThreadEntrySchema)
def reply(body, message_id):
    """Answer the young person, on the channel they chose (409 while someone else is replying)."""
    return threads.shown_entry(replies.reply_to_message(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/notes", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(ReplyInSchema)
@blp.response(201, NoteSchema)
def add_note(body, message_id):
    """An internal note the young person never sees."""
    return triage.add_note(actor=current_actor(), message_id=message_id, body=body["body"])


@blp.route("/messages/<uuid:message_id>/status", methods=["POST"])
@require_role(*CASEWORK)
@blp.arguments(StatusChangeSchema)
@blp.response(200, StaffMessageSchema)
def change_status(body, message_id):
    """Acknowledge, mark answered, close (with an outcome) or reopen."""
    return threads.shown_one(casework.change_status(actor=current_actor(), message_id=message_id, **body))


@blp.route("/messages/<uuid:message_id>/assignee", methods=["PUT"])
@require_role(Role.SENIOR_LEADER, Role.VOICE_OFFICER)
@blp.arguments(AssignSchema)
@blp.response(200, StaffMessageSchema)
def assign(body, message_id):
    return threads.shown_one(triage.assign_message(actor=current_actor(), message_id=message_id,
                                                   staff_id=body["staff_id"]))


@blp.route("/messages/<uuid:message_id>/themes", methods=["PUT"])
@require_role(*CASEWORK)
@blp.arguments(ThemesSchema)
@blp.response(200, StaffMessageSchema)
def set_themes(body, message_id):
    """Tag the message with strategic priorities (1-6)."""
    return threads.shown_one(triage.set_themes(actor=current_actor(), message_id=message_id,
                                               theme_numbers=body["themes"]))
