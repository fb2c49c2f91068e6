"""The survey editor's forms: posted fields into the API's question and survey bodies, a stored question back
into fields to edit, and every refusal (the schema's or the service's) beside the field it is about."""
from flask import request
from marshmallow import ValidationError

from voiceapp import languages
from voiceapp.staff_pages.forms import posted
from voiceapp.staff_pages.labels import from_london, london_input
from voiceapp.surveys.models import QuestionKind

QUESTION_PLAIN = {"prompt": "Write the question (up to 500 characters)",
                  "kind": "Choose what kind of answer the question takes",
                  "options": "Give each option on its own line: up to 20 options of up to 200 characters",
                  "scale_min": "Enter a whole number from 0 to 10", "scale_max": "Enter a whole number from 1 to 10",
                  "priority": "Choose one of the strategic priorities"}
SURVEY_PLAIN = {**QUESTION_PLAIN, "title": "Give the survey a title (up to 200 characters)",
                "description": "Keep the description to 2000 characters", "cohort": "Choose who it is for",
                "age_bands": "Choose from the list", "voice_groups": "Choose from the list",
                "opens_at": "Enter when it opens, like 2026-12-01T09:00",
                "closes_at": "Enter when it closes, like 2026-12-31T17:00, after it opens"}
FORM_FIELDS = {*SURVEY_PLAIN, "show_if", "required"}
SURVEY_FIELDS = ("title", "description", "cohort", "opens_at", "closes_at")
QUESTION_FIELDS = ("kind", "prompt", "scale_min", "scale_max", "priority", "required")


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _translations():
    found = {}
    for code in languages.TRANSLATED:
        words = {"prompt": request.form.get(f"prompt_{code}", "").strip(),
                 "options": _lines(request.form.get(f"options_{code}"))}
        if any(words.values()):
            found[code] = {key: value for key, value in words.items() if value}
    return found


def _show_if():
    """Ticked answers ("question:answer") as a skip rule; they must all be answers to one question."""
    try:
        ticked = [tuple(int(part) for part in value.split(":")) for value in request.form.getlist("show_if")]
    except ValueError:
        raise ValidationError({"show_if": ["Choose answers from the list"]}) from None
    if len({question for question, _ in ticked}) > 1:
        raise ValidationError({"show_if": ["Choose answers to one earlier question only"]})
    return {"question": ticked[0][0], "answers": [answer for _, answer in ticked]} if ticked else None


def question_body():
    """The posted question as QuestionInSchema takes it (blank fields left out)."""
    body = posted(*QUESTION_FIELDS)
    body.update({key: value for key, value in (("options", _lines(request.form.get("options"))),
                                               ("translations", _translations()), ("show_if", _show_if())) if value})
    return body


def survey_body():
    """The posted survey with its first question, as SurveyCreateSchema takes it."""
    body = posted(*SURVEY_FIELDS, lists=["age_bands", "voice_groups"])
    body.update({field: from_london(body[field]) for field in ("opens_at", "closes_at") if field in body})
    titles = {code: {"title": request.form.get(f"title_{code}", "").strip()} for code in languages.TRANSLATED
              if request.form.get(f"title_{code}", "").strip()}
    return {**body, **({"translations": titles} if titles else {}), "questions": [question_body()]}


def details_body(survey):
    """The posted details form as SurveyDetailsSchema takes it: every field, so clearing one clears it (no age
    or group ticked is everyone); titles in other languages change and the rest of each translation is kept."""
    form = request.form
    translations = {code: dict(words) for code, words in (survey.translations or {}).items()}
    for code in languages.TRANSLATED:
        title = form.get(f"title_{code}", "").strip()
        words = translations.setdefault(code, {})
        if title:
            words["title"] = title
        else:
            words.pop("title", None)
    return {"title": form.get("title", "").strip(), "description": form.get("description", "").strip(),
            "cohort": form.get("cohort") or None, "age_bands": form.getlist("age_bands"),
            "voice_groups": form.getlist("voice_groups"),
            "translations": {code: words for code, words in translations.items() if words},
            **{field: from_london(form.get(field, "")) for field in ("opens_at", "closes_at")}}


