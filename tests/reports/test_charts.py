"""Charts start at zero, keep their proportions, explain c, and can sit together in one document."""
import logging
import re

from voiceapp.reports import periods
from voiceapp.reports.build import build_report
from voiceapp.reports.exports import render
from voiceapp.reports.exports.charts import all_charts, themes_chart

EMPTY = periods.parse("2026-H2")


def _theme(number, now, before):
    return {"number": number, "short_title": f"Theme {number}", "mentions": {"value": now},
            "previous_mentions": {"value": before}}


def test_a_chart_of_nothing_but_zeros_and_withheld_figures_has_no_negative_axis():
    svg = themes_chart([_theme(n, 0 if n % 2 else None, 0) for n in range(1, 7)])
    assert "\u2212" not in svg and "-0.0" not in svg   # matplotlib writes a minus sign as U+2212


def test_counts_are_drawn_on_whole_numbers():
    svg = themes_chart([_theme(1, 7, 3), _theme(2, 12, None)])
    assert not re.search(r">\s*\d+\.\d+\s*<", svg)


def test_no_id_is_defined_twice_when_every_chart_is_in_one_document(report):
    ids = re.findall(r'\bid="([^"]+)"', "".join(svg for svg in all_charts(report).values() if svg))
    assert ids and len(ids) == len(set(ids))


def test_every_table_of_the_board_s_report_is_read_with_a_key_to_c_and_z(report):
    html = render(report, "html").decode("utf-8")
    assert html.count('class="key"') >= 7
    assert "z = not applicable" in html and "share of its group" in html


def test_the_pdf_builds_without_a_single_weasyprint_warning(report, caplog):
    with caplog.at_level(logging.WARNING):
        render(report, "pdf")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_an_empty_period_s_pdf_builds_without_warnings_either(app, caplog):
    with caplog.at_level(logging.WARNING):
        render(build_report(EMPTY), "pdf")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
