"""Records the report owns: keyword rules for themes, "you said, we did" actions, quotes, council views."""
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.auth.models import Council
from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db
from voiceapp.messaging.models import OutboundEmail, OutboundMessage


class ThemeKeywordRule(db.Model):
    """A word or phrase that counts free text under a theme: transparent, and editable by the voice team."""
    __tablename__ = "theme_keyword_rules"
    id = id_column()
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"), nullable=False, index=True)
    keyword = sa.Column(sa.String(60), nullable=False)
    # The language the keyword is written in: text is stemmed by that language's rules before matching.
    language = sa.Column(sa.String(8), nullable=False, default="en", server_default="en")
    is_active = sa.Column(sa.Boolean, nullable=False, default=True)
    created_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    priority = relationship("StrategicPriority", lazy="joined")
    __table_args__ = (sa.UniqueConstraint("priority_id", "language", "keyword"),)


class ActionStatus(str, enum.Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Action(db.Model):
    """You said, we did: what was done about a theme, message or promise, by whom and when."""
    __tablename__ = "report_actions"
    id = id_column()
    what = sa.Column(sa.String(500), nullable=False)
    # What was done in each language staff wrote it in ({"ar": "...", "fa": "..."}): English is `what`.
    what_translations = sa.Column(sa.JSON, nullable=False, default=dict, server_default="{}")
    who = sa.Column(sa.String(120), nullable=False)
    due_on = sa.Column(sa.Date)
    done_on = sa.Column(sa.Date)
    status = sa.Column(enum_type(ActionStatus), nullable=False, default=ActionStatus.PLANNED)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"), nullable=False, index=True)
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="SET NULL"))
    promise_id = sa.Column(sa.Uuid, sa.ForeignKey("promises.id"))
    created_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    told_young_people_at = sa.Column(UTCDateTime)
    told_count = sa.Column(sa.Integer, nullable=False, default=0)
    priority = relationship("StrategicPriority", lazy="joined")

    def what_in(self, code):
        """What was done in the language given, where staff wrote it; in English otherwise."""
        return what_in(self.what, self.what_translations, code)


def what_in(english, translations, code):
    """An action's words in a language (its base code: "fa_AF" reads "fa"), or the English."""
    code = str(code or "").replace("-", "_").split("_")[0].lower()
    return (translations or {}).get(code) or english


