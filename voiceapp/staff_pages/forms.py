"""How a staff page reads a form and shows what went wrong: the API's schema reads the fields, one service
call does the work, and a refusal shows the same page again with the reason beside the field."""
from flask import redirect, render_template, request
from marshmallow import ValidationError

from voiceapp.errors import DomainError
from voiceapp.pages import forms


def posted(*names, lists=()):
    """The posted fields the schema reads (empty ones left out); `lists` are fields that may repeat."""
    values = forms.fields(*names)
    values.update({name: request.form.getlist(name) for name in lists})
    return values


def errors_of(error, plain=None):
    """{field: message} for the page: the page's plain sentence for a field the schema refused (a list's or
    a nested field's reason goes to the field on the form), or the service's own words."""
    if isinstance(error, ValidationError) and isinstance(error.messages, dict):
        plain = plain or {}
        return {field: str(plain.get(field) or _first(reasons)) for field, reasons in error.messages.items()}
    return forms.errors_of(error, plain)


def _first(reasons):
    while isinstance(reasons, dict):
        reasons = next(iter(reasons.values()), "This is not right.")
    return reasons[0] if isinstance(reasons, list) and reasons else str(reasons)


def page_error(status, message):
    return render_template("staff/error.html", title=message, status=status, message=message), status


def page_or_reason(render):
    try:
        return render()
    except DomainError as error:
        return page_error(error.status, error.message)


def act(do, done_url, render, plain=None):
    """Do it and go to the next page (post/redirect/get), or show the page again saying why not."""
    try:
        do()
    except (ValidationError, DomainError) as error:
        status = 422 if isinstance(error, ValidationError) else error.status
        try:
            return render(errors=errors_of(error, plain), status=status)
        except DomainError as missing:      # the thing itself is not there, or not theirs to see
            return page_error(missing.status, missing.message)
    return redirect(done_url, code=303)
