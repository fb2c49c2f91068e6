"""Meetings with the youth councils: the Head of Service's (three a year with each council) and the board
takeover, with the questions the young people raised and the answers they were given."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.reports.models import CouncilMeeting, MeetingKind, MeetingQuestion

HEAD_OF_SERVICE_MEETINGS_A_YEAR = 3
KIND_NAMES = {MeetingKind.HEAD_OF_SERVICE: "Meeting with the Head of Service",
              MeetingKind.BOARD_TAKEOVER: "Corporate Parenting Board takeover"}


def get_meeting(meeting_id, *, council=None):
    """A meeting; a council member (council given) reaches only their council's meetings and joint ones."""
    meeting = db.session.get(CouncilMeeting, meeting_id)
    if meeting is None or (council is not None and meeting.council not in (None, council)):
        raise NotFound(_l("No such meeting"))
    return meeting


def list_meetings(*, council=None, first=None, last=None):
    """Meetings, newest first: a council's own and joint ones when council is given; between two days if given."""
    query = sa.select(CouncilMeeting).order_by(CouncilMeeting.held_on.desc(), CouncilMeeting.created_at.desc())
    if council is not None:
        query = query.where(sa.or_(CouncilMeeting.council == council, CouncilMeeting.council.is_(None)))
    if first is not None:
        query = query.where(CouncilMeeting.held_on >= first)
    if last is not None:
        query = query.where(CouncilMeeting.held_on <= last)
    return db.session.scalars(query).all()


def _questions(rows, now):
    return [MeetingQuestion(position=i, question=row["question"].strip(),
                            answer=(row.get("answer") or "").strip() or None,
                            answered_at=now if (row.get("answer") or "").strip() else None, created_at=now)
            for i, row in enumerate(rows)]


def record_meeting(*, actor, kind, held_on, title, council=None, questions=()):
    """Record a meeting with a council (or both: no council), with any questions and answers already known."""
    if kind == MeetingKind.HEAD_OF_SERVICE and council is None:
        raise Invalid(_l("Say which council the Head of Service met"), field="council",
                      reason="required for a Head of Service meeting")
    now = utcnow()
    with transaction():
        meeting = CouncilMeeting(kind=kind, council=council, held_on=held_on, title=title.strip(),
                                 created_by_id=actor.id, created_at=now, questions=_questions(questions, now))
        db.session.add(meeting)
        db.session.flush()
        audit.record(actor=actor, action="meeting.create", object_type="council_meeting", object_id=meeting.id)
    return meeting


def add_question(*, actor, meeting_id, question, answer=None):
    """Add a question the young people raised at the meeting, with its answer if they were given one."""
    meeting = get_meeting(meeting_id)
    now = utcnow()
    with transaction():
        row, = _questions([{"question": question, "answer": answer}], now)
        row.position = len(meeting.questions)
        meeting.questions.append(row)
        db.session.flush()
        audit.record(actor=actor, action="meeting.question", object_type="council_meeting", object_id=meeting.id)
    return meeting


def answer_question(*, actor, meeting_id, question_id, answer):
    """Write down the answer the young people were given (after the meeting, if it came later)."""
    meeting = get_meeting(meeting_id)
    row = next((q for q in meeting.questions if q.id == question_id), None)
    if row is None:
        raise NotFound(_l("No such question"))
    with transaction():
        row.answer, row.answered_at = answer.strip(), utcnow()
        audit.record(actor=actor, action="meeting.answer", object_type="council_meeting", object_id=meeting.id,
                     detail={"question_id": str(row.id)})
    return meeting


def meetings_in(period):
    """For the report: the period's meetings with their questions and answers, and how many Head of Service
    meetings each council had against the strategy's three a year. Staff write these down in the councils'
    words; they name no young person."""
    meetings = list_meetings(first=period.first, last=period.last)
    return {"meetings": [_plain(m) for m in reversed(meetings)],
            "head_of_service": {council: sum(1 for m in meetings if m.kind == MeetingKind.HEAD_OF_SERVICE
                                             and m.council and m.council.value == council)
                                for council in ("have_a_voice", "care_leavers")},
            "head_of_service_a_year": HEAD_OF_SERVICE_MEETINGS_A_YEAR}


def _plain(meeting):
    return {"kind": meeting.kind.value, "kind_name": KIND_NAMES[meeting.kind], "held_on": meeting.held_on.isoformat(),
            "council": meeting.council.value if meeting.council else None, "title": meeting.title,
            "questions": [{"question": q.question, "answer": q.answer} for q in meeting.questions]}
