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
            return render(errors=forms.errors_of(error, plain), status=status)
        except DomainError as missing:      # the thing itself is not there, or not theirs to see
            return page_error(missing.status, missing.message)
    return redirect(done_url, code=303)
