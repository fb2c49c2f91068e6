"""Survey, SurveyVersion, SurveyQuestion, SurveyResponse and SurveyAnswer (typed columns for SQL counts)."""
import enum

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from voiceapp.channel_enum import Channel
from voiceapp.database import UTCDateTime, enum_type, id_column, utcnow
from voiceapp.extensions import db
from voiceapp.people.models import Cohort


class QuestionKind(str, enum.Enum):
    SCALE = "scale"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    FREE_TEXT = "free_text"


class Survey(db.Model):
    __tablename__ = "surveys"
    id = id_column()
    title = sa.Column(sa.String(200), nullable=False)
    description = sa.Column(sa.Text, nullable=False, default="")
    translations = sa.Column(sa.JSON, nullable=False, default=dict)
    cohort = sa.Column(enum_type(Cohort))      # empty: everyone
    age_bands = sa.Column(sa.JSON, nullable=False, default=list)           # empty: every age
    voice_groups = sa.Column(sa.JSON, nullable=False, default=list)        # empty: everyone; else any of these
    reminded_at = sa.Column(UTCDateTime)     # the one reminder to those who had not answered
    key = sa.Column(sa.String(60), unique=True)    # a survey loaded from voiceapp/surveys/data (seeded once)
    opens_at = sa.Column(UTCDateTime, nullable=False)
    closes_at = sa.Column(UTCDateTime, nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    versions = relationship("SurveyVersion", order_by="SurveyVersion.number", cascade="all, delete-orphan",
                            lazy="selectin", back_populates="survey")

    @property
    def published_version(self):
        published = [v for v in self.versions if v.published_at is not None]
        return published[-1] if published else None

    def is_open(self, now):
        return self.published_version is not None and self.opens_at <= now < self.closes_at


class SurveyVersion(db.Model):
    __tablename__ = "survey_versions"
    id = id_column()
    survey_id = sa.Column(sa.Uuid, sa.ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False, index=True)
    number = sa.Column(sa.Integer, nullable=False)
    published_at = sa.Column(UTCDateTime)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    survey = relationship("Survey", back_populates="versions")
    questions = relationship("SurveyQuestion", order_by="SurveyQuestion.position", cascade="all, delete-orphan",
                             lazy="selectin")
    __table_args__ = (sa.UniqueConstraint("survey_id", "number"),)


class SurveyQuestion(db.Model):
    __tablename__ = "survey_questions"
    id = id_column()
    version_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_versions.id", ondelete="CASCADE"), nullable=False,
                           index=True)
    position = sa.Column(sa.Integer, nullable=False)
    kind = sa.Column(enum_type(QuestionKind), nullable=False)
    prompt = sa.Column(sa.String(500), nullable=False)
    translations = sa.Column(sa.JSON, nullable=False, default=dict)   # {"ar": {"prompt": ..., "options": [...]}}
    options = sa.Column(sa.JSON, nullable=False, default=list)
    scale_min = sa.Column(sa.Integer)
    scale_max = sa.Column(sa.Integer)
    required = sa.Column(sa.Boolean, nullable=False, default=False)
    priority_id = sa.Column(sa.Uuid, sa.ForeignKey("strategic_priorities.id"))
    # Skip logic: {"question": position of an earlier question, "answers": [values]}; asked only when that
    # question's answer (scale value, option number, 1/0 for yes/no, or any ticked option) is one of them.
    show_if = sa.Column(sa.JSON)


class SurveyResponse(db.Model):
    """One per person per survey; saved as they go so they can stop and carry on later."""
    __tablename__ = "survey_responses"
    id = id_column()
    survey_id = sa.Column(sa.Uuid, sa.ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False)
    version_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_versions.id"), nullable=False)
    young_person_id = sa.Column(sa.Uuid, sa.ForeignKey("young_people.id", ondelete="CASCADE"), nullable=False,
                                index=True)
    channel = sa.Column(enum_type(Channel), nullable=False)
    started_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    submitted_at = sa.Column(UTCDateTime, index=True)    # the report counts submitted responses by period
    answers = relationship("SurveyAnswer", cascade="all, delete-orphan", lazy="selectin")
    version = relationship("SurveyVersion")
    __table_args__ = (sa.UniqueConstraint("survey_id", "young_person_id"),)


class SurveyAnswer(db.Model):
    __tablename__ = "survey_answers"
    id = id_column()
    response_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_responses.id", ondelete="CASCADE"), nullable=False)
    question_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_questions.id"), nullable=False, index=True)
    value_int = sa.Column(sa.Integer)      # scale value, chosen option (0-based) or yes=1/no=0
    value_text = sa.Column(sa.Text)        # free text
    answered_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    choices = relationship("SurveyAnswerChoice", cascade="all, delete-orphan", lazy="selectin")
    __table_args__ = (sa.UniqueConstraint("response_id", "question_id"),)


class SurveyAnswerChoice(db.Model):
    """One row per ticked option of a multiple-choice answer, so counting stays plain SQL."""
    __tablename__ = "survey_answer_choices"
    answer_id = sa.Column(sa.Uuid, sa.ForeignKey("survey_answers.id", ondelete="CASCADE"), primary_key=True)
    option = sa.Column(sa.Integer, primary_key=True)
