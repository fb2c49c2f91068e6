"""JSON and CSV: every figure of the report, so analysts can rebuild any chart or table."""
import csv
import io
import json

from voiceapp.audit.services import safe_cell

# A list item is named in the CSV by the first of these keys it has, so rows read like the report.
NAME_KEYS = ("short_title", "text", "prompt", "label", "team", "what", "promise", "name")


def to_json(report) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False, default=str)


def _is_figure(node):
    return isinstance(node, dict) and set(node) >= {"value", "display"}


def _name(item, index):
    for key in NAME_KEYS:
        if isinstance(item, dict) and item.get(key):
            return str(item[key])
    return str(index + 1)


def figures(node, path=()):
    """Every published figure as (path, value, display), walking the report in order."""
    if _is_figure(node):
        yield path, node["value"], node["display"]
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from figures(child, (*path, str(key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from figures(child, (*path, _name(child, index)))
    elif isinstance(node, (int, float)) and path and path[0] != "meta":
        yield path, node, str(node)


def to_csv(report) -> str:
    """One row per figure: section, subject, measure, value (empty when withheld) and what is shown."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "section", "subject", "measure", "value", "shown"])
    for path, value, display in figures({k: v for k, v in report.items() if k not in ("meta", "summary")}):
        section, *rest = path
        subject, measure = " / ".join(rest[:-1]), rest[-1] if rest else ""
        writer.writerow([report["meta"]["period"], section, safe_cell(subject), safe_cell(measure),
                         "" if value is None else value, safe_cell(display)])
    return out.getvalue()
