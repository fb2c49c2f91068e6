"""What voiceapp says when an alert is raised: the crisis reply to the young person and the notices to staff.

The crisis reply is kept here per language rather than in the gettext catalogue: it must reach a young
person in their own language even if a catalogue was not compiled, its wording is signed off by the
safeguarding lead as one piece, and each language is checked to fit in SMS segments. Staff notices are
in English (the working language of the duty team) and never carry a young person's words or number.
"""
from zoneinfo import ZoneInfo

from flask import current_app

from voiceapp import languages
from voiceapp.i18n import numbers_in_order

LONDON = ZoneInfo("Europe/London")

# Plain words, one SMS segment in English (GSM-7); the other languages are UCS-2, so they take two.
# Every registered language has one (tests/safeguarding/test_crisis_replies_every_language.py).
CRISIS = {
    "en": {
        "message": "If you are in danger now, call {emergency}. Childline is free on {childline}, any time. "
                   "A person will read your message.",
        "unsafe": "If you are in danger now, call {emergency}. Childline is free on {childline}, any time. "
                  "We have told our safety team now.",
    },
    "ar": {
        "message": "إذا كنت في خطر الآن فاتصل بالرقم {emergency}. اتصل بـ Childline مجاناً على {childline} "
                   "في أي وقت. سيقرأ شخص رسالتك.",
        "unsafe": "إذا كنت في خطر الآن فاتصل بالرقم {emergency}. اتصل بـ Childline مجاناً على {childline} "
                  "في أي وقت. أبلغنا فريق الحماية لدينا الآن.",
    },
    # Machine-written like their catalogs (voiceapp/languages.py): a fluent speaker must check them first.
    "fa": {
        "message": "اگر الان در خطری، به {emergency} زنگ بزن. Childline رایگان است: {childline}، هر زمان. "
                   "یک نفر پیامت را می‌خواند.",
        "unsafe": "اگر الان در خطری، به {emergency} زنگ بزن. Childline رایگان است: {childline}، هر زمان. "
                  "همین الان به تیم ایمنی گفتیم.",
    },
    "ps": {
        "message": "که اوس په خطر کې یې، {emergency} ته زنګ ووهه. Childline وړیا دی: {childline}، هر وخت. "
                   "یو کس به ستا پیغام ولولي.",
        "unsafe": "که اوس په خطر کې یې، {emergency} ته زنګ ووهه. Childline وړیا دی: {childline}، هر وخت. "
                  "موږ خپل د خوندیتوب ټیم ته وویل.",
    },
    "ti": {
        "message": "ሕጂ ኣብ ሓደጋ እንተሎኻ፡ ናብ {emergency} ደውል። Childline ብነጻ {childline}፡ ኩሉ ግዜ። "
                   "ሓደ ሰብ መልእኽትኻ ከንብቦ እዩ።",
        "unsafe": "ሕጂ ኣብ ሓደጋ እንተሎኻ፡ ናብ {emergency} ደውል። Childline ብነጻ {childline}፡ ኩሉ ግዜ። "
                  "ሕጂ ንጉጅለ ድሕንነትና ሓቢርናዮም።",
    },
    "ckb": {
        "message": "ئەگەر ئێستا لە مەترسیدایت، پەیوەندی بە {emergency} بکە. Childline بەخۆڕاییە: {childline}، "
                   "هەر کاتێک. کەسێک نامەکەت دەخوێنێتەوە.",
        "unsafe": "ئەگەر ئێستا لە مەترسیدایت، پەیوەندی بە {emergency} بکە. Childline بەخۆڕاییە: {childline}، "
                  "هەر کاتێک. بە تیمی پاراستنمان وت.",
    },
    "vi": {
        "message": "Nếu bạn đang gặp nguy hiểm, gọi {emergency}. Childline miễn phí: {childline}, mọi lúc. "
                   "Một người sẽ đọc tin của bạn.",
        "unsafe": "Nếu bạn đang gặp nguy hiểm, gọi {emergency}. Childline miễn phí: {childline}, mọi lúc. "
                  "Chúng tôi đã báo nhóm an toàn.",
    },
    "sq": {
        "message": "Nëse je në rrezik tani, telefono {emergency}. Childline është falas në {childline}, "
                   "në çdo kohë. Një person do ta lexojë mesazhin tënd.",
        "unsafe": "Nëse je në rrezik tani, telefono {emergency}. Childline është falas në {childline}, "
                  "në çdo kohë. I treguam ekipit tonë të sigurisë.",
    },
    "am": {
        "message": "አሁን አደጋ ላይ ከሆንክ፣ {emergency} ደውል። Childline በነጻ {childline}፣ በማንኛውም ጊዜ። "
                   "አንድ ሰው መልእክትህን ያነባል።",
        "unsafe": "አሁን አደጋ ላይ ከሆንክ፣ {emergency} ደውል። Childline በነጻ {childline}፣ በማንኛውም ጊዜ። "
                  "አሁን ለደህንነት ቡድናችን ነግረናል።",
    },
}

