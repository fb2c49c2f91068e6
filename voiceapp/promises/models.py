"""StrategicPriority (the top-level themes), PromiseSet, Promise, PromiseCheck and PromiseRating."""
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.channel_enum import Channel
from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db
from voiceapp.people.models import Cohort


class Rating(str, enum.Enum):
    KEPT = "kept"
    PARTLY = "partly"
    NOT_KEPT = "not_kept"
    DONT_KNOW = "dont_know"


class StrategicPriority(db.Model):
    """One of the six priorities of the Corporate Parenting Strategy: the themes everything is counted under."""
    __tablename__ = "strategic_priorities"
    id = id_column()
    number = sa.Column(sa.Integer, nullable=False, unique=True)
    slug = sa.Column(sa.String(40), nullable=False, unique=True)
    title = sa.Column(sa.String(200), nullable=False)
    short_title = sa.Column(sa.String(60), nullable=False)
    translations = sa.Column(sa.JSON, nullable=False, default=dict)


class PromiseSet(db.Model):
    __tablename__ = "promise_sets"
    id = id_column()
    slug = sa.Column(sa.String(60), nullable=False, unique=True)
    cohort = sa.Column(enum_type(Cohort), nullable=False)
    version = sa.Column(sa.Integer, nullable=False)
    title = sa.Column(sa.String(200), nullable=False)
    source = sa.Column(sa.String(300), nullable=False, default="")
    is_draft = sa.Column(sa.Boolean, nullable=False, default=False)
    is_current = sa.Column(sa.Boolean, nullable=False, default=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    promises = relationship("Promise", order_by="Promise.position", cascade="all, delete-orphan",
                            lazy="selectin", back_populates="promise_set")
    __table_args__ = (sa.UniqueConstraint("cohort", "version"),)


class Promise(db.Model):
    __tablename__ = "promises"
    id = id_column()
    promise_set_id = sa.Column(sa.Uuid, sa.ForeignKey("promise_sets.id", ondelete="CASCADE"), nullable=False,
                               index=True)
    position = sa.Column(sa.Integer, nullable=False)
    text = sa.Column(sa.String(300), nullable=False)
    translations = sa.Column(sa.JSON, nullable=False, default=dict)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"), nullable=False, index=True)
    # The same promise across versions ("child_in_care:listen"): its trend carries on in a new version.
    lineage = sa.Column(sa.String(80), index=True)
    promise_set = relationship("PromiseSet", back_populates="promises")
    priority = relationship("StrategicPriority", lazy="joined")
    __table_args__ = (sa.UniqueConstraint("promise_set_id", "position"),)


class PromiseInformation(str, enum.Enum):
    """The strategy's outcome measure: has your current social worker given you the promise and explained it?"""
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


class PromiseCheck(db.Model):
    """One sitting in which a young person said which promises are being kept."""
    __tablename__ = "promise_checks"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    promise_set_id = sa.Column(sa.Uuid, sa.ForeignKey("promise_sets.id"), nullable=False)
    channel = sa.Column(enum_type(Channel), nullable=False)
    submitted_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    comment = sa.Column(sa.Text)     # anything added at the end, about the promise as a whole
    # Sent whole (API, SMS, voice), a check is finished when it is sent; on the website it stays open while
    # the young person answers one promise at a time, each answer saved at once.
    finished_at = sa.Column(UTCDateTime)
    # Asked once a half-year, with the first promise check of the half (empty when not asked or skipped).
    promise_information = sa.Column(enum_type(PromiseInformation))
    ratings = relationship("PromiseRating", cascade="all, delete-orphan", lazy="selectin",
                           order_by="PromiseRating.position")


class PromiseRating(db.Model):
    __tablename__ = "promise_ratings"
    id = id_column()
    check_id = sa.Column(sa.Uuid, sa.ForeignKey("promise_checks.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    promise_id = sa.Column(sa.Uuid, sa.ForeignKey("promises.id"), nullable=False, index=True)
    position = sa.Column(sa.Integer, nullable=False)
    rating = sa.Column(enum_type(Rating), nullable=False)
    comment = sa.Column(sa.Text)
    promise = relationship("Promise", lazy="joined")
    __table_args__ = (sa.UniqueConstraint("check_id", "promise_id"),)
