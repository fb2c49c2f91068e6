"""Checking one answer against its question type and turning it into stored columns."""
from flask_babel import lazy_gettext as _l
from dataclasses import dataclass, field

from voiceapp.errors import Invalid
from voiceapp.surveys.models import QuestionKind, SurveyAnswerChoice

MAX_TEXT = 2000


@dataclass
class AnswerColumns:
    number: int | None = None
    text: str | None = None
    choices: list = field(default_factory=list)

    def choice_rows(self):
        return [SurveyAnswerChoice(option=c) for c in self.choices]


def to_columns(question, value, *, field):
    """Validate a raw answer value for the question's type (choices are 0-based option numbers)."""
    check = _CHECKS[question.kind]
    return check(question, value, field)


def _refuse(field, reason):
    raise Invalid(_l("That answer does not fit the question"), field=field, reason=reason)


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _scale(question, value, field):
    if not _is_int(value) or not question.scale_min <= value <= question.scale_max:
        _refuse(field, f"must be a whole number from {question.scale_min} to {question.scale_max}")
    return AnswerColumns(number=value)


def _single(question, value, field):
    if not _is_int(value) or not 0 <= value < len(question.options):
        _refuse(field, f"must be an option number from 0 to {len(question.options) - 1}")
    return AnswerColumns(number=value)


def _multiple(question, value, field):
    if not isinstance(value, list) or not value or not all(_is_int(v) for v in value):
        _refuse(field, "must be a list of option numbers")
    if len(set(value)) != len(value) or not all(0 <= v < len(question.options) for v in value):
        _refuse(field, f"option numbers must be different and from 0 to {len(question.options) - 1}")
    return AnswerColumns(choices=sorted(value))


def _yes_no(question, value, field):
    if not isinstance(value, bool):
        _refuse(field, "must be true or false")
    return AnswerColumns(number=int(value))


def _free_text(question, value, field):
    if not isinstance(value, str) or not value.strip():
        _refuse(field, "must be some text")
    if len(value) > MAX_TEXT:
        _refuse(field, f"must be at most {MAX_TEXT} characters")
    return AnswerColumns(text=value.strip())


_CHECKS = {QuestionKind.SCALE: _scale, QuestionKind.SINGLE_CHOICE: _single,
           QuestionKind.MULTIPLE_CHOICE: _multiple, QuestionKind.YES_NO: _yes_no,
           QuestionKind.FREE_TEXT: _free_text}


def value_of(answer, question):
    """The answer as the API shows it back."""
    if question.kind == QuestionKind.FREE_TEXT:
        return answer.value_text
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return sorted(c.option for c in answer.choices)
    if question.kind == QuestionKind.YES_NO:
        return bool(answer.value_int)
    return answer.value_int


def _given(answer):
    """The values an answer gives for skip logic: its number (scale, option, yes 1 / no 0) or ticked options."""
    if answer is None:
        return set()
    return {c.option for c in answer.choices} if answer.choices else {answer.value_int} - {None}


def applies(question, answers_by_position):
    """Whether a question is asked, given the answers so far ({position: SurveyAnswer}): a question with
    show_if is asked only when the earlier question's answer is one of the values it names."""
    rule = question.show_if
    if not rule:
        return True
    return bool(_given(answers_by_position.get(rule["question"])) & set(rule["answers"]))
