"""My messages: each thread in order, what happens next, a reply box, and "are you happy with our answer?"."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError
from voiceapp.pages import forms
from voiceapp.tellus import satisfaction
from voiceapp.tellus import services as tellus
from voiceapp.tellus.casework_schemas import SatisfactionInSchema
from voiceapp.tellus.schemas import MyMessageSchema, ReplyInSchema
from voiceapp.young_people.blueprint import bp
from voiceapp.young_people.session import page_error, young_page

PLAIN = {"body": _l("Write your message. It can be up to 5000 characters."),
         "answer": _l("Choose yes, partly or no."),
         "why": _l("Your reason must be 2000 characters or fewer.")}


@bp.route("/messages")
@young_page
def messages():
    listed = MyMessageSchema(many=True).dump(tellus.list_my_messages(actor=g.actor))
    return render_template("young/messages.html", title=_l("My messages"), messages=listed)


def _thread(message_id, *, errors=None, typed=None, status=200):
    try:
        message = MyMessageSchema().dump(tellus.show_my_message(actor=g.actor, message_id=message_id))
    except DomainError as error:
        return page_error(error.status, error.message)
    return render_template("young/message.html", title=_l("Your message"), message=message,
                           sent=request.args.get("sent") == "1", errors=errors or {}, typed=typed or {}), status


@bp.route("/messages/<uuid:message_id>")
@young_page
def message(message_id):
    return _thread(message_id)


@bp.route("/messages/<uuid:message_id>/reply", methods=["POST"])
@young_page
def reply(message_id):
    typed = forms.fields("body")
    try:
        body = forms.read(ReplyInSchema(), {"body": typed.get("body", "")})
        tellus.answer_back(actor=g.actor, message_id=message_id, channel=Channel.WEB, **body)
    except (ValidationError, DomainError) as error:
        return _thread(message_id, errors=forms.errors_of(error, PLAIN), typed=typed, status=422)
    return redirect(url_for("young.message", message_id=message_id) + "#latest", code=303)


@bp.route("/messages/<uuid:message_id>/happy", methods=["POST"])
@young_page
def happy_with_answer(message_id):
    typed = forms.fields("answer", "why")
    try:
        body = forms.read(SatisfactionInSchema(), typed)
        satisfaction.record_answer(actor=g.actor, message_id=message_id, channel=Channel.WEB, **body)
    except (ValidationError, DomainError) as error:
        return _thread(message_id, errors=forms.errors_of(error, PLAIN), typed=typed, status=422)
    return redirect(url_for("young.message", message_id=message_id), code=303)
