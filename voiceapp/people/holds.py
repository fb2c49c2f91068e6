"""Legal holds: reasons a young person's deletion request must wait (UK GDPR Art 17(3)).

Domains that keep records the council must not yet erase (an open safeguarding alert, a formal
complaint in progress) register a provider; deletion asks every provider first.
"""
_providers = []


def register_hold(provider):
    """provider(young_person_id, object_type=None, object_id=None) -> list of plain-words reasons."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def reasons_for(young_person_id, *, object_type=None, object_id=None):
    reasons = []
    for provider in _providers:
        reasons.extend(provider(young_person_id, object_type=object_type, object_id=object_id))
    return reasons
