"""Renders a built (already suppressed) report as JSON, CSV, HTML or PDF."""
from voiceapp.reports.exports import document, tabular

FORMATS = ("html", "pdf", "csv", "json")
MIMETYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
             "json": "application/json"}


def render(report, fmt):
    """The report as bytes in the format asked for (html, pdf, csv or json)."""
    if fmt == "json":
        return tabular.to_json(report).encode("utf-8")
    if fmt == "csv":
        return tabular.to_csv(report).encode("utf-8")
    if fmt == "html":
        return document.to_html(report).encode("utf-8")
    if fmt == "pdf":
        return document.to_pdf(report)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
