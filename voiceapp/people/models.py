"""YoungPerson (no name, no date of birth), PhoneNumber (kept apart, found by keyed hash), voice groups."""
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db


class Cohort(str, enum.Enum):
    CHILD_IN_CARE = "child_in_care"
    CARE_LEAVER = "care_leaver"


class AgeBand(str, enum.Enum):
    # The ICO Children's Code bands, then the care-leaver years up to 25.
    AGE_10_12 = "10-12"
    AGE_13_15 = "13-15"
    AGE_16_17 = "16-17"
    AGE_18_21 = "18-21"
    AGE_22_25 = "22-25"


class VoiceGroup(str, enum.Enum):
    """Groups the Corporate Parenting Strategy names as needing their own voice."""
    UNACCOMPANIED_ASYLUM_SEEKING = "unaccompanied_asylum_seeking"
    SEND = "send"
    CARE_EXPERIENCED_PARENT = "care_experienced_parent"
    LIVES_OUT_OF_AREA = "lives_out_of_area"
    RESIDENTIAL_HOME = "residential_home"


class YoungPerson(db.Model):
    __tablename__ = "young_people"
    id = id_column()
    cohort = sa.Column(enum_type(Cohort), nullable=False)
    age_band = sa.Column(enum_type(AgeBand), nullable=False)
    language = sa.Column(sa.String(8), nullable=False, default="en")
    consent_to_quote = sa.Column(sa.Boolean, nullable=False, default=False)
    consent_to_contact = sa.Column(sa.Boolean, nullable=False, default=False)
    sms_opted_out_at = sa.Column(UTCDateTime)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    erased_at = sa.Column(UTCDateTime)
    # The latest text or call whose own record record-level retention has since deleted (rights/records.py).
    last_contact_at = sa.Column(UTCDateTime)
    # Their worker, who passes on answers they asked to have "through my worker" (tellus/notifications.py).
    worker_name = sa.Column(sa.String(120))
    worker_email = sa.Column(sa.String(254))
    # Their reference in the council's case system, where staff hold it: shown only on a safeguarding alert, so
    # the duty team can find their record (people/services.py set_case_reference; safeguarding/contact.py).
    case_reference = sa.Column(sa.String(32))
    voice_group_rows = relationship("YoungPersonVoiceGroup", cascade="all, delete-orphan")
    phone = relationship("PhoneNumber", uselist=False, cascade="all, delete-orphan")

    @property
    def voice_groups(self):
        return sorted(row.group.value for row in self.voice_group_rows)

    def set_voice_groups(self, groups):
        wanted = {VoiceGroup(g) for g in groups}
        self.voice_group_rows = [row for row in self.voice_group_rows if row.group in wanted]
        present = {row.group for row in self.voice_group_rows}
        self.voice_group_rows += [YoungPersonVoiceGroup(group=g) for g in sorted(wanted - present)]


class YoungPersonVoiceGroup(db.Model):
    __tablename__ = "young_person_voice_groups"
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True)
    group = sa.Column(enum_type(VoiceGroup), primary_key=True)


class PhoneNumber(db.Model):
    """The number is encrypted; lookups go through an HMAC so the profile tables hold no number."""
    __tablename__ = "phone_numbers"
    id = id_column()
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"),
                                nullable=False, unique=True)
    lookup_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    number_encrypted = sa.Column(sa.Text, nullable=False)
    last_digits = sa.Column(sa.String(3), nullable=False)
    country_code = sa.Column(sa.String(4), nullable=False, default="44")
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)

    @property
    def masked(self):
        return f"+{self.country_code}•••••••{self.last_digits}"
