"""Meetings with the youth councils and the questions raised at them: staff record, councils read their own."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import (MeetingAnswerInSchema, MeetingArgs, MeetingInSchema, MeetingQuestionInSchema,
                                      MeetingSchema)
from voiceapp.reports.services import councils, meetings

WRITERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER)
READERS = (*WRITERS, Role.PRIORITY_LEAD, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)


@blp.route("/councils/meetings", methods=["GET"])
@require_role(*READERS)
@blp.arguments(MeetingArgs, location="query")
@blp.response(200, MeetingSchema(many=True))
def list_meetings(args):
    """Meetings newest first; a council member sees their council's and joint ones."""
    args["council"] = councils.council_scope(current_actor(), args["council"])
    return meetings.list_meetings(**args)


@blp.route("/councils/meetings", methods=["POST"])
@require_role(*WRITERS)
@blp.arguments(MeetingInSchema)
@blp.response(201, MeetingSchema)
def record_meeting(body):
    """Record a Head of Service meeting with a council or a board takeover, with its questions and answers."""
    return meetings.record_meeting(actor=current_actor(), **body)


@blp.route("/councils/meetings/<uuid:meeting_id>", methods=["GET"])
@require_role(*READERS)
@blp.response(200, MeetingSchema)
def get_meeting(meeting_id):
    return meetings.get_meeting(meeting_id, council=councils.council_scope(current_actor()))


@blp.route("/councils/meetings/<uuid:meeting_id>/questions", methods=["POST"])
@require_role(*WRITERS)
@blp.arguments(MeetingQuestionInSchema)
@blp.response(201, MeetingSchema)
def add_question(body, meeting_id):
    """Add a question the young people raised, with its answer if one was given."""
    return meetings.add_question(actor=current_actor(), meeting_id=meeting_id, **body)


@blp.route("/councils/meetings/<uuid:meeting_id>/questions/<uuid:question_id>/answer", methods=["PUT"])
@require_role(*WRITERS)
@blp.arguments(MeetingAnswerInSchema)
@blp.response(200, MeetingSchema)
def answer_question(body, meeting_id, question_id):
    return meetings.answer_question(actor=current_actor(), meeting_id=meeting_id, question_id=question_id, **body)
