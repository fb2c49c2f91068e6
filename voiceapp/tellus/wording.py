"""What a young person is told about their message, in their own language: next steps, updates, letters."""
from contextlib import contextmanager

from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l

from voiceapp.tellus import clocks, deadlines
from voiceapp.tellus.models import Outcome, Status

NEXT_READ_AND_ANSWER = _l("A senior leader will read your message by %(ack)s and answer you by %(response)s.")
NEXT_READ = _l("A senior leader will read your message by %(ack)s.")
NEXT_ANSWER = _l("A senior leader is looking into it. They will answer you by %(response)s.")
NEXT_LOOKING = _l("A senior leader is looking into it. They will finish by %(response)s.")
NEXT_COMPLAINT = _l("We are looking into your complaint (stage %(stage)s). We will answer you by %(response)s.")
NEXT_ANSWERED = _l("We have answered you. You can write back if you want to.")
NEXT_CLOSED = _l("This is finished. If you are not happy, write back and we will look at it again.")
NEXT_CLOSED_STAGE = _l("If you are not happy, you can ask for stage %(stage)s of our complaints process "
                       "by %(date)s.")
NEXT_CLOSED_LAST = _l("If you are still not happy, you can ask the Local Government and Social Care "
                      "Ombudsman to look at it: %(phone)s.")

ACKNOWLEDGED = _l("A senior leader has read your message (ref %(ref)s). They will answer you by %(date)s.")
ASK_SATISFACTION = _l("Are you happy with our answer to your message (ref %(ref)s)? Please tell us: yes, "
                      "partly or no. You can say why too.")
SENT_TO_WORKER = _l("We have answered your message (ref %(ref)s) and sent our answer to your worker. "
                    "They will pass it on to you by %(date)s.")
SENT_TO_TEAM = _l("We have answered your message (ref %(ref)s) and sent our answer to your social work team. "
                  "They will pass it on to you by %(date)s.")
PRAISE_PASSED_ON = _l("Thank you for your kind words. We passed your thanks for %(name)s on to their manager.")

LETTER_TITLE = _l("About your complaint (ref %(ref)s), stage %(stage)s")
LETTER_DONE = _l("We have finished looking into your complaint. You can read our full answer in your messages.")
LETTER_ADVOCATE = _l("You can have an advocate to help you at any time. They are free and on your side. "
                     "Ask us and we will arrange one.")
LETTER_NEXT = _l("If you are not happy with our answer, you can ask for stage %(stage)s: %(what)s. "
                 "Please tell us by %(date)s.")
LETTER_LAST = _l("This was the last stage of our complaints process.")
LETTER_OMBUDSMAN = _l("You can also ask the Local Government and Social Care Ombudsman to look at your "
                      "complaint. It is free. Call %(phone)s or visit %(website)s.")
STAGE_NAMES = {2: _l("an independent person will look into it"),
               3: _l("a review panel will look at it again")}
OUTCOMES = {
    Outcome.RESOLVED: _l("We agree with you and have put things right."),
    Outcome.PARTLY_RESOLVED: _l("We agree with some of what you said and have put some things right."),
    Outcome.NOT_UPHELD: _l("We looked carefully but did not agree with your complaint."),
    Outcome.REFERRED_TO_COMPLAINTS: _l("We have passed it to our complaints team."),
    Outcome.PRAISE_PASSED_ON: _l("We passed on your thanks."),
}


@contextmanager
def in_language(language):
    """Words and dates in the young person's language, whoever's request or job is running."""
    with force_locale(language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        yield


def say(text, **values):
    return str(text) % values if values else str(text)


def day(moment):
    """A deadline's London calendar day, written out in the current language."""
    return format_date(moment.astimezone(deadlines.LONDON).date(), "EEEE d MMMM")


def ref(message):
    return str(message.id)[:6].upper()


def next_step(message):
    """What happens next with this message, and by when (in the current locale)."""
    response = day(message.response_due_at)
    if message.status == Status.CLOSED:
        return _closed_next_step(message)
    if message.status == Status.RESPONDED and not clocks.response_running(message):
        return say(NEXT_ANSWERED)
    if message.complaint_stage:
        return say(NEXT_COMPLAINT, stage=message.complaint_stage, response=response)
    if message.status == Status.RECEIVED:
        if message.wants_reply:
            return say(NEXT_READ_AND_ANSWER, ack=day(message.ack_due_at), response=response)
        return say(NEXT_READ, ack=day(message.ack_due_at))
    return say(NEXT_ANSWER if message.wants_reply else NEXT_LOOKING, response=response)


def _closed_next_step(message):
    stage = message.current_stage
    if stage is None:
        return say(NEXT_CLOSED)
    if stage.number == 3:
        return say(NEXT_CLOSED_LAST, phone=current_app.config["OMBUDSMAN_PHONE"])
    closes = deadlines.escalation_window_closes(stage.responded_at or message.closed_at, stage=stage.number)
    return say(NEXT_CLOSED_STAGE, stage=stage.number + 1, date=day(closes))


def closing_letter(message, *, outcome, responded_at):
    """The letter closing a complaint stage: the decision, the advocate, the next stage and the Ombudsman."""
    stage = message.current_stage
    parts = [say(LETTER_TITLE, ref=ref(message), stage=stage.number), say(LETTER_DONE)]
    if outcome in OUTCOMES:
        parts.append(say(OUTCOMES[outcome]))
    parts.append(say(LETTER_ADVOCATE))
    if stage.number < 3:
        closes = deadlines.escalation_window_closes(responded_at, stage=stage.number)
        parts.append(say(LETTER_NEXT, stage=stage.number + 1, what=say(STAGE_NAMES[stage.number + 1]),
                         date=day(closes)))
    else:
        parts.append(say(LETTER_LAST))
    config = current_app.config
    parts.append(say(LETTER_OMBUDSMAN, phone=config["OMBUDSMAN_PHONE"], website=config["OMBUDSMAN_WEBSITE"]))
    return "\n\n".join(parts)
