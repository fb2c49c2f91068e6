"""GET /: the start page, or for a signed-in young person what they can do, what is open and what waits."""
from flask import g, render_template

from voiceapp.people import services as people
from voiceapp.promises import services as promises
from voiceapp.surveys import services as surveys
from voiceapp.surveys.schemas import OpenSurveySchema
from voiceapp.tellus import services as tellus
from voiceapp.tellus.models import Status
from voiceapp.tellus.schemas import MyMessageSchema
from voiceapp.young_people import bp
from voiceapp.young_people.session import actor_here, young_page


@bp.route("/")
def start():
    actor, _by_bearer = actor_here()
    if actor is not None and actor.is_young_person:
        g.actor = actor
        return _home()
    return render_template("young/start.html")


start.audience = ("anyone",)


@bp.route("/home")
@young_page
def home():
    return _home()


def _home():
    actor = g.actor
    person = people.get_young_person(actor.id)
    open_messages = [m for m in tellus.list_my_messages(actor=actor) if m.status != Status.CLOSED
                     or m.satisfaction_asked_at is not None]
    return render_template("young/home.html", promise_set=promises.current_set(person.cohort),
                           messages=MyMessageSchema(many=True).dump(open_messages),
                           surveys=[(OpenSurveySchema().dump(s), r is not None) for s, r in surveys.list_waiting_surveys(actor=actor)])
