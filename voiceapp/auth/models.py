"""Staff users, their roles, sign-in sessions, one-time codes and invitations."""
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db


class Role(str, enum.Enum):
    SENIOR_LEADER = "senior_leader"
    VOICE_OFFICER = "voice_officer"      # the service's administrators
    PRIORITY_LEAD = "priority_lead"
    BOARD_MEMBER = "board_member"        # read-only aggregates
    COUNCIL_MEMBER = "council_member"    # anonymised aggregates and themes only


class Council(str, enum.Enum):
    HAVE_A_VOICE = "have_a_voice"
    CARE_LEAVERS = "care_leavers"


class StaffUser(db.Model):
    __tablename__ = "staff_users"
    id = id_column()
    email = sa.Column(sa.String(254), nullable=False, unique=True)
    display_name = sa.Column(sa.String(120), nullable=False)
    role = sa.Column(enum_type(Role), nullable=False)
    council = sa.Column(enum_type(Council))
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"))
    password_hash = sa.Column(sa.String(255), nullable=False)
    is_active = sa.Column(sa.Boolean, nullable=False, default=True)
    disabled_at = sa.Column(UTCDateTime)        # when it was last disabled: the 1-year retention clock
    anonymised_at = sa.Column(UTCDateTime)      # name, email and password removed a year after disabling
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    priority = relationship("StrategicPriority")


class AuthSession(db.Model):
    """A server-side session: the client holds only a random token, so logout and disabling end it here."""
    __tablename__ = "auth_sessions"
    id = id_column()
    token_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    staff_user_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), index=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = sa.Column(UTCDateTime, nullable=False)
    revoked_at = sa.Column(UTCDateTime)
    __table_args__ = (sa.CheckConstraint(
        "(staff_user_id IS NULL) <> (young_person_id IS NULL)", name=sa.schema.conv("ck_auth_sessions_one_subject")),)


class OneTimeCode(db.Model):
    """A sign-in code sent by SMS; rows exist for unknown numbers too, so both look the same."""
    __tablename__ = "one_time_codes"
    id = id_column()
    phone_hash = sa.Column(sa.String(64), nullable=False, index=True)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"))
    code_hash = sa.Column(sa.String(64), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    expires_at = sa.Column(UTCDateTime, nullable=False)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    used_at = sa.Column(UTCDateTime)
    sent = sa.Column(sa.Boolean, nullable=False, default=False)


class Invitation(db.Model):
    """A code a worker gives a young person to sign in without a phone."""
    __tablename__ = "invitations"
    id = id_column()
    code_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False)
    created_by_id = sa.Column(sa.Uuid, sa.ForeignKey("staff_users.id"), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = sa.Column(UTCDateTime, nullable=False)
    redeemed_at = sa.Column(UTCDateTime)