CATEGORY_LABELS = {
    "suicide_self_harm": "suicide or self-harm",
    "physical_abuse": "physical abuse",
    "sexual_abuse": "sexual abuse",
    "emotional_abuse": "emotional abuse",
    "neglect": "neglect",
    "sexual_exploitation": "sexual exploitation",
    "criminal_exploitation": "criminal exploitation (e.g. county lines)",
    "missing_or_homeless": "missing or nowhere safe to stay",
    "immediate_danger": "immediate danger",
    "harm_by_carer_or_worker": "harm by a carer or worker",
    "threat_to_keep_quiet": "a threat to keep them quiet",
    "domestic_abuse": "violence, drink or drugs by an adult they live with",
    "unscreened": "words that could not be screened (read them)",
}


def crisis_reply(language, *, unsafe=False):
    """The immediate reply to a young person at risk: 999, Childline, and that a person will read it."""
    code = languages.base(language)
    texts = CRISIS.get(code, CRISIS["en"])
    config = current_app.config
    text = texts["unsafe" if unsafe else "message"].format(emergency=config["CRISIS_EMERGENCY_NUMBER"],
                                                          childline=config["CRISIS_CHILDLINE_NUMBER"])
    return numbers_in_order(text, code if code in CRISIS else "en")


UNHEARD = "a voice message nobody has heard yet: listen to the recording"


def what_was_raised(alert):
    """The alert's categories in plain words, the one-step choice when no words were needed, or the
    recording a person must listen to."""
    if alert.trigger == "unheard_recording":
        return UNHEARD
    if not alert.categories:
        return "the young person chose \"I don't feel safe\""
    return ", ".join(CATEGORY_LABELS.get(c, c.replace("_", " ")) for c in alert.categories)


def alert_link(alert):
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/staff/alerts/{alert.id}"


def _when(moment):
    local = moment.astimezone(LONDON)
    return f"{local:%H:%M} on {local:%a} {local.day} {local:%b %Y} (UK time)"


def _edt_line():
    number = current_app.config.get("EMERGENCY_DUTY_TEAM_PHONE")
    return f"Out of hours, call the Children's Emergency Duty Team on {number}." if number else (
        "Out of hours, call the Children's Emergency Duty Team.")


def _heading(alert, kind):
    if kind == "escalated":
        minutes = current_app.config["ALERT_ESCALATE_MINUTES"]
        return f"ESCALATION: nobody has taken this safeguarding alert on after {minutes} minutes."
    if kind == "renotified":
        return f"REMINDER {alert.notify_count + 1}: this safeguarding alert has still not been taken on."
    if alert.trigger == "unheard_recording":
        return ("URGENT: listen to this voice message now. It could not be turned into words, so it has not "
                "been screened; it may hold a disclosure.")
    return "URGENT: a young person may be at risk."


def notice_email(alert, kind):
    """Subject and body of an email notice to a duty contact or the head of service."""
    subject = f"URGENT safeguarding alert: {what_was_raised(alert)} ({alert.channel.value})"[:200]
    minutes = current_app.config["ALERT_ESCALATE_MINUTES"]
    body = "\n".join([
        _heading(alert, kind),
        "",
        f"Alert: {alert.id}",
        f"What: {what_was_raised(alert)}",
        f"How it came in: {alert.channel.value}, at {_when(alert.created_at)}",
        f"Open it and take it on now: {alert_link(alert)}",
        "",
        f"A named member of staff must take it on within {minutes} minutes; until then this notice repeats.",
        _edt_line(),
        "If a life is in danger, call 999.",
    ])
    return subject, body


def notice_sms(alert, kind):
    """A short SMS notice: what, how, when, the link, and the out-of-hours number."""
    first = {"escalated": "ESCALATION (not taken on)", "renotified": "REMINDER"}.get(kind, "URGENT")
    return (f"{first} voiceapp safeguarding alert: {what_was_raised(alert)} via {alert.channel.value} at "
            f"{_when(alert.created_at)}. Take it on: {alert_link(alert)} {_edt_line()}")
