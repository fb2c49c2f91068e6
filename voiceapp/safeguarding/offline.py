"""'I don't feel safe' while the database is down: answered at once with the crisis words, kept on disk,
and raised as an alert as soon as the database is back (the spool's replay, disclosures first)."""
import logging
import uuid

from voiceapp import spool
from voiceapp.auth import services as auth
from voiceapp.channel_enum import Channel
from voiceapp.errors import DomainError
from voiceapp.people import services as people
from voiceapp.safeguarding import alerts, replies

log = logging.getLogger(__name__)


def keep_unsafe_choice(*, channel, phone=None, token_hash=None, key=None, language="en"):
    """Spool the choice (who, by number or session, never both needed) and return the crisis words to show."""
    record = {"channel": channel.value, "phone": phone, "token_hash": token_hash, "language": language}
    spool.write(record, kind="unsafe", key=key or uuid.uuid4().hex, risk=True)
    log.error("database unreachable: an unsafe choice by %s spooled to disk for replay", channel.value)
    # "A person will read your message", not "we have told our safety team now": that happens on replay.
    return replies.crisis_reply(language)


def replay_unsafe_choices():
    """Raise the alert for each spooled choice, once; the same person's open unsafe alert is not doubled."""
    for path in spool.pending("unsafe"):
        record = spool.read(path)
        try:
            person_id = _who(record)
            if record.get("token_hash") and person_id is None:
                # A web request with a token no session ever had: nobody to raise it for.
                log.warning("a spooled unsafe choice had no known session; dropped")
            else:
                alerts.report_unsafe(young_person_id=person_id, channel=Channel(record["channel"]),
                                     language=record.get("language"))
        except Exception:
            log.exception("replaying a spooled unsafe choice failed; it stays on disk for the next run")
            continue
        spool.remove(path)


def _who(record):
    if record.get("token_hash"):
        return auth.young_person_for_token_hash(record["token_hash"])
    if record.get("phone"):
        try:
            person = people.find_by_phone(record["phone"])
        except DomainError:          # a withheld or odd number: the alert is raised without a person
            return None
        return person.id if person else None
    return None
