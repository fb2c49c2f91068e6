"""Young people's use cases for surveys: see open ones, answer as they go, submit, delete."""
from flask_babel import lazy_gettext as _l
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from voiceapp import signals
from voiceapp.database import one_or_404, transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotFound
from voiceapp.extensions import db
from voiceapp.people import holds
from voiceapp.people import services as people
from voiceapp.read_models import Shown
from voiceapp.surveys.answers import applies, to_columns
from voiceapp.surveys.models import Survey, SurveyAnswer, SurveyResponse


def _for_person(survey, person):
    return ((survey.cohort is None or survey.cohort == person.cohort)
            and (not survey.age_bands or person.age_band.value in survey.age_bands)
            and (not survey.voice_groups or bool(set(survey.voice_groups) & set(person.voice_groups))))


def questions_to_ask(version, answers):
    """The version's questions that apply given the answers so far (skip logic), in order; every channel asks
    these and no others."""
    by_position = {q.position: a for q in version.questions for a in answers if a.question_id == q.id}
    return [q for q in version.questions if applies(q, by_position)]


def list_open_surveys(*, actor):
    """Surveys open now whose audience includes this young person."""
    person = people.get_young_person(actor.id)
    now = utcnow()
    candidates = db.session.scalars(sa.select(Survey).where(Survey.opens_at <= now, Survey.closes_at > now)
                                    .order_by(Survey.closes_at)).all()
    return [s for s in candidates if s.is_open(now) and _for_person(s, person)]


def get_open_survey(*, actor, survey_id):
    """An open survey meant for this person; any other answers as not found, or conflict once closed."""
    person = people.get_young_person(actor.id)
    survey = db.session.get(Survey, survey_id)
    if survey is None or survey.published_version is None or not _for_person(survey, person):
        raise NotFound(_l("No such survey"))
    if not survey.is_open(utcnow()):
        raise Conflict(_l("This survey is closed"), field="survey_id", reason="the survey is not open")
    return survey


def my_response(*, actor, survey_id):
    return one_or_404(sa.select(SurveyResponse).where(SurveyResponse.survey_id == survey_id,
                                                      SurveyResponse.young_person_id == actor.id),
                      _l("You have not started this survey"))


def save_answers(*, actor, survey_id, answers, channel, submit=False):
    """Save some answers (resumable); submitting checks required questions and locks the response."""
    survey = get_open_survey(actor=actor, survey_id=survey_id)
    person = people.get_young_person(actor.id)
    response = _response_for(survey, person, channel)
    if response.submitted_at:
        raise Conflict(_l("You already sent this survey"), field="survey_id", reason="already submitted")
    questions = {q.id: q for q in response.version.questions}
    parsed = _parse(answers, questions)
    with transaction():
        db.session.add(response)
        touched = [_upsert(response, question, values) for question, values in parsed]
        response.updated_at = utcnow()
        if submit:
            _drop_skipped(response)
            _check_required(response, {q.id: q for q in questions_to_ask(response.version, response.answers)})
            response.submitted_at = utcnow()
        db.session.flush()
        for answer in touched:
            signals.announce_free_text(source_type="survey_answer", source_id=answer.id, young_person_id=person.id,
                                       text=answer.value_text, language=person.language, channel=channel)
    return response


def _parse(answers, questions):
    """Check every answer before anything is written, so a bad one leaves nothing half saved."""
    parsed = []
    for index, answer in enumerate(answers):
        question = questions.get(answer["question_id"])
        if question is None:
            raise Invalid(_l("That question is not in this survey"), field=f"answers.{index}.question_id",
                          reason="not a question of this survey")
        parsed.append((question, to_columns(question, answer["value"], field=f"answers.{index}.value")))
    return parsed


def _response_for(survey, person, channel):
    existing = db.session.scalar(sa.select(SurveyResponse).where(
        SurveyResponse.survey_id == survey.id, SurveyResponse.young_person_id == person.id))
    return existing or SurveyResponse(survey_id=survey.id, version_id=survey.published_version.id,
                                      version=survey.published_version, young_person_id=person.id, channel=channel)


def _upsert(response, question, values):
    answer = next((a for a in response.answers if a.question_id == question.id), None)
    if answer is None:
        answer = SurveyAnswer(question_id=question.id)
        response.answers.append(answer)
    answer.value_int, answer.value_text, answer.answered_at = values.number, values.text, utcnow()
    answer.choices = values.choice_rows()
    return answer


def _drop_skipped(response):
    """An answer to a question a later change of answer skipped is not sent with the survey."""
    asked = {q.id for q in questions_to_ask(response.version, response.answers)}
    response.answers = [a for a in response.answers if a.question_id in asked]


def _check_required(response, questions):
    answered = {a.question_id for a in response.answers}
    for question in questions.values():
        if question.required and question.id not in answered:
            raise Invalid(_l("Some questions still need an answer"), field=f"questions.{question.position - 1}",
                          reason="this question needs an answer before you send")


def delete_my_response(*, actor, survey_id):
    """A young person removes their answers to a survey, unless a legal hold keeps them."""
    response = my_response(actor=actor, survey_id=survey_id)
    holds.delete_unless_held(response, young_person_id=actor.id, field="survey_id",
                             object_type="survey_response")


def list_my_responses(*, actor):
    # Each response's version (and so its questions) in one more query, not one per response.
    return db.session.scalars(sa.select(SurveyResponse).where(SurveyResponse.young_person_id == actor.id)
                              .options(selectinload(SurveyResponse.version))
                              .order_by(SurveyResponse.started_at.desc())).all()


def shown(responses):
    """Responses as a young person sees them back, each with the crisis support its answers raised, found for
    all of them in one query (ResponseSchema never queries)."""
    supports = signals.supports_for({"survey_answer": [a.id for r in responses for a in r.answers]})
    return [Shown(r, support=next((supports[("survey_answer", a.id)] for a in r.answers
                                   if ("survey_answer", a.id) in supports), None))
            for r in responses]


def shown_one(response):
    return shown([response])[0]



def list_waiting_surveys(*, actor):
    """Open surveys meant for this person that they have not sent yet, each with any answers started."""
    responses = {r.survey_id: r for r in list_my_responses(actor=actor)}
    return [(survey, responses.get(survey.id)) for survey in list_open_surveys(actor=actor)
            if survey.id not in responses or responses[survey.id].submitted_at is None]
