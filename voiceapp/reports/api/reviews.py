"""The report ready for the councils' review: members choose how to hear, staff tell them, councils say done."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import (ContactInSchema, ContactSchema, CouncilReviewSchema, NoticeSchema,
                                      ReadyInSchema)
from voiceapp.reports.services import reviews

REVIEW_READERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER, Role.BOARD_MEMBER, Role.COUNCIL_MEMBER)


@blp.route("/councils/me/contact", methods=["GET"])
@require_role(Role.COUNCIL_MEMBER)
@blp.response(200, ContactSchema)
def my_contact():
    """How you want to hear that a report is ready for your review."""
    return reviews.contact_of(current_actor().id)


@blp.route("/councils/me/contact", methods=["PUT"])
@require_role(Role.COUNCIL_MEMBER)
@blp.arguments(ContactInSchema)
@blp.response(200, ContactSchema)
def set_my_contact(body):
    """Choose email, text (with your mobile number) or no messages."""
    return reviews.set_contact(actor=current_actor(), **body)


@blp.route("/councils/reports/<string:period>/ready", methods=["POST"])
@require_role(Role.VOICE_OFFICER)
@blp.arguments(ReadyInSchema)
@blp.response(200, NoticeSchema(many=True))
def notify_report_ready(body, period):
    """Tell each council member the report is ready for review (once each; texts wait for the morning)."""
    return reviews.notify_report_ready(actor=current_actor(), period=period, **body)


@blp.route("/councils/reports/<string:period>/notices", methods=["GET"])
@require_role(Role.VOICE_OFFICER)
@blp.response(200, NoticeSchema(many=True))
def list_notices(period):
    return reviews.notices_for(period)


@blp.route("/councils/reports/<string:period>/review", methods=["POST"])
@require_role(Role.COUNCIL_MEMBER)
@blp.response(201, CouncilReviewSchema)
def mark_reviewed(period):
    """Say your council has reviewed this report."""
    return reviews.mark_reviewed(actor=current_actor(), period=period)


@blp.route("/councils/reports/<string:period>/reviews", methods=["GET"])
@require_role(*REVIEW_READERS)
@blp.response(200)
def list_reviews(period):
    """When each council reviewed the period's report (reviewed_on is empty until it has)."""
    return reviews.reviews_in(reviews.period_label(period))
