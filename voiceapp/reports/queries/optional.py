"""Tell Us records that arrive with the escalation work: used when they exist, left out when not."""
from voiceapp.tellus import models as tellus_models
from voiceapp.tellus.models import Message

# The first existing column of each list is used.
CANDIDATES = {
    "acknowledge_due": ("ack_due_at", "acknowledge_due_at", "acknowledge_by"),
    "respond_due": ("response_due_at", "respond_due_at", "respond_by"),
    "outcome": ("outcome",),
    "complaint_stage": ("complaint_stage",),
}


def column(name):
    """The Message column playing this part, or None while the model has no such column."""
    columns = Message.__table__.c
    for candidate in CANDIDATES[name]:
        if candidate in columns:
            return getattr(Message, candidate)
    return None


def model(name):
    """A Tell Us model such as ComplaintStage or SatisfactionAnswer, or None where it does not exist yet."""
    return getattr(tellus_models, name, None)
