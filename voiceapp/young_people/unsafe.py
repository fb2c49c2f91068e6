"""I don't feel safe: one tap on any page, signed in or not, tells the safety team and shows 999 and Childline.

Nothing is refused here: a form whose token has expired still shows the numbers at once and offers the
button again, because a child in danger must never meet an error page.
"""
from flask import g, render_template, request
from flask_babel import get_locale

from voiceapp.channel_enum import Channel
from voiceapp.pages import forms
from voiceapp.safeguarding import alerts
from voiceapp.young_people.blueprint import bp
from voiceapp.young_people.session import actor_here


@bp.route("/unsafe", methods=["GET", "POST"])
def unsafe():
    actor, by_bearer = actor_here()
    if request.method == "GET" or not (by_bearer or forms.form_is_ours()):
        return render_template("young/unsafe.html", told=False)
    person_id = actor.id if actor is not None and actor.is_young_person else None
    g.actor = actor
    alerts.report_unsafe(young_person_id=person_id, channel=Channel.WEB, language=str(get_locale()))
    return render_template("young/unsafe.html", told=True, signed_in=person_id is not None), 201


unsafe.audience = ("anyone",)
