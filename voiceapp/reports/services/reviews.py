"""A report ready for the councils' review: telling each member (email or text, their choice), and the record
of when each council reviewed it."""
import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, gettext, lazy_gettext as _l

from voiceapp import crypto
from voiceapp.audit import services as audit
from voiceapp.auth.models import Role, StaffUser
from voiceapp.database import transaction, utcnow
from voiceapp.errors import Invalid
from voiceapp.extensions import db
from voiceapp.i18n import supported
from voiceapp.messaging import services as messaging
from voiceapp.messaging.models import OutboundStatus
from voiceapp.people import phones
from voiceapp.people import services as people
from voiceapp.reports.models import CouncilContact, CouncilReview, NoticeChoice, ReviewNotice
from voiceapp.reports.periods import LONDON
from voiceapp.reports.services.councils import COUNCIL_NAMES, council_of, period_label

PURPOSE = "council_review"


def contact_of(staff_user_id):
    """A member's choice, or the default (email, English) when they have not made one."""
    return (db.session.get(CouncilContact, staff_user_id)
            or CouncilContact(staff_user_id=staff_user_id, choice=NoticeChoice.EMAIL, language="en"))


def set_contact(*, actor, choice, language="en", phone=None):
    """A council member chooses how to hear a report is ready; a text needs their mobile number."""
    council_of(actor)
    if language not in supported():
        raise Invalid(_l("We do not have that language yet"), field="language", reason="not supported")
    contact = contact_of(actor.id)
    if choice == NoticeChoice.TEXT and not phone and contact.phone_encrypted is None:
        raise Invalid(_l("Enter your mobile number to get a text"), field="phone", reason="required for texts")
    with transaction():
        contact.choice, contact.language, contact.updated_at = choice, language, utcnow()
        if phone:
            e164 = phones.normalise(phone)
            contact.phone_encrypted, contact.phone_hash = crypto.encrypt(e164), phones.lookup_hash(e164)
        db.session.add(contact)
        audit.record(actor=actor, action="council.contact", object_type="staff_user", object_id=actor.id,
                     detail={"choice": choice.value})
    return contact_of(actor.id)


def _members(council=None):
    query = sa.select(StaffUser).where(StaffUser.role == Role.COUNCIL_MEMBER, StaffUser.is_active.is_(True),
                                       StaffUser.council.is_not(None)).order_by(StaffUser.created_at)
    if council is not None:
        query = query.where(StaffUser.council == council)
    return db.session.scalars(query).all()


def _words(label, language):
    url = current_app.config["PUBLIC_URL"].rstrip("/") + "/council/"
    with force_locale(language):
        return (gettext("The report for %(period)s is ready for your review", period=label),
                gettext("The report for %(period)s is ready for your review. Sign in to your council area to "
                        "look at what young people told us and say what you think: %(url)s", period=label, url=url))


def _opted_out(contact):
    # A number that texted STOP to the service (as a young person) gets no texts of any kind.
    person = people.find_by_phone_hash(contact.phone_hash) if contact.phone_hash else None
    return person is not None and person.sms_opted_out_at is not None


def _member_by_email(address):
    return db.session.scalar(sa.select(StaffUser).where(StaffUser.email == address.strip().lower(),
                                                        StaffUser.role == Role.COUNCIL_MEMBER))


def still_wants_email(address):
    """At sending: the member is still active and still chooses email (not a text, not no notices)."""
    member = _member_by_email(address)
    return member is not None and member.is_active and contact_of(member.id).choice == NoticeChoice.EMAIL


def still_wants_text(number):
    """At sending: an active member holding this number still chooses texts, and it has not texted STOP."""
    contacts = db.session.scalars(sa.select(CouncilContact).where(
        CouncilContact.phone_hash == phones.lookup_hash(number), CouncilContact.choice == NoticeChoice.TEXT)).all()
    return any(_active_member(c.staff_user_id) and not _opted_out(c) for c in contacts)


def _active_member(staff_user_id):
    member = db.session.get(StaffUser, staff_user_id)
    return member is not None and member.is_active and member.role == Role.COUNCIL_MEMBER


def _tell(member, label):
    """How the member is told, what came of it now, and the outbox row it went out as (if it went)."""
    contact = contact_of(member.id)
    subject, body = _words(label, contact.language)
    if contact.choice == NoticeChoice.NONE:
        return contact.choice, "not_wanted", None
    if contact.choice == NoticeChoice.EMAIL:
        return contact.choice, "queued", messaging.send_email(to=member.email, subject=subject, body=body,
                                                               purpose=PURPOSE)
    if contact.phone_encrypted is None:
        return contact.choice, "no_number", None
    if _opted_out(contact):
        return contact.choice, "opted_out", None
    # Not a direct reply and not urgent, so it waits for the morning in quiet hours.
    return contact.choice, "queued", messaging.send_sms(body=body, purpose=PURPOSE,
                                                         to=crypto.decrypt(contact.phone_encrypted))


