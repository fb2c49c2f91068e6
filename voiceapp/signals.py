"""Domain signals: how one domain hears of another's events without importing upwards.

`free_text_received` is sent inside the transaction that stores a young person's words, on every
channel, so safeguarding screening can raise its alert in that same transaction (SAFE-01).
"""
from blinker import Namespace

_signals = Namespace()

# sender: the domain name; kwargs: young_person_id, source_type, source_id, text, language, channel
free_text_received = _signals.signal("free-text-received")
# sender: "voiceapp"; kwargs: sources, {source type ("message", "survey_answer"...): [source ids]}. Safeguarding
# answers {(source type, source id): crisis support} for each source whose words raised an alert, in one query.
support_requested = _signals.signal("support-requested")


def announce_free_text(*, source_type, source_id, young_person_id, text, language, channel):
    """Tell subscribers a young person's free text has been stored; returns their answers."""
    if not text or not text.strip():
        return []
    return free_text_received.send(source_type, young_person_id=young_person_id, source_id=source_id,
                                   text=text, language=language, channel=channel)


def supports_for(sources):
    """{(source_type, source_id): crisis support} for each of these sources whose words raised an alert.

    sources: {source_type: [source ids]}. However many rows a list shows, this asks once."""
    wanted = {kind: [i for i in ids if i is not None] for kind, ids in sources.items()}
    wanted = {kind: ids for kind, ids in wanted.items() if ids}
    if not wanted:
        return {}
    supports = {}
    for _, answer in support_requested.send("voiceapp", sources=wanted):
        supports.update(answer or {})
    return supports


def support_for(source_type, source_ids):
    """The crisis support to show beside a young person's record made of these sources, or None."""
    return next(iter(supports_for({source_type: source_ids}).values()), None)
