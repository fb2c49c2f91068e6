"""Plain words for the names the services use (kinds, statuses, ratings), in the reader's language."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from voiceapp.tellus import wording
from voiceapp.young_people.blueprint import bp

KINDS = {
    "promise_not_kept": _l("A promise we have not kept"),
    "unhappy": _l("You are unhappy with the support you get"),
    "praise": _l("Praise for someone who worked hard for you"),
}
KIND_HINTS = {
    "promise_not_kept": _l("Tell us which promise, and what happened."),
    "unhappy": _l("Tell us what is wrong, and what would help."),
    "praise": _l("Tell us who, and what they did."),
}
STATUSES = {
    "received": _l("Sent. Waiting to be read."),
    "acknowledged": _l("Read by a senior leader. They are looking into it."),
    "responded": _l("We have answered you."),
    "closed": _l("Finished."),
}
RATINGS = {
    "kept": _l("Yes, kept"),
    "partly": _l("Partly kept"),
    "not_kept": _l("No, not kept"),
    "dont_know": _l("I don't know"),
}
REPLY_CHANNELS = {
    "web": _l("On this website"),
    "sms": _l("By text message"),
    "worker": _l("Through my worker"),
    "call": _l("By a call back"),
    "none": _l("I don't need an answer"),
}
SATISFACTION = {"yes": _l("Yes"), "partly": _l("Partly"), "no": _l("No")}
YES_NO = {"true": _l("Yes"), "false": _l("No")}


@bp.app_context_processor
def names():
    return {"kind_names": KINDS, "kind_hints": KIND_HINTS, "status_names": STATUSES, "rating_names": RATINGS,
            "reply_channel_names": REPLY_CHANNELS, "satisfaction_names": SATISFACTION}


@bp.app_template_filter("day")
def day(moment):
    """A date the services sent as ISO text, written out in the reader's language and kept in one piece."""
    moment = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return Markup("<bdi>{}</bdi>").format(wording.day(moment))
