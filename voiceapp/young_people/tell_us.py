"""Tell Us, We Care: choose what it is about, write it, say how to be answered, and see what happens next."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError
from voiceapp.i18n import localised
from voiceapp.pages import forms
from voiceapp.people import services as people
from voiceapp.promises import services as promises
from voiceapp.tellus import services as tellus
from voiceapp.tellus.schemas import MessageInSchema
from voiceapp.young_people import words
from voiceapp.young_people.blueprint import bp
from voiceapp.young_people.session import young_page

PLAIN = {
    "kind": _l("Choose what your message is about."),
    "body": _l("Write your message. It can be up to 5000 characters."),
    "promise_id": _l("Choose the promise we have not kept."),
    "praise_for": _l("Tell us who you want to praise, in 200 characters or fewer."),
    "reply_channel": _l("Choose how you want us to answer."),
}
FIELDS = ("kind", "body", "promise_id", "praise_for", "reply_channel", "anonymous")


@bp.route("/tell-us")
@young_page
def tell_us():
    kind = request.args.get("kind")
    if kind in words.KINDS:
        return redirect(url_for("young.tell_us_write", kind=kind), code=303)
    errors = {"kind": str(PLAIN["kind"])} if "kind" in request.args else {}
    return render_template("young/tell_us.html", title=_l("What is your message about?"), errors=errors), \
        422 if errors else 200


@bp.route("/tell-us/write", methods=["GET", "POST"])
@young_page
def tell_us_write():
    kind = request.values.get("kind")
    if kind not in words.KINDS:
        return redirect(url_for("young.tell_us"), code=303)
    if request.method == "GET":
        return _write(kind, typed={"promise_id": request.args.get("promise_id"), "reply_channel": "web"})
    typed = forms.fields(*FIELDS)
    try:
        message = tellus.send_message(actor=g.actor, young_person_id=g.actor.id, channel=Channel.WEB,
                                      **forms.read(MessageInSchema(), _message_body(typed)))
    except (ValidationError, DomainError) as error:
        return _write(kind, typed=typed, errors=forms.errors_of(error, PLAIN), status=422)
    return redirect(url_for("young.message", message_id=message.id, sent=1), code=303)


def _message_body(typed):
    """The form as the API's body: "I don't need an answer" is wants_reply false, ticked anonymous is true."""
    body = {key: typed[key] for key in ("kind", "body", "promise_id", "praise_for") if key in typed}
    choice = typed.get("reply_channel")
    body["wants_reply"] = choice != "none"
    if choice and choice != "none":
        body["reply_channel"] = choice
    body["anonymous"] = typed.get("anonymous") == "yes"
    body.setdefault("body", "")
    return body


def _write(kind, *, typed, errors=None, status=200):
    person = people.get_young_person(g.actor.id)
    choices = [{"value": str(p.id), "text": localised(p.text, p.translations, get_locale())}
               for p in promises.current_set(person.cohort).promises] if kind == "promise_not_kept" else []
    return render_template("young/tell_us_write.html", title=words.KINDS[kind], kind=kind, promises=choices,
                           has_phone=person.phone is not None, typed=typed, errors=errors or {}), status
