"""Safeguarding alerts for the duty team: the list, one alert with who it is about, taking it on, texting or
calling the young person through the service, writing down what was done and closing it."""
from flask import g, render_template, request, send_file, url_for
from marshmallow import ValidationError

from voiceapp.safeguarding import alerts, contact, unheard
from voiceapp.safeguarding.schemas import AlertActionSchema, AlertDetailSchema, AlertFilterSchema, AlertSchema
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, page_error, page_or_reason, posted
from voiceapp.staff_pages.roles import DUTY
from voiceapp.staff_pages.session import staff_page

PLAIN = {"action_taken": "Write down what was done (up to 5000 characters)",
         "body": "Write the text to send (up to 612 characters)"}


@bp.route("/alerts")
@staff_page(*DUTY)
def alert_list():
    try:
        args = AlertFilterSchema().load(request.args)
    except ValidationError:
        return page_error(422, "That filter is not right: choose a status from the list.")
    listed = alerts.list_alerts(actor=g.actor, **args)
    return render_template("staff/alerts.html", title="Safeguarding alerts",
                           alerts=AlertSchema(many=True).dump(listed), args=args)


def _alert_page(alert_id, errors=None, status=200, number=None, typed=None):
    alert = AlertDetailSchema().dump(alerts.view_alert(actor=g.actor, alert_id=alert_id))
    person = contact.who_raised(actor=g.actor, alert_id=alert_id)
    return render_template("staff/alert.html", title="Safeguarding alert", alert=alert, person=person,
                           number=number, errors=errors or {}, typed=typed or posted("body", "action_taken"),
                           texted=request.args.get("texted") == "1"), status


@bp.route("/alerts/<uuid:alert_id>")
@staff_page(*DUTY)
def alert(alert_id):
    return page_or_reason(lambda: _alert_page(alert_id))


@bp.route("/alerts/<uuid:alert_id>/recording")
@staff_page(*DUTY)
def alert_recording(alert_id):
    """The young person's recording, to listen to in the browser; every listen is audited."""
    return page_or_reason(lambda: send_file(unheard.listen_to_recording(actor=g.actor, alert_id=alert_id),
                                            mimetype="audio/mpeg", max_age=0))


def _back(alert_id, **query):
    return url_for("staff.alert", alert_id=alert_id, **query)


@bp.route("/alerts/<uuid:alert_id>/acknowledge", methods=["POST"])
@staff_page(*DUTY)
def acknowledge_alert(alert_id):
    return act(lambda: alerts.acknowledge_alert(actor=g.actor, alert_id=alert_id), _back(alert_id),
               lambda **kw: _alert_page(alert_id, **kw))


@bp.route("/alerts/<uuid:alert_id>/action", methods=["POST"])
@staff_page(*DUTY)
def record_alert_action(alert_id):
    return act(lambda: alerts.record_action(actor=g.actor, alert_id=alert_id,
                                            **AlertActionSchema().load(posted("action_taken"))),
               _back(alert_id), lambda **kw: _alert_page(alert_id, **kw), PLAIN)


@bp.route("/alerts/<uuid:alert_id>/close", methods=["POST"])
@staff_page(*DUTY)
def close_alert(alert_id):
    return act(lambda: alerts.close_alert(actor=g.actor, alert_id=alert_id), _back(alert_id),
               lambda **kw: _alert_page(alert_id, **kw))


@bp.route("/alerts/<uuid:alert_id>/text", methods=["POST"])
@staff_page(*DUTY)
def text_young_person(alert_id):
    """Text them from the service's number; the number itself is never shown."""
    return act(lambda: contact.text_young_person(actor=g.actor, alert_id=alert_id, **posted("body")),
               _back(alert_id, texted=1) + "#contact", lambda **kw: _alert_page(alert_id, **kw), PLAIN)


@bp.route("/alerts/<uuid:alert_id>/number", methods=["POST"])
@staff_page(*DUTY)
def show_number(alert_id):
    """Show the number to the person about to call them (a POST, so it is never in a link or history)."""
    def shown():
        return _alert_page(alert_id, number=contact.number_to_call(actor=g.actor, alert_id=alert_id))
    return page_or_reason(shown)
