"""Wires safeguarding to the rest of voiceapp: screening every stored free text, crisis support, the legal hold.

Screening only puts words in front of a person. It never closes, hides or changes what a young person
sent (UK GDPR Art 22, PRIV-11): the receiver below only ever adds an alert.
"""
import logging

from voiceapp import signals
from voiceapp.messaging import pauses
from voiceapp.people import holds
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import Trigger
from voiceapp.safeguarding.screening import screen

log = logging.getLogger(__name__)
UNSCREENED = "unscreened"


def screen_free_text(source_type, *, young_person_id, source_id, text, language, channel):
    """Screen words as they are stored and raise an alert, in the same transaction, on any sign of risk."""
    try:
        categories = _risk_categories(text, language)
    except Exception:
        # A broken lexicon must not lose the message or leave it unread: a person reads it instead.
        log.exception("screening failed for %s %s; raising an alert so a person reads it", source_type, source_id)
        categories = (UNSCREENED,)
    if not categories:
        return None
    # Words already alerted on (a re-saved answer) or just alerted on elsewhere (an SMS, then the message
    # made from it) join that alert, so the duty team is not called twice for one disclosure.
    same = alerts.alert_for_source(source_type, source_id) or alerts.alert_for_same_words(
        young_person_id=young_person_id, text=text, source_type=source_type, source_id=source_id)
    return same or alerts.raise_alert(
        young_person_id=young_person_id, source_type=source_type, source_id=source_id, channel=channel,
        trigger=Trigger.SCREENING, categories=categories, language=language)


def _risk_categories(text, language):
    screening = screen(text, language)
    return screening.categories if screening.is_risk else ()


def has_open_alert(young_person_id):
    return bool(alerts.open_alert_among([young_person_id]))


def answer_support(_sender, *, sources):
    """Answers signals.support_requested: the crisis support to show beside a young person's own words."""
    return alerts.supports_for(sources)


def connect(app):
    """Subscribe (connecting again changes nothing), and register the legal hold and the pause on bulk texts."""
    signals.free_text_received.connect(screen_free_text, weak=False)
    signals.support_requested.connect(answer_support, weak=False)
    holds.register_hold(app, alerts.hold_reasons)
    pauses.register_pause_check(app, has_open_alert, among=alerts.open_alert_among)
