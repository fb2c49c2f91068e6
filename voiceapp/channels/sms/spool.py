"""A durable local spool for signed webhooks that arrive while the database is unreachable (REL-01)."""
import json
import os
from pathlib import Path

from flask import current_app

from voiceapp import crypto


def _directory():
    path = Path(current_app.config.get("SPOOL_DIR") or Path(current_app.instance_path) / "spool")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _safe_name(message_sid):
    return "".join(c for c in message_sid if c.isalnum())[:64] or "unnamed"


def write(form, *, risk):
    """Write the request's parameters to disk and fsync, so a crash after our reply loses nothing."""
    name = ("0-" if risk else "1-") + _safe_name(form.get("MessageSid", "")) + ".json"
    final = _directory() / name
    temporary = final.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        # Encrypted like the phone numbers in the database: a young person's words never sit on disk in clear.
        handle.write(crypto.encrypt(json.dumps(dict(form))))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, final)
    return final


def pending():
    """Spooled requests, disclosures first (their files sort first), then in arrival order."""
    return sorted(_directory().glob("*.json"))


def read(path):
    return json.loads(crypto.decrypt(path.read_text(encoding="utf-8")))


def remove(path):
    path.unlink(missing_ok=True)
