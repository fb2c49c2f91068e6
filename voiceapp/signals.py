"""Domain signals: how one domain hears of another's events without importing upwards.

`free_text_received` is sent inside the transaction that stores a young person's words, on every
channel, so safeguarding screening can raise its alert in that same transaction (SAFE-01).
"""
from blinker import Namespace

_signals = Namespace()

# sender: the domain name; kwargs: young_person_id, source_type, source_id, text, language, channel
free_text_received = _signals.signal("free-text-received")
# sender: the source type ("message", "survey_answer"...); kwargs: source_ids. Safeguarding answers with the
# crisis support to show beside a young person's own record when its words raised an alert, else None.
support_requested = _signals.signal("support-requested")


def announce_free_text(*, source_type, source_id, young_person_id, text, language, channel):
    """Tell subscribers a young person's free text has been stored; returns their answers."""
    if not text or not text.strip():
        return []
    return free_text_received.send(source_type, young_person_id=young_person_id, source_id=source_id,
                                   text=text, language=language, channel=channel)


def support_for(source_type, source_ids):
    """The crisis support to show beside a young person's record made of these sources, or None."""
    ids = [source_id for source_id in source_ids if source_id is not None]
    if not ids:
        return None
    answers = support_requested.send(source_type, source_ids=ids)
    return next((answer for _, answer in answers if answer), None)