class QuoteStatus(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class QuoteSource(str, enum.Enum):
    MESSAGE = "message"
    PROMISE_RATING = "promise_rating"
    SURVEY_ANSWER = "survey_answer"


class Quote(db.Model):
    """A young person's words, redacted when proposed; only an approved quote may appear in a report."""
    __tablename__ = "report_quotes"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    source_type = sa.Column(enum_type(QuoteSource), nullable=False)
    source_id = sa.Column(sa.Uuid, nullable=False)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"))
    text = sa.Column(sa.Text, nullable=False)
    said_at = sa.Column(UTCDateTime, nullable=False, index=True)
    status = sa.Column(enum_type(QuoteStatus), nullable=False, default=QuoteStatus.PENDING)
    proposed_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    decided_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    decided_at = sa.Column(UTCDateTime)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    priority = relationship("StrategicPriority", lazy="joined")
    __table_args__ = (sa.UniqueConstraint("source_type", "source_id"),)


# "You said, we did" actions that answer a council's priority: many actions may answer one priority, and one
# action may answer the same theme for both councils.
council_priority_actions = sa.Table(
    "council_priority_actions", db.metadata,
    sa.Column("council_priority_id", sa.Uuid, sa.ForeignKey("council_priorities.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("action_id", sa.Uuid, sa.ForeignKey("report_actions.id", ondelete="CASCADE"), primary_key=True,
              index=True),
    sa.Column("linked_by_id", sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL")),
    sa.Column("linked_at", UTCDateTime, nullable=False, default=utcnow),
)


class CouncilPriority(db.Model):
    """A theme a youth council marked as one of its priorities for a period's report."""
    __tablename__ = "council_priorities"
    id = id_column()
    council = sa.Column(enum_type(Council), nullable=False)
    period = sa.Column(sa.String(30), nullable=False)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"), nullable=False)
    marked_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    priority = relationship("StrategicPriority", lazy="joined")
    actions = relationship("Action", secondary=council_priority_actions, order_by="Action.created_at",
                           lazy="selectin")
    __table_args__ = (sa.UniqueConstraint("council", "period", "priority_id"),)


class CouncilComment(db.Model):
    """A youth council's comment for a period's report, printed under the council's name (never a person's)."""
    __tablename__ = "council_comments"
    id = id_column()
    council = sa.Column(enum_type(Council), nullable=False)
    period = sa.Column(sa.String(30), nullable=False, index=True)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"))
    body = sa.Column(sa.Text, nullable=False)
    author_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    priority = relationship("StrategicPriority", lazy="joined")


class ThemeMention(db.Model):
    """One piece of a young person's writing counted under a theme: by its promise's or question's theme
    (rule_id empty) or by a keyword rule. Kept up to date as words arrive and as rules change, so the report
    reads an index instead of searching every text for every keyword."""
    __tablename__ = "theme_mentions"
    # Never leaves the server and is written by INSERT ... SELECT, so a database-made integer key is enough.
    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"), nullable=False)
    rule_id = sa.Column(sa.Uuid, sa.ForeignKey("theme_keyword_rules.id", ondelete="CASCADE"), index=True)
    source = sa.Column(sa.String(20), nullable=False)
    message_id = sa.Column(sa.Uuid, sa.ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    rating_id = sa.Column(sa.Uuid, sa.ForeignKey("promise_ratings.id", ondelete="CASCADE"), index=True)
    answer_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_answers.id", ondelete="CASCADE"), index=True)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    said_at = sa.Column(UTCDateTime, nullable=False, index=True)


class MeetingKind(str, enum.Enum):
    HEAD_OF_SERVICE = "head_of_service"     # the strategy commits to three a year with each council
    BOARD_TAKEOVER = "board_takeover"       # young people take over the Corporate Parenting Board


class CouncilMeeting(db.Model):
    """A meeting with a council (or both, when council is empty), recorded by staff with its questions."""
    __tablename__ = "council_meetings"
    id = id_column()
    kind = sa.Column(enum_type(MeetingKind), nullable=False)
    council = sa.Column(enum_type(Council))
    held_on = sa.Column(sa.Date, nullable=False, index=True)
    title = sa.Column(sa.String(200), nullable=False)
    created_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    questions = relationship("MeetingQuestion", order_by="MeetingQuestion.position", cascade="all, delete-orphan",
                             lazy="selectin", back_populates="meeting")


class MeetingQuestion(db.Model):
    """A question the young people raised at a meeting, and the answer they were given."""
    __tablename__ = "council_meeting_questions"
    id = id_column()
    meeting_id = sa.Column(sa.Uuid, sa.ForeignKey("council_meetings.id", ondelete="CASCADE"), nullable=False,
                           index=True)
    position = sa.Column(sa.Integer, nullable=False)
    question = sa.Column(sa.Text, nullable=False)
    answer = sa.Column(sa.Text)
    answered_at = sa.Column(UTCDateTime)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    meeting = relationship("CouncilMeeting", back_populates="questions")


class NoticeChoice(str, enum.Enum):
    EMAIL = "email"
    TEXT = "text"
    NONE = "none"       # the member asked not to be told


class CouncilContact(db.Model):
    """How a council member wants to hear that a report is ready: email (the default), text, or not at all."""
    __tablename__ = "council_contacts"
    staff_user_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True)
    choice = sa.Column(enum_type(NoticeChoice), nullable=False, default=NoticeChoice.EMAIL)
    language = sa.Column(sa.String(8), nullable=False, default="en")
    phone_encrypted = sa.Column(sa.Text)
    phone_hash = sa.Column(sa.String(64))
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class ReviewNotice(db.Model):
    """"The report for <period> is ready for your review", once per member and period: how it went out, or why
    it did not (the member chose no messages, or their number has opted out of texts)."""
    __tablename__ = "council_review_notices"
    id = id_column()
    period = sa.Column(sa.String(30), nullable=False)
    staff_user_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False)
    channel = sa.Column(enum_type(NoticeChoice), nullable=False)
    outcome = sa.Column(sa.String(20), nullable=False)     # queued | not_wanted | opted_out | no_number
    # The outbox row it went out as: what became of it (sent, delivered, suppressed at sending) is read from there.
    sms_id = sa.Column(sa.Uuid, sa.ForeignKey("outbound_messages.id", ondelete="SET NULL"))
    email_id = sa.Column(sa.Uuid, sa.ForeignKey("outbound_emails.id", ondelete="SET NULL"))
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    member = relationship("StaffUser")
    sms = relationship(OutboundMessage)
    email = relationship(OutboundEmail)
    __table_args__ = (sa.UniqueConstraint("period", "staff_user_id"),)


class CouncilReview(db.Model):
    """When a council reviewed a period's report (the first member to say so speaks for the council)."""
    __tablename__ = "council_reviews"
    id = id_column()
    council = sa.Column(enum_type(Council), nullable=False)
    period = sa.Column(sa.String(30), nullable=False, index=True)
    reviewed_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="SET NULL"))
    reviewed_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    __table_args__ = (sa.UniqueConstraint("council", "period"),)
