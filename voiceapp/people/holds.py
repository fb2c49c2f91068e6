"""Legal holds: reasons a young person's deletion request must wait (UK GDPR Art 17(3)).

Domains that keep records the council must not yet erase (an open safeguarding alert, a formal
complaint in progress) register a provider on the app in their register(app); deletion asks every
provider first.
"""
from flask import current_app

from voiceapp.database import transaction
from voiceapp.errors import Conflict
from voiceapp.extensions import db

KEY = "voiceapp_legal_holds"


def register_hold(app, provider):
    """provider(young_person_id, object_type=None, object_id=None) -> list of plain-words reasons."""
    providers = app.extensions.setdefault(KEY, [])
    if provider not in providers:
        providers.append(provider)
    return provider


def reasons_for(young_person_id, *, object_type=None, object_id=None):
    reasons = []
    for provider in current_app.extensions.get(KEY, ()):
        reasons.extend(provider(young_person_id, object_type=object_type, object_id=object_id))
    return reasons


def refuse_if_held(young_person_id, *, field, object_type=None, object_id=None):
    """Refuse a young person's deletion (409 naming `field`) with the first reason a legal hold gives."""
    reasons = reasons_for(young_person_id, object_type=object_type, object_id=object_id)
    if reasons:
        raise Conflict(reasons[0], field=field, reason=reasons[0])


def delete_unless_held(row, *, young_person_id, field, object_type):
    """Delete one record a young person sent, unless a legal hold keeps it: then 409 naming `field`, nothing gone.

    The holds are asked inside the deleting transaction, so none can begin between the question and the delete."""
    with transaction():
        refuse_if_held(young_person_id, field=field, object_type=object_type, object_id=row.id)
        db.session.delete(row)
