"""What each language's catalog holds: which marked strings it translates, and whether a fluent speaker has
reviewed them. Read by `flask translate status` and by the test that fails on a missing translation."""
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass

from babel.messages.pofile import read_po

from voiceapp import languages

_STATUS_LINE = re.compile(r"^# Review status: (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class CatalogStatus:
    code: str
    review: str                 # the registry's status
    header_review: str | None   # what the catalog's header says
    exists: bool
    untranslated: tuple[str, ...]
    fuzzy: tuple[str, ...]
    total: int

    @property
    def unreviewed(self):
        """Strings no fluent speaker has checked: all translated ones while the language is unreviewed."""
        return self.total - len(self.untranslated) if self.review == languages.UNREVIEWED else 0


def extract(root):
    """Every marked msgid in the code and templates, as `flask translate update` extracts them."""
    with tempfile.TemporaryDirectory() as folder:
        pot = os.path.join(folder, "messages.pot")
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                        "-k", "_l", "-k", "lazy_gettext", "-o", pot, "."], cwd=root, check=True, capture_output=True)
        with open(pot, "rb") as handle:
            return {message.id if isinstance(message.id, str) else message.id[0]
                    for message in read_po(handle) if message.id}


def catalog_path(root, code):
    return os.path.join(root, "translations", code, "LC_MESSAGES", "messages.po")


def status(root, code, msgids):
    """How far one language's catalog covers the given msgids."""
    language = languages.BY_CODE[code]
    path = catalog_path(root, code)
    if code == languages.DEFAULT:
        return CatalogStatus(code, language.review, None, True, (), (), len(msgids))
    if not os.path.exists(path):
        return CatalogStatus(code, language.review, None, False, tuple(sorted(msgids)), (), len(msgids))
    with open(path, "rb") as handle:
        raw = handle.read()
    header = _STATUS_LINE.search(raw.decode("utf-8", "replace"))
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=code)
    strings, fuzzy = {}, set()
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        text = message.string if isinstance(message.string, str) else all(message.string)
        strings[key] = text if not message.fuzzy else ""
        if message.fuzzy:
            fuzzy.add(key)
    untranslated = tuple(sorted(m for m in msgids if not strings.get(m)))
    return CatalogStatus(code, language.review, header.group(1).strip() if header else None, True, untranslated,
                         tuple(sorted(fuzzy & set(msgids))), len(msgids))
