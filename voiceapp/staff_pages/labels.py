"""Plain words for every value staff pages show (statuses, kinds, channels, languages) and UK local time."""
from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup

from voiceapp.i18n import LANGUAGE_NAMES
from voiceapp.messaging import segments
from voiceapp.staff_pages.blueprint import bp

LONDON = ZoneInfo("Europe/London")

LABELS = {
    "role": {"senior_leader": "Senior leader", "voice_officer": "Voice and influence team",
             "priority_lead": "Priority lead", "board_member": "Corporate Parenting Board member",
             "council_member": "Youth council member"},
    "council": {"have_a_voice": "Have a Voice Council", "care_leavers": "Care Leavers Council"},
    "kind": {"promise_not_kept": "A promise not kept", "unhappy": "Unhappy with support",
             "praise": "Praise for someone"},
    "status": {"received": "New", "acknowledged": "Acknowledged", "responded": "Answered", "closed": "Closed"},
    "alert_status": {"open": "Not taken on", "acknowledged": "Taken on", "closed": "Closed"},
    "channel": {"web": "the website", "sms": "text message", "voice": "phone call", "worker": "their worker",
                "none": "no reply wanted"},
    "reply_channel": {"web": "on the website", "sms": "by text message", "worker": "through their worker"},
    "trigger": {"screening": "words screened as a risk", "unsafe_choice": "the young person chose \"I don't feel safe\"",
                "unheard_recording": "a voice message nobody could turn into words"},
    "outcome": {"resolved": "Resolved", "partly_resolved": "Partly resolved", "not_upheld": "Not upheld",
                "referred_to_complaints": "Referred to complaints", "praise_passed_on": "Praise passed on"},
    "cohort": {"child_in_care": "Child in care", "care_leaver": "Care leaver"},
    "timeliness": {"on_time": "On time", "due_soon": "Due soon", "overdue": "Overdue", "met": "Met", "late": "Late"},
    "deadline": {"acknowledge": "Acknowledge by", "respond": "Answer by", "stage_1": "Stage 1 answer by",
                 "stage_2": "Stage 2 answer by", "stage_3": "Stage 3 answer by"},
    "event": {"raised": "Raised", "renotified": "Duty team reminded", "escalated": "Told the head of service",
              "acknowledged": "Taken on", "action_recorded": "What was done written down", "closed": "Closed",
              "also_stored": "The same words were stored again", "earlier_part": "An earlier text read with this one",
              "contacted": "Young person texted", "number_shown": "Phone number shown to call them"},
    "quote_status": {"pending": "Waiting for approval", "approved": "Approved", "rejected": "Rejected"},
    "notice_channel": {"email": "email", "text": "text message", "none": "no way (they asked not to be told)"},
    "notice_state": {"queued": "on its way", "sent": "sent", "delivered": "delivered", "not_sent": "not sent"},
    "notice_reason": {"not_wanted": "they asked not to be told", "no_number": "we hold no mobile number for them",
                      "opted_out": "their number has stopped texts from the service",
                      "changed_choice": "they chose another way to be told before it went",
                      "changed_mind": "it was no longer wanted when it was due to go",
                      "no_longer_member": "they are no longer an active council member",
                      "expired": "it was too late to send", "failed": "it could not be sent",
                      "undelivered": "the phone network could not deliver it", "removed": "no record of it is kept"},
    "meeting_kind": {"head_of_service": "Head of Service meeting", "board_takeover": "Board takeover"},
    "action_status": {"planned": "Planned", "in_progress": "In progress", "done": "Done"},
    "question_kind": {"scale": "A number on a scale", "single_choice": "One option from a list",
                      "multiple_choice": "Any options from a list", "yes_no": "Yes or no", "free_text": "Their own words"},
    "survey_status": {"draft": "Draft", "published": "Published", "closed": "Closed"},
    "voice_group": {"unaccompanied_asylum_seeking": "Unaccompanied asylum-seeking", "send": "SEND",
                    "care_experienced_parent": "Care-experienced parent", "lives_out_of_area": "Lives out of area",
                    "residential_home": "Lives in a residential home"},
}
TAG_COLOURS = {"open": "red", "overdue": "red", "received": "blue", "acknowledged": "yellow", "due_soon": "yellow",
               "responded": "green", "on_time": "green", "met": "green", "closed": "grey", "late": "orange",
               "pending": "blue", "approved": "green", "rejected": "grey", "planned": "blue", "in_progress": "yellow",
               "done": "green"}


def label(value, group):
    """The plain words for a value; an unknown value is shown tidied, never as a raw code."""
    value = getattr(value, "value", value)
    if value is None or value == "":
        return "–"
    if group == "language":
        return LANGUAGE_NAMES.get(value, value)
    return LABELS.get(group, {}).get(value) or str(value).replace("_", " ").capitalize()


@bp.app_template_filter("london")
def london(moment, style="time"):
    """A moment (datetime or ISO text, stored in UTC) in UK local time: "Tue 24 Nov 2026, 10:00"."""
    if not moment:
        return "–"
    moment = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    local = moment.astimezone(LONDON)
    shown = f"{local:%a} {local.day} {local:%b %Y}" + ("" if style == "day" else f", {local:%H:%M}")
    return Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), shown)


@bp.app_template_filter("label")
def label_filter(value, group):
    return label(value, group)


@bp.app_template_filter("preview")
def preview(text, length=90):
    """The first words of a message for a list, cut at a word."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


@bp.app_template_filter("sms_measure")
def sms_measure(text):
    return segments.measure(text or "")


@bp.app_context_processor
def label_values():
    return {"labels": LABELS, "tag_colour": lambda value: TAG_COLOURS.get(getattr(value, "value", value), "grey"),
            "role_names": LABELS["role"]}


@bp.app_template_filter("london_input")
def london_input(moment):
    """A moment as a datetime-local field's value, in UK local time."""
    moment = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return moment.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M") if moment else ""


def from_london(text):
    """A datetime-local field's value, typed in UK local time, as ISO text with its offset (bad text as it was,
    for the schema to refuse by name)."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return (moment if moment.tzinfo else moment.replace(tzinfo=LONDON)).isoformat()


def options(values, group=None, chosen=None, first=None, key="selected"):
    """GOV.UK select, radio or checkbox items: each value (or (value, text) pair) with its plain label, the
    chosen one(s) marked, after an optional first "choose" item with no value."""
    chosen = {str(value) for value in (chosen if isinstance(chosen, (list, tuple, set)) else [chosen])
              if value not in (None, "")}
    items = [{"value": "", "text": first}] if first else []
    for value in values:
        value, text = value if isinstance(value, tuple) else (value, label(value, group))
        items.append({"value": str(value), "text": text, key: str(value) in chosen})
    return items


def priority_pairs(priorities, by="number"):
    return [(getattr(priority, by), f"{priority.number}. {priority.title}") for priority in priorities]


def staff_pairs(staff):
    return [(person.id, f"{person.display_name} ({label(person.role, 'role')})") for person in staff]


def action_pairs(actions):
    return [(action["id"], f"{action['what']} ({action['who']})") for action in actions]


@bp.app_context_processor
def option_helpers():
    return {"options": options, "priority_pairs": priority_pairs, "staff_pairs": staff_pairs,
            "action_pairs": action_pairs}
