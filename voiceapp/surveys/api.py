"""Surveys over the API: staff define and publish; young people answer as they go."""
from flask_smorest import Blueprint

from voiceapp.auth.guards import current_actor, require_role, require_young_person
from voiceapp.auth.models import Role
from voiceapp.channel_enum import Channel
from voiceapp.surveys import definitions, details, invitations, services
from voiceapp.surveys.schemas import (AnswersInSchema, InvitationResultSchema, OpenSurveySchema, QuestionsSchema, ResponseSchema,
                                      SurveyCreateSchema, SurveyDetailsSchema, SurveySchema, SurveyWindowSchema)

blp = Blueprint("surveys", __name__, url_prefix="/api/v1", description="Surveys")
MANAGERS = (Role.VOICE_OFFICER,)
READERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER, Role.PRIORITY_LEAD)


@blp.route("/me/surveys", methods=["GET"])
@require_young_person
@blp.response(200, OpenSurveySchema(many=True))
def open_surveys():
    """Surveys open for you now."""
    return services.list_open_surveys(actor=current_actor())


@blp.route("/me/surveys/<uuid:survey_id>", methods=["GET"])
@require_young_person
@blp.response(200, OpenSurveySchema)
def open_survey(survey_id):
    return services.get_open_survey(actor=current_actor(), survey_id=survey_id)


@blp.route("/me/surveys/<uuid:survey_id>/response", methods=["PUT"])
@require_young_person
@blp.arguments(AnswersInSchema)
@blp.response(200, ResponseSchema)
def answer_survey(body, survey_id):
    """Save answers as you go; send `submit: true` when you have finished."""
    return services.shown_one(services.save_answers(actor=current_actor(), survey_id=survey_id,
                                                    answers=body["answers"], submit=body["submit"],
                                                    channel=Channel.WEB))


@blp.route("/me/surveys/<uuid:survey_id>/response", methods=["GET"])
@require_young_person
@blp.response(200, ResponseSchema)
def my_response(survey_id):
    """What you have answered so far, to carry on where you left off."""
    return services.shown_one(services.my_response(actor=current_actor(), survey_id=survey_id))


@blp.route("/me/surveys/<uuid:survey_id>/response", methods=["DELETE"])
@require_young_person
@blp.response(204)
def delete_my_response(survey_id):
    services.delete_my_response(actor=current_actor(), survey_id=survey_id)


@blp.route("/surveys", methods=["GET"])
@require_role(*READERS)
@blp.response(200, SurveySchema(many=True))
def list_surveys():
    return definitions.list_surveys()


@blp.route("/surveys", methods=["POST"])
@require_role(*MANAGERS)
@blp.arguments(SurveyCreateSchema)
@blp.response(201, SurveySchema)
def create_survey(body):
    """Create a survey (a draft until published)."""
    return definitions.create_survey(actor=current_actor(), **body)


@blp.route("/surveys/<uuid:survey_id>", methods=["GET"])
@require_role(*READERS)
@blp.response(200, SurveySchema)
def get_survey(survey_id):
    return definitions.get_survey(survey_id)


@blp.route("/surveys/<uuid:survey_id>", methods=["PATCH"])
@require_role(*MANAGERS)
@blp.arguments(SurveyDetailsSchema)
@blp.response(200, SurveySchema)
def change_survey_details(body, survey_id):
    """Change the title, description, audience or dates; once young people were asked, the audience can only
    grow and a survey that has opened cannot open later (409)."""
    return details.change_details(actor=current_actor(), survey_id=survey_id, **body)


@blp.route("/surveys/<uuid:survey_id>/questions", methods=["PUT"])
@require_role(*MANAGERS)
@blp.arguments(QuestionsSchema)
@blp.response(200, SurveySchema)
def revise_questions(body, survey_id):
    """Change the questions; once published, this starts a new version."""
    return definitions.revise_questions(actor=current_actor(), survey_id=survey_id, questions=body["questions"])


@blp.route("/surveys/<uuid:survey_id>/publish", methods=["POST"])
@require_role(*MANAGERS)
@blp.response(200, SurveySchema)
def publish_survey(survey_id):
    return definitions.publish_survey(actor=current_actor(), survey_id=survey_id)


@blp.route("/surveys/<uuid:survey_id>/window", methods=["PATCH"])
@require_role(*MANAGERS)
@blp.arguments(SurveyWindowSchema)
@blp.response(200, SurveySchema)
def update_window(body, survey_id):
    """Move the open and close dates (close early by setting closes_at to now)."""
    return definitions.update_window(actor=current_actor(), survey_id=survey_id, **body)


@blp.route("/surveys/<uuid:survey_id>/invitations", methods=["POST"])
@require_role(*MANAGERS)
@blp.response(202, InvitationResultSchema)
def invite(survey_id):
    """Text the survey's audience (opted-out and paused young people get nothing; quiet hours respected)."""
    return invitations.invite_to_survey(actor=current_actor(), survey_id=survey_id)


@blp.route("/surveys/<uuid:survey_id>/reminder", methods=["POST"])
@require_role(*MANAGERS)
@blp.response(202, InvitationResultSchema)
def remind(survey_id):
    """Text, once, everyone in the audience who has not sent the survey yet."""
    return invitations.remind_non_responders(actor=current_actor(), survey_id=survey_id)
