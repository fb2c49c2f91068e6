"""STOP and START mirrored locally, so no outbound message of any kind goes to a number that opted out."""
from voiceapp.database import utcnow


def set_opted_out(person, opted_out):
    """Opting out keeps the record; only sending stops (TW-09). Opting back in clears it (TW-10)."""
    person.sms_opted_out_at = (person.sms_opted_out_at or utcnow()) if opted_out else None
