"""Surveys by text: one question per message, each type answered in the forgiving way, resumable."""
from uuid import UUID

from flask_babel import get_locale

from voiceapp.channels.sms import prompts
from voiceapp.channels.sms.answers import parse_choices, parse_scale
from voiceapp.channels.sms.options import parse_option, parse_yes_no
from voiceapp.errors import NotFound
from voiceapp.surveys import services as surveys
from voiceapp.surveys.models import QuestionKind

SKIP = {"0", "٠", "skip"}


def start(turn):
    open_now = surveys.list_open_surveys(actor=turn.actor)
    if not open_now:
        turn.goto("menu")
        return turn.say(prompts.SURVEY_NONE)
    if len(open_now) == 1:
        return _begin(turn, open_now[0])
    turn.goto("survey", choosing=[str(s.id) for s in open_now])
    turn.say(prompts.render(prompts.SURVEY_CHOOSE, choices=prompts.numbered([_title(s) for s in open_now])))


def _title(survey):
    return (survey.translations or {}).get(str(get_locale()), {}).get("title") or survey.title


def _titles(survey):
    return (survey.title, *[t.get("title") for t in (survey.translations or {}).values() if t.get("title")])


def _begin(turn, survey):
    turn.goto("survey", survey_id=str(survey.id))
    _ask_next(turn, survey)


def _answers(turn, survey):
    try:
        return surveys.my_response(actor=turn.actor, survey_id=survey.id).answers
    except NotFound:
        return []


def _ask_next(turn, survey):
    """Ask the first question not yet answered of those the answers so far lead to (skip logic); when none
    is left, send the survey."""
    answers = _answers(turn, survey)
    answered = {a.question_id for a in answers}
    questions = survey.published_version.questions
    remaining = [q for q in surveys.questions_to_ask(survey.published_version, answers)
                 if q.id not in answered and q.id not in _skipped(turn)]
    if not remaining:
        surveys.save_answers(actor=turn.actor, survey_id=survey.id, answers=[], channel=turn.channel, submit=True)
        turn.goto("menu")
        return turn.say(prompts.SURVEY_DONE)
    question = remaining[0]
    turn.update(question_id=str(question.id))
    turn.say(question_text(question, len(questions)))


def _skipped(turn):
    return {UUID(q) for q in turn.state.get("skipped", [])}


def question_text(question, total):
    translated = (question.translations or {}).get(str(get_locale()), {})
    text = f"{question.position}/{total} {translated.get('prompt') or question.prompt}"
    options = translated.get("options") or question.options
    hint = {QuestionKind.SCALE: prompts.render(prompts.SURVEY_SCALE, low=question.scale_min, high=question.scale_max),
            QuestionKind.SINGLE_CHOICE: prompts.numbered(options),
            QuestionKind.MULTIPLE_CHOICE: prompts.numbered(options) + ". " + prompts.render(prompts.SURVEY_MULTI),
            QuestionKind.YES_NO: prompts.render(prompts.SURVEY_YES_NO)}.get(question.kind)
    parts = [text] + ([hint] if hint else []) + ([] if question.required else [f"({prompts.render(prompts.SURVEY_SKIP)})"])
    return " ".join(parts)


def step(turn):
    state = turn.state
    if "choosing" in state and "survey_id" not in state:
        titles = [_titles(surveys.get_open_survey(actor=turn.actor, survey_id=UUID(i))) for i in state["choosing"]]
        choice = parse_option(turn.text, titles, turn.person.language)
        if choice is None:
            return start(turn)
        return _begin(turn, surveys.get_open_survey(actor=turn.actor, survey_id=UUID(state["choosing"][choice - 1])))
    survey = surveys.get_open_survey(actor=turn.actor, survey_id=UUID(state["survey_id"]))
    question = next(q for q in survey.published_version.questions if str(q.id) == state["question_id"])
    _answer(turn, survey, question)


def _answer(turn, survey, question):
    text = turn.text.strip()
    if _is_skip(question, text):
        turn.update(skipped=turn.state.get("skipped", []) + [str(question.id)])
        return _ask_next(turn, survey)
    value = _parse(question, text, turn.person.language)
    if value is None:
        return turn.say(prompts.NOT_UNDERSTOOD, question_text(question, len(survey.published_version.questions)))
    surveys.save_answers(actor=turn.actor, survey_id=survey.id, channel=turn.channel,
                         answers=[{"question_id": question.id, "value": value}])
    _ask_next(turn, survey)


def _option_words(question):
    """Each option's words: as written, and in every translation of the question."""
    translated = [t.get("options") or [] for t in (question.translations or {}).values()]
    return [(option, *[words[i] for words in translated if i < len(words)]) for i, option in enumerate(question.options)]


def _is_skip(question, text):
    zero_is_an_answer = question.kind == QuestionKind.SCALE and question.scale_min <= 0
    return not question.required and text.lower() in SKIP and not (zero_is_an_answer and text != "skip")


def _parse(question, text, language):
    """The SMS reply as the value the survey service takes (choices are 0-based there, 1-based by text)."""
    if question.kind == QuestionKind.SCALE:
        return parse_scale(text, question.scale_min, question.scale_max)
    if question.kind == QuestionKind.SINGLE_CHOICE:
        choice = parse_option(text, _option_words(question), language)
        return None if choice is None else choice - 1
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        choices = parse_choices(text, len(question.options))
        if not choices:     # one option in words ("foster home") is an answer too
            choice = parse_option(text, _option_words(question), language)
            choices = [choice] if choice else None
        return None if not choices else [c - 1 for c in choices]
    if question.kind == QuestionKind.YES_NO:
        return parse_yes_no(text, language)
    return text or None
