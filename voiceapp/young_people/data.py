"""My data: see and download everything we hold, delete what they sent or their account (holds explained)."""
import json

from flask import Response, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from voiceapp.errors import DomainError
from voiceapp.promises import services as promises
from voiceapp.rights import services as rights
from voiceapp.surveys import services as surveys
from voiceapp.tellus import services as tellus
from voiceapp.young_people import bp
from voiceapp.young_people import session as young_session
from voiceapp.young_people.session import young_page

DELETERS = {
    "message": lambda actor, item_id: tellus.delete_my_message(actor=actor, message_id=item_id),
    "promise_check": lambda actor, item_id: promises.delete_my_check(actor=actor, check_id=item_id),
    "survey_response": lambda actor, survey_id: surveys.delete_my_response(actor=actor, survey_id=survey_id),
}
DELETED = {"message": _l("Your message is deleted."), "promise_check": _l("Your promise check is deleted."),
           "survey_response": _l("Your survey answers are deleted.")}


def _page(*, errors=None, notice=None, status=200):
    data = rights.export_my_data(actor=g.actor)
    return render_template("young/my_data.html", title=_l("My data"), data=data, errors=errors or {},
                           notice=notice), status


@bp.route("/my-data")
@young_page
def my_data():
    return _page(notice=DELETED.get(request.args.get("deleted")))


@bp.route("/my-data/everything")
@young_page
def my_data_everything():
    return render_template("young/my_data_everything.html", title=_l("Everything we hold about you"),
                           data=rights.export_my_data(actor=g.actor))


@bp.route("/my-data/download")
@young_page
def my_data_download():
    data = json.dumps(rights.export_my_data(actor=g.actor), ensure_ascii=False, indent=2, default=str)
    return Response(data, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="my-voiceapp-data.json"',
                             "Cache-Control": "no-store"})


@bp.route("/my-data/<kind>/<uuid:item_id>/delete", methods=["POST"])
@young_page
def delete_item(kind, item_id):
    if kind not in DELETERS:
        return young_session.page_error(404, _l("There is nothing like that to delete."))
    try:
        DELETERS[kind](g.actor, item_id)
    except DomainError as error:
        return _page(errors={"_page": str(error.message)}, status=error.status)
    return redirect(url_for("young.my_data", deleted=kind), code=303)


@bp.route("/my-data/delete-account", methods=["GET", "POST"])
@young_page
def delete_account():
    if request.method == "GET":
        return render_template("young/delete_account.html", title=_l("Delete my account"), errors={})
    try:
        rights.erase_me(actor=g.actor)
    except DomainError as error:
        return render_template("young/delete_account.html", title=_l("Delete my account"),
                               errors={"_page": str(error.message)}), error.status
    young_session.end()
    return redirect(url_for("young.account_deleted"), code=303)


@bp.route("/account-deleted")
def account_deleted():
    return render_template("young/account_deleted.html", title=_l("Your account is deleted"))


account_deleted.audience = ("anyone",)
