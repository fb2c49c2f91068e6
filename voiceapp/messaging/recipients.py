"""Who a text goes to. Messaging sits below the people who receive texts, so it never imports them: people
registers a directory on the app (people/recipients.py), which answers these three questions."""
from flask import current_app

KEY = "voiceapp_recipients"


def register_directory(app, directory):
    """directory.contact(id) -> row with number_encrypted (or None), sms_opted_out_at and language (the text's
    SMS form follows it), or None if unknown;
    directory.contacts(audience) -> such rows, with id, for a select of ids; directory.mark_opted_out(id)."""
    app.extensions[KEY] = directory


def _directory():
    return current_app.extensions[KEY]


def contact(young_person_id):
    return _directory().contact(young_person_id) if young_person_id else None


def contacts(audience):
    return _directory().contacts(audience)


def mark_opted_out(young_person_id):
    """Nothing more goes to this young person until they text START (a 21610 from Twilio, or STOP)."""
    if young_person_id:
        _directory().mark_opted_out(young_person_id)
