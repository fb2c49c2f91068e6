"""The youth councils' side of staff work: which actions answer each council priority (and which priorities
have none yet), the Head of Service's meetings and board takeovers with the questions raised and the
answers given, and telling the councils a report is ready for their review."""
from flask import g, redirect, render_template, request, url_for
from marshmallow import ValidationError

from voiceapp.database import utcnow
from voiceapp.errors import DomainError
from voiceapp.reports import periods
from voiceapp.reports.schemas import (ActionSchema, CouncilPriorityWithActionsSchema, LinkActionSchema,
                                      MeetingAnswerInSchema, MeetingInSchema, MeetingQuestionInSchema, MeetingSchema,
                                      NoticeSchema, ReadyInSchema)
from voiceapp.reports.services import actions, councils, meetings, reviews
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, errors_of, page_or_reason, posted
from voiceapp.staff_pages.labels import LONDON
from voiceapp.staff_pages.roles import (ADMINS, COUNCIL_LINKERS, COUNCIL_READERS, MEETING_READERS,
                                        MEETING_WRITERS)
from voiceapp.staff_pages.session import staff_page

MEETING_PLAIN = {"kind": "Choose what kind of meeting it was", "council": "Choose the council",
                 "held_on": "Enter the day it was held, like 2026-11-20", "title": "Give the meeting a title",
                 "question": "Write the question the young people asked", "answer": "Write the answer given"}


def _period():
    asked = (request.values.get("period") or "").strip()
    if asked in ("", "current"):
        return periods.containing(utcnow().astimezone(LONDON).date()).label
    return asked


@bp.route("/council-priorities")
@staff_page(*COUNCIL_READERS)
def council_priorities():
    return page_or_reason(lambda: _priorities_page(_period()))


def _priorities_page(period, errors=None, status=200):
    marked = CouncilPriorityWithActionsSchema(many=True).dump(councils.list_council_priorities(period=period))
    return render_template("staff/council_priorities.html", title="Council priorities", period=period,
                           priorities=marked, errors=errors or {}, may_link=g.actor.has_role(*COUNCIL_LINKERS),
                           actions=ActionSchema(many=True).dump(actions.list_actions())), status


@bp.route("/council-priorities/<uuid:council_priority_id>/actions", methods=["POST"])
@staff_page(*COUNCIL_LINKERS)
def link_council_action(council_priority_id):
    """Say that a "you said, we did" action (on the same theme) answers a council's priority."""
    period = _period()
    return act(lambda: councils.link_action(actor=g.actor, council_priority_id=council_priority_id,
                                            **LinkActionSchema().load(posted("action_id"))),
               url_for("staff.council_priorities", period=period),
               lambda **kw: _priorities_page(period, **kw), {"action_id": "Choose the action that answers it"})


@bp.route("/council-priorities/<uuid:council_priority_id>/actions/<uuid:action_id>/unlink", methods=["POST"])
@staff_page(*COUNCIL_LINKERS)
def unlink_council_action(council_priority_id, action_id):
    period = _period()
    return act(lambda: councils.unlink_action(actor=g.actor, council_priority_id=council_priority_id,
                                              action_id=action_id),
               url_for("staff.council_priorities", period=period), lambda **kw: _priorities_page(period, **kw))


@bp.route("/meetings")
@staff_page(*MEETING_READERS)
def meeting_list():
    return _meetings_page()


def _meetings_page(errors=None, status=200):
    listed = MeetingSchema(many=True).dump(meetings.list_meetings())
    return render_template("staff/meetings.html", title="Meetings with the councils", meetings=listed,
                           errors=errors or {}, may_write=g.actor.has_role(*MEETING_WRITERS),
                           typed=posted("kind", "council", "held_on", "title", "question", "answer")), status


@bp.route("/meetings", methods=["POST"])
@staff_page(*MEETING_WRITERS)
def record_meeting():
    """Record a meeting, with the first question raised at it (more can be added on its page)."""
    typed = posted("kind", "council", "held_on", "title", "question", "answer")
    asked = {key: typed.pop(key) for key in ("question", "answer") if key in typed}
    try:
        body = MeetingInSchema().load({**typed, "questions": [asked] if asked else []})
        meeting = meetings.record_meeting(actor=g.actor, **body)
    except (ValidationError, DomainError) as error:
        return _meetings_page(errors=_flat_questions(errors_of(error, MEETING_PLAIN), error),
                              status=422 if isinstance(error, ValidationError) else error.status)
    return _redirect_to(meeting.id)


def _flat_questions(errors, error):
    """A refused first question is shown by the question box, not as the list the schema holds it in."""
    nested = getattr(error, "messages", {}).get("questions") if isinstance(error, ValidationError) else None
    if isinstance(nested, dict):
        errors.pop("questions", None)
        for reasons in nested.values():
            for field in reasons if isinstance(reasons, dict) else {}:
                errors[field] = MEETING_PLAIN.get(field, "This is not right.")
    return errors


def _redirect_to(meeting_id):
    return redirect(url_for("staff.meeting", meeting_id=meeting_id), code=303)


def _meeting_page(meeting_id, errors=None, status=200):
    meeting = MeetingSchema().dump(meetings.get_meeting(meeting_id))
    return render_template("staff/meeting.html", title=meeting["title"], meeting=meeting, errors=errors or {},
                           may_write=g.actor.has_role(*MEETING_WRITERS), typed=posted("question", "answer")), status


@bp.route("/meetings/<uuid:meeting_id>")
@staff_page(*MEETING_READERS)
def meeting(meeting_id):
    return page_or_reason(lambda: _meeting_page(meeting_id))


@bp.route("/meetings/<uuid:meeting_id>/questions", methods=["POST"])
@staff_page(*MEETING_WRITERS)
def add_meeting_question(meeting_id):
    return act(lambda: meetings.add_question(actor=g.actor, meeting_id=meeting_id,
                                             **MeetingQuestionInSchema().load(posted("question", "answer"))),
               url_for("staff.meeting", meeting_id=meeting_id), lambda **kw: _meeting_page(meeting_id, **kw),
               MEETING_PLAIN)


@bp.route("/meetings/<uuid:meeting_id>/questions/<uuid:question_id>/answer", methods=["POST"])
@staff_page(*MEETING_WRITERS)
def answer_meeting_question(meeting_id, question_id):
    return act(lambda: meetings.answer_question(actor=g.actor, meeting_id=meeting_id, question_id=question_id,
                                                **MeetingAnswerInSchema().load(posted("answer"))),
               url_for("staff.meeting", meeting_id=meeting_id), lambda **kw: _meeting_page(meeting_id, **kw),
               MEETING_PLAIN)


@bp.route("/report/ready", methods=["POST"])
@staff_page(*ADMINS)
def tell_councils_report_ready():
    """Tell each council member the period's report is ready for their review (once each)."""
    period = _period()
    def told():
        notices = NoticeSchema(many=True).dump(reviews.notify_report_ready(
            actor=g.actor, period=period, **ReadyInSchema().load(posted("council"))))
        return render_template("staff/report_ready.html", title="Councils told", period=period, notices=notices,
                               reviews=reviews.reviews_in(reviews.period_label(period)))
    return page_or_reason(told)
