"""HTML and PDF (WeasyPrint) from a built report: self-contained, no external files, scripts or fonts."""
from importlib import resources

from flask import render_template
from flask_babel import get_locale

from voiceapp import languages

TEMPLATES = {"board": "reports/board.html", "young_people": "reports/young_people.html"}
# How the report names each group (the stored names are for machines).
GROUP_NAMES = {"child_in_care": "Children in care", "care_leaver": "Care leavers",
               "unaccompanied_asylum_seeking": "Unaccompanied asylum seeking", "send": "SEND",
               "care_experienced_parent": "Care-experienced parents", "lives_out_of_area": "Living out of area",
               "residential_home": "Living in a residential home"}


def _css():
    return resources.files("voiceapp").joinpath("static", "reports", "report.css").read_text("utf-8")


def to_html(report) -> str:
    """The board's report (with charts) or the young people's version, by the report's audience."""
    audience = report["meta"].get("audience", "board")
    charts = {}
    if audience == "board":
        # matplotlib takes seconds to import; only the board's report draws charts.
        from voiceapp.reports.exports.charts import all_charts
        charts = all_charts(report)
    theme_names = {str(t["number"]): t["short_title"] for t in report.get("themes", [])}
    withheld = report["meta"]["suppression"]["legend"]
    lang = languages.base(get_locale())     # the young people's version is in the reader's language
    return render_template(TEMPLATES[audience], r=report, charts=charts, css=_css(), theme_names=theme_names,
                           withheld_title=withheld, group_names=GROUP_NAMES, lang=lang,
                           direction=languages.direction(lang))


def _no_fetching(url, *args, **kwargs):
    # Everything the report needs is inline; refusing fetches means a crafted URL in text cannot reach out.
    raise ValueError(f"the report fetches nothing: {url}")


def to_pdf(report) -> bytes:
    # WeasyPrint takes seconds to import (Pango and fonts); only a PDF needs it.
    import weasyprint
    return weasyprint.HTML(string=to_html(report), url_fetcher=_no_fetching).write_pdf()
