"""Whether a text or email queued to someone who is not a young person is still wanted when it would leave.

A domain that writes to its own people (council members told a report is ready) registers a check for that
purpose; messaging asks it at the moment of sending, as it reads a young person's opt-out then (TW-09), so a
change of mind between queueing and sending (a STOP, another way to be told, no notices) is kept."""
from flask import current_app

KEY = "voiceapp_send_checks"


def register_send_check(app, purpose, *, sms=None, email=None):
    """sms(number) / email(address) -> whether a message of this purpose to them may still go."""
    app.extensions.setdefault(KEY, {})[purpose] = {"sms": sms, "email": email}


def still_wanted(purpose, channel, to):
    check = current_app.extensions.get(KEY, {}).get(purpose, {}).get(channel)
    return check is None or bool(check(to))