def details_fields(survey):
    """A survey's details as the form's fields, to change them."""
    fields = {"title": survey.title, "description": survey.description or "",
              "cohort": survey.cohort.value if survey.cohort else "", "age_bands": list(survey.age_bands or []),
              "voice_groups": list(survey.voice_groups or []), "opens_at": london_input(survey.opens_at),
              "closes_at": london_input(survey.closes_at)}
    fields.update({f"title_{code}": words.get("title", "") for code, words in (survey.translations or {}).items()})
    return fields


def details_errors(error):
    """Each refusal beside its field on the details form (a title in another language is title_<code>)."""
    found = errors_of(error, 0)
    return {(f"title_{field[len('prompt_'):]}" if field.startswith("prompt_") else field): message
            for field, message in found.items()}


def typed_question():
    """What was typed into the question form, to show it again."""
    typed = {name: request.form.get(name, "") for name in request.form if name != "csrf_token"}
    return {**typed, "show_if": request.form.getlist("show_if"), "age_bands": request.form.getlist("age_bands"),
            "voice_groups": request.form.getlist("voice_groups")}


def fields_of(spec):
    """A stored question as the form's fields, to edit it."""
    fields = {"kind": spec["kind"], "prompt": spec["prompt"], "options": "\n".join(spec["options"]),
              "scale_min": spec.get("scale_min") or "", "scale_max": spec.get("scale_max") or "",
              "priority": spec.get("priority") or "", "required": "true" if spec["required"] else ""}
    for code, words in spec["translations"].items():
        fields.update({f"prompt_{code}": words.get("prompt", ""),
                       f"options_{code}": "\n".join(words.get("options", []))})
    rule = spec.get("show_if")
    fields["show_if"] = [f"{rule['question']}:{answer}" for answer in rule["answers"]] if rule else []
    return fields


def answers_of(position, spec):
    """(value, words) for each answer a skip rule can test on this question ("question:answer")."""
    kind = QuestionKind(spec["kind"])
    if kind == QuestionKind.YES_NO:
        pairs = [(1, "Yes"), (0, "No")]
    elif kind == QuestionKind.SCALE:
        pairs = [(value, str(value)) for value in range(spec["scale_min"], spec["scale_max"] + 1)]
    else:
        pairs = list(enumerate(spec["options"]))
    return [(f"{position}:{value}", words) for value, words in pairs]


def _form_field(path, index):
    """The form field an error path is about ("questions.0.translations.ar.options" is "options_ar"), or
    "_page" for another question's."""
    parts = path.split(".")
    if parts[0] == "questions" and len(parts) > 2:
        if int(parts[1]) != index:
            return "_page"
        parts = parts[2:]
    if parts[0] == "translations" and len(parts) > 1:
        return f"{parts[2] if len(parts) > 2 else 'prompt'}_{parts[1]}"
    return parts[0] if parts[0] in FORM_FIELDS else "_page"


def _paths(messages, prefix=""):
    for key, value in messages.items():
        if isinstance(value, dict):
            yield from _paths(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def errors_of(error, index):
    """{form field: message}: the page's plain sentence for a schema refusal, the service's own words else."""
    if isinstance(error, ValidationError):
        found = {}
        for path, reasons in _paths(error.normalized_messages()):
            field = _form_field(path, index)
            found.setdefault(field, SURVEY_PLAIN.get(field) or (reasons[0] if reasons else "This is not right."))
        return found
    field = _form_field(error.field or "_page", index)
    if field == "_page" and (error.field or "").startswith("questions."):
        return {field: f"Question {int(error.field.split('.')[1]) + 1}: {error.message}"}
    return {field: str(error.message)}
