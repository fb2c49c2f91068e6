"""The report in every format holds the same published figures, and the PDF opens with every section."""
import csv
import io
import json
import re

import pytest
from pypdf import PdfReader

from voiceapp.reports.exports import render
from voiceapp.reports.exports.tabular import figures
from voiceapp.reports.youth import young_peoples_version

SECTIONS = ["Voice and Influence report", "Summary", "Key issues", "Good practice", "Who took part",
            "The promise", "Themes young people raised", "Tell Us, We Care",
            "Updates on promise issues and complaints", "Surveys", "You said, we did", "In young people's words",
            "What the councils said"]


@pytest.fixture
def pdf_text(report):
    reader = PdfReader(io.BytesIO(render(report, "pdf")))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages), len(reader.pages)


def csv_rows(report):
    return list(csv.DictReader(io.StringIO(render(report, "csv").decode("utf-8"))))


def test_the_json_is_the_report_itself(report):
    assert json.loads(render(report, "json")) == json.loads(json.dumps(report, default=str))


def test_the_csv_has_a_row_for_every_figure_with_c_where_withheld(report):
    rows = {(r["section"], r["subject"], r["measure"]): (r["value"], r["shown"]) for r in csv_rows(report)}
    assert rows[("tellus", "acknowledged / cells", "late")] == ("", "c")
    assert rows[("tellus", "answered / cells", "on_time")] == ("14", "14")
    assert rows[("participation", "", "total")] == ("109", "109")
    assert rows[("themes", "Stable homes / by_source", "survey")] == ("7", "7")


def test_the_csv_holds_every_published_figure_of_the_json(report):
    published = {k: v for k, v in report.items() if k not in ("meta", "summary")}
    assert len(csv_rows(report)) == len(list(figures(published))) > 300


def test_the_html_is_self_contained_with_charts_and_their_text_alternatives(report):
    html = render(report, "html").decode("utf-8")
    assert "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert html.count('<svg role="img"') == 3
    assert "<desc>" in html and "<figcaption>" in html
    for section in SECTIONS:
        assert section.replace("'", "&#39;") in html or section in html, section


def test_the_pdf_opens_and_has_every_section(pdf_text):
    text, pages = pdf_text
    assert pages >= 8
    for section in SECTIONS:
        assert section in text, section


def test_withheld_cells_read_c_in_the_pdf(pdf_text):
    text, _ = pdf_text
    assert "On time c Late c Not yet due 0" in text
    assert "IRO team" not in text   # who was praised is the young person's own words


def test_the_young_people_s_version_renders_without_record_level_detail(report):
    html = render(young_peoples_version(report), "html").decode("utf-8")
    assert "What you told us" in html and "You said, we did" in html
    assert "IRO team" not in html and "<svg" not in html
