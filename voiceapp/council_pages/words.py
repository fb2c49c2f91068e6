"""Plain words for the values the council pages show: councils, kinds of message, answers, meetings."""
from flask_babel import format_date, get_locale
from flask_babel import lazy_gettext as _l

from voiceapp.auth.models import Council
from voiceapp.reports.models import ActionStatus, MeetingKind

COUNCILS = {Council.HAVE_A_VOICE.value: _l("Have a Voice Council"),
            Council.CARE_LEAVERS.value: _l("Care Leavers Council")}
RATINGS = {"kept": _l("Kept"), "partly": _l("Partly kept"), "not_kept": _l("Not kept"), "dont_know": _l("Not sure")}
KINDS = {"promise_not_kept": _l("A promise not kept"), "unhappy": _l("Unhappy with support"),
         "praise": _l("Praise for someone")}
ON_TIME = {"on_time": _l("On time"), "late": _l("Late"), "not_yet_due": _l("Not due yet")}
SATISFACTION = {"yes": _l("Happy with the answer"), "partly": _l("Partly happy"), "no": _l("Not happy")}
COHORTS = {"child_in_care": _l("Children in care"), "care_leaver": _l("Care leavers"), "all": _l("Everyone")}
STATUSES = {ActionStatus.PLANNED: _l("Planned"), ActionStatus.IN_PROGRESS: _l("Being done"),
            ActionStatus.DONE: _l("Done")}
MEETINGS = {MeetingKind.HEAD_OF_SERVICE: _l("Meeting with the Head of Service"),
            MeetingKind.BOARD_TAKEOVER: _l("Corporate Parenting Board takeover")}
# The six strategic priorities' short names (the themes), by their English short name in the seed data: a
# priority's own translations are its long title, and only in Arabic.
THEMES = {"Education and work": _l("Education and work"), "Stable homes": _l("Stable homes"),
          "Being heard": _l("Being heard"), "Health and wellbeing": _l("Health and wellbeing"),
          "Leaving care": _l("Leaving care"), "Fun and interests": _l("Fun and interests")}
YES_NO = {"yes": _l("Yes"), "no": _l("No"), "Yes": _l("Yes"), "No": _l("No")}
# What became of the "ready for your review" message to this member, as the outbox says now.
NOTICE_WAYS = {"email": _l("By email"), "text": _l("By text message"), "none": _l("No message")}
NOTICE_STATES = {"queued": _l("on its way to you"), "sent": _l("sent to you"), "delivered": _l("delivered to you")}
NOTICE_REASONS = {"not_wanted": _l("not sent, because you asked for no messages"),
                  "no_number": _l("not sent, because we have no mobile number for you"),
                  "opted_out": _l("not sent, because your number has stopped texts from us"),
                  "changed_choice": _l("not sent, because you chose another way to hear from us"),
                  "no_longer_member": _l("not sent, because you were not an active council member"),
                  "expired": _l("not sent, because it was too late to send"),
                  "failed": _l("not sent, because it could not be sent"),
                  "undelivered": _l("not sent, because the phone network could not deliver it")}


def notice(notice):
    """'By text message: not sent, because your number has stopped texts from us' and the like."""
    way = NOTICE_WAYS[getattr(notice.channel, "value", notice.channel)]
    state = NOTICE_STATES.get(notice.state) or NOTICE_REASONS.get(notice.reason) or _l("not sent")
    return _l("%(way)s: %(state)s", way=way, state=state)


def council_name(council):
    return COUNCILS[getattr(council, "value", council)]


def stage(key):
    return _l("Stage %(number)s", number=key)


def _in_language(texts):
    texts = texts or {}
    return texts.get(str(get_locale())) or texts.get("en", "")


def theme(report, number):
    """A theme's short name in the page's language (the English one where there is no translation)."""
    texts = report["translations"]["themes"].get(number) or report["translations"]["themes"].get(int(number)) or {}
    english = texts.get("en")
    return str(THEMES[english]) if english in THEMES else _in_language(texts)


def promise(report, row):
    return _in_language(report["translations"]["promises"].get(row["id"])) or row["text"]


def option(label):
    return YES_NO.get(label, label)


def _question_words(report, question):
    texts = report["translations"].get("questions", {}).get(question["id"], {})
    return texts.get(str(get_locale())) or {}


def question(report, question):
    """A survey question's prompt in the page's language, where the survey gives one."""
    return _question_words(report, question).get("prompt") or question["prompt"]


def survey_title(report, question):
    return _question_words(report, question).get("survey") or question["survey"]


def answer(report, question, index, label):
    """One answer's words: a choice in the page's language where translated, yes/no in it, a number as it is."""
    if question["kind"] in ("single_choice", "multiple_choice"):
        options = _question_words(report, question).get("options") or []
        return options[index] if index < len(options) else label
    return option(label)


def period(span):
    """A report period in the page's language: "1 April 2026 to 30 September 2026"."""
    return _l("%(first)s to %(last)s", first=format_date(span.first, "long"), last=format_date(span.last, "long"))
