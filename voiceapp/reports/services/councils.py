"""The youth councils' part in the report: themes they mark as their priorities, the "you said, we did" actions
linked to each as its answer, and their comments."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp import signals
from voiceapp.audit import services as audit
from voiceapp.auth.models import Council, Role, StaffUser
from voiceapp.channel_enum import Channel
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Invalid, NotAllowed, NotFound
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import StrategicPriority
from voiceapp.reports import periods
from voiceapp.reports.models import Action, CouncilComment, CouncilPriority, council_priority_actions

COUNCIL_NAMES = {Council.HAVE_A_VOICE: "Have a Voice Council", Council.CARE_LEAVERS: "Care Leavers Council"}


def period_label(text):
    try:
        return periods.parse(text).label
    except ValueError as error:
        raise Invalid(_l("That is not a report period"), field="period", reason=str(error)) from None


def council_of(actor):
    """The council a council member speaks for; anyone else cannot speak for a council."""
    user = db.session.get(StaffUser, actor.id) if actor.is_staff else None
    if user is None or user.council is None:
        raise NotAllowed(_l("Only a council member can do that"), field="council", reason="not a council member")
    return user.council


def council_scope(actor, asked=None):
    """Which council's records an actor sees: a council member only their own, staff whichever they ask."""
    return council_of(actor) if actor.has_role(Role.COUNCIL_MEMBER) else asked


def mark_priority(*, actor, period, priority):
    """Mark a theme as one of the council's priorities for the period (marking twice changes nothing)."""
    council, label = council_of(actor), period_label(period)
    theme = promises.priority_by_number(priority)
    existing = db.session.scalar(sa.select(CouncilPriority).where(
        CouncilPriority.council == council, CouncilPriority.period == label, CouncilPriority.priority_id == theme.id))
    if existing:
        return existing
    with transaction():
        mark = CouncilPriority(council=council, period=label, priority_id=theme.id, marked_by_id=actor.id,
                               created_at=utcnow())
        db.session.add(mark)
        db.session.flush()
        audit.record(actor=actor, action="council.mark_priority", object_type="council_priority", object_id=mark.id)
    return mark


def unmark_priority(*, actor, period, priority):
    council, label = council_of(actor), period_label(period)
    theme = promises.priority_by_number(priority)
    mark = db.session.scalar(sa.select(CouncilPriority).where(
        CouncilPriority.council == council, CouncilPriority.period == label, CouncilPriority.priority_id == theme.id))
    with transaction():
        if mark is not None:
            db.session.delete(mark)     # its links to actions go with it
        audit.record(actor=actor, action="council.unmark_priority", object_type="council_priority")


def add_comment(*, actor, period, body, priority=None):
    """Add the council's comment to the period's report, about one theme or the whole report."""
    council, label = council_of(actor), period_label(period)
    theme_id = promises.priority_by_number(priority).id if priority else None
    with transaction():
        comment = CouncilComment(council=council, period=label, priority_id=theme_id, body=body.strip(),
                                 author_id=actor.id, created_at=utcnow())
        db.session.add(comment)
        db.session.flush()
        audit.record(actor=actor, action="council.comment", object_type="council_comment", object_id=comment.id)
        # Council members are young people: their words are screened like any other young person's.
        signals.announce_free_text(source_type="council_comment", source_id=comment.id, young_person_id=None,
                                   text=comment.body, language=actor.language or "en", channel=Channel.WEB)
    return comment


def councils_view(label):
    """For the report: each council's marked themes, the actions answering each, and its comments, under the
    council's name only."""
    marks = db.session.scalars(
        sa.select(CouncilPriority).join(StrategicPriority, StrategicPriority.id == CouncilPriority.priority_id)
        .where(CouncilPriority.period == label).order_by(StrategicPriority.number)).all()
    comments = db.session.execute(
        sa.select(CouncilComment.council, CouncilComment.body, StrategicPriority.number)
        .outerjoin(StrategicPriority, StrategicPriority.id == CouncilComment.priority_id)
        .where(CouncilComment.period == label).order_by(CouncilComment.created_at, CouncilComment.id)).all()
    return [{"council": council.value, "name": name,
             "priorities": [m.priority.number for m in marks if m.council == council],
             "answers": {str(m.priority.number): [a.what for a in m.actions] for m in marks if m.council == council},
             "comments": [{"text": body, "theme": n} for c, body, n in comments if c == council]}
            for council, name in COUNCIL_NAMES.items()]


def priorities_in_plans(councils, themes):
    """The strategy's measure "priorities raised by young people are included in lead plans": each council
    priority with the actions linked to it as its answer, and how many priorities have one and which do not.
    These count priorities, not young people, so nothing here needs suppressing."""
    titles = {t["number"]: t["short_title"] for t in themes}
    rows = [{"council": c["name"], "theme": n, "theme_title": titles.get(n, str(n)),
             "actions": c["answers"].get(str(n), [])}
            for c in councils for n in c["priorities"]]
    return {"priorities": rows, "with_action": sum(1 for r in rows if r["actions"]),
            "without_action": [f"{r['council']}: {r['theme_title']}" for r in rows if not r["actions"]]}


def list_council_priorities(*, period, council=None):
    """A period's council priorities with the actions answering each (one council's, or both)."""
    query = (sa.select(CouncilPriority).join(StrategicPriority, StrategicPriority.id == CouncilPriority.priority_id)
             .where(CouncilPriority.period == period_label(period))
             .order_by(CouncilPriority.council, StrategicPriority.number))
    if council is not None:
        query = query.where(CouncilPriority.council == council)
    return db.session.scalars(query).all()


def _priority_and_action(council_priority_id, action_id):
    mark = db.session.get(CouncilPriority, council_priority_id)
    if mark is None:
        raise NotFound(_l("No such council priority"))
    action = db.session.get(Action, action_id)
    if action is None:
        raise Invalid(_l("No such action"), field="action_id", reason="not an action")
    return mark, action


def _check_may_link(actor, mark, action):
    # An action answers a priority only on the same theme; a priority lead links only for the theme they lead.
    if action.priority_id != mark.priority_id:
        raise Invalid(_l("That action is about another theme"), field="action_id", reason="theme differs")
    if actor.role == Role.PRIORITY_LEAD and actor.priority_id != mark.priority_id:
        raise NotAllowed(_l("You can only link actions for the theme you lead"), field="action_id",
                         reason="not your theme")


def link_action(*, actor, council_priority_id, action_id):
    """Say that an action answers a council's priority (linking twice changes nothing)."""
    mark, action = _priority_and_action(council_priority_id, action_id)
    _check_may_link(actor, mark, action)
    if action in mark.actions:
        return mark
    with transaction():
        db.session.execute(sa.insert(council_priority_actions).values(
            council_priority_id=mark.id, action_id=action.id, linked_by_id=actor.id, linked_at=utcnow()))
        audit.record(actor=actor, action="council.link_action", object_type="council_priority", object_id=mark.id,
                     detail={"action_id": str(action.id)})
    db.session.refresh(mark)
    return mark


def unlink_action(*, actor, council_priority_id, action_id):
    mark, action = _priority_and_action(council_priority_id, action_id)
    _check_may_link(actor, mark, action)
    with transaction():
        db.session.execute(sa.delete(council_priority_actions).where(
            council_priority_actions.c.council_priority_id == mark.id,
            council_priority_actions.c.action_id == action.id))
        audit.record(actor=actor, action="council.unlink_action", object_type="council_priority",
                     object_id=mark.id, detail={"action_id": str(action.id)})
    db.session.refresh(mark)
    return mark
