"""How a council member wants to hear that a report is ready for review: email, text or no messages."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from voiceapp.council_pages.blueprint import bp
from voiceapp.council_pages.session import council_page
from voiceapp.errors import DomainError
from voiceapp.pages import forms
from voiceapp.reports.schemas import ContactInSchema
from voiceapp.reports.services import reviews

PLAIN = {"choice": _l("Choose how we should tell you."), "phone": _l("Enter your mobile number, like 07700 900123.")}


def _page(status=200, errors=None, saved=False):
    return render_template("council/settings.html", title=_l("Messages to you"), errors=errors or {},
                           contact=reviews.contact_of(g.actor.id), form=request.form, saved=saved), status


@bp.route("/messages-to-you", methods=["GET", "POST"])
@council_page
def settings():
    if request.method == "GET":
        return _page(saved=request.args.get("saved") == "1")
    try:
        body = forms.read(ContactInSchema(), {**forms.fields("choice", "phone"), "language": str(get_locale())})
        reviews.set_contact(actor=g.actor, **body)
    except (ValidationError, DomainError) as error:
        return _page(422, forms.errors_of(error, PLAIN))
    return redirect(url_for("council.settings", saved=1), code=303)
