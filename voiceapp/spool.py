"""A durable local spool for what arrives while the database is unreachable (REL-01): signed texts, and the
"I don't feel safe" choice made by phone or on the web. Each kind is replayed by the package that owns it."""
import json
import os
from pathlib import Path

from flask import current_app

from voiceapp import crypto

KINDS = ("sms", "unsafe")


def _directory():
    path = Path(current_app.config.get("SPOOL_DIR") or Path(current_app.instance_path) / "spool")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _safe_name(key):
    return "".join(c for c in key if c.isalnum())[:64] or "unnamed"


def write(record, *, kind, key, risk):
    """Write the record to disk and fsync, so a crash after our answer loses nothing; disclosures and the
    unsafe choice sort first. A repeat of the same key (Twilio retrying) overwrites, never doubles."""
    name = ("0-" if risk else "1-") + f"{kind}-{_safe_name(key)}.json"
    final = _directory() / name
    temporary = final.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        # Encrypted like the phone numbers in the database: a young person's words never sit on disk in clear.
        handle.write(crypto.encrypt(json.dumps(dict(record))))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, final)
    return final


def kind_of(path):
    """The kind a spooled file holds; files written before kinds existed are texts."""
    parts = path.name.split("-", 2)
    return parts[1] if len(parts) == 3 and parts[1] in KINDS else "sms"


def pending(kind):
    """Spooled records of one kind, risk first (their files sort first), then in arrival order."""
    return [path for path in sorted(_directory().glob("*.json")) if kind_of(path) == kind]


def read(path):
    return json.loads(crypto.decrypt(path.read_text(encoding="utf-8")))


def remove(path):
    path.unlink(missing_ok=True)