def notify_report_ready(*, actor, period, council=None):
    """Tell every active member of the councils (or of one) that the period's report is ready for review:
    once per member and period, so sending again tells only members added since."""
    label = period_label(period)
    told = set(db.session.scalars(sa.select(ReviewNotice.staff_user_id).where(ReviewNotice.period == label)))
    notices = []
    with transaction():
        for member in _members(council):
            if member.id in told:
                continue
            channel, outcome, row = _tell(member, label)
            notices.append(ReviewNotice(period=label, staff_user_id=member.id, channel=channel, outcome=outcome,
                                        sms_id=row.id if channel == NoticeChoice.TEXT and row else None,
                                        email_id=row.id if channel == NoticeChoice.EMAIL and row else None,
                                        created_at=utcnow()))
        db.session.add_all(notices)
        audit.record(actor=actor, action="council.notify_review", object_type="report",
                     detail={"period": label, "notices": len(notices)})
    return _with_delivery(notices)


def notices_for(period, staff_user_id=None):
    """Who was told the period's report is ready, each with what became of their notice as of now."""
    query = sa.select(ReviewNotice).where(ReviewNotice.period == period_label(period))
    if staff_user_id is not None:
        query = query.where(ReviewNotice.staff_user_id == staff_user_id)
    return _with_delivery(db.session.scalars(query.order_by(ReviewNotice.created_at)).all())


def _with_delivery(notices):
    for notice in notices:
        notice.state, notice.reason = delivery_of(notice)
    return notices


# What the outbox says became of a notice: queued (waiting or being sent), sent, delivered, or not sent.
STATES = {OutboundStatus.QUEUED: "queued", OutboundStatus.SENDING: "queued", OutboundStatus.HELD: "queued",
          OutboundStatus.SENT: "sent", OutboundStatus.DELIVERED: "delivered"}
REASONS = {OutboundStatus.EXPIRED: "expired", OutboundStatus.FAILED: "failed",
           OutboundStatus.UNDELIVERED: "undelivered"}


def delivery_of(notice):
    """(state, reason) read now from the notice's outbox row, never from what was hoped when it was queued:
    sending re-checks a member's choice and opt-out, so a notice queued overnight may never have gone."""
    if notice.outcome != "queued":
        return "not_sent", notice.outcome
    row = notice.sms if notice.channel == NoticeChoice.TEXT else notice.email
    if row is None:
        return "not_sent", "removed"
    if row.status in STATES:
        return STATES[row.status], None
    if row.status == OutboundStatus.SUPPRESSED:
        return "not_sent", _why_suppressed(notice)
    return "not_sent", REASONS.get(row.status, "failed")


def _why_suppressed(notice):
    """Sending found it no longer wanted: say why, from the member's state now (what sending saw then)."""
    member = db.session.get(StaffUser, notice.staff_user_id)
    if member is None or not member.is_active or member.role != Role.COUNCIL_MEMBER:
        return "no_longer_member"
    contact = contact_of(member.id)
    if contact.choice == NoticeChoice.NONE:
        return "not_wanted"
    if contact.choice != notice.channel:
        return "changed_choice"
    if notice.channel == NoticeChoice.TEXT and _opted_out(contact):
        return "opted_out"
    # Changed since and changed back, or a new number: it was not wanted at the moment it would have gone.
    return "changed_mind"


def mark_reviewed(*, actor, period):
    """A council member says their council has reviewed the period's report; the first to say so is kept."""
    council, label = council_of(actor), period_label(period)
    existing = review_of(council, label)
    if existing is not None:
        return existing
    with transaction():
        review = CouncilReview(council=council, period=label, reviewed_by_id=actor.id, reviewed_at=utcnow())
        db.session.add(review)
        db.session.flush()
        audit.record(actor=actor, action="council.review", object_type="council_review", object_id=review.id)
    return review


def review_of(council, label):
    return db.session.scalar(sa.select(CouncilReview).where(CouncilReview.council == council,
                                                            CouncilReview.period == label))


def reviews_in(label):
    """For the report: when each council reviewed it (or that it has not yet), under the council's name."""
    reviews = {r.council: r for r in db.session.scalars(sa.select(CouncilReview)
                                                        .where(CouncilReview.period == label))}
    return [{"council": council.value, "name": name,
             "reviewed_on": reviews[council].reviewed_at.astimezone(LONDON).date().isoformat() if council in reviews else None}
            for council, name in COUNCIL_NAMES.items()]
