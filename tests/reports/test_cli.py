"""`flask report`: one command writes the report in each format, with a progress bar."""
import json

import pytest
from pypdf import PdfReader


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=["report", *args], catch_exceptions=False)


def test_the_report_command_writes_json_with_every_section(run, hand_worked, tmp_path):
    out = tmp_path / "report.json"
    result = run("--period", "2026-H1", "--format", "json", "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["participation"]["total"]["display"] == "109"
    assert {"promises", "tellus", "surveys", "themes", "actions", "quotes", "councils", "summary"} <= set(report)
    assert "Wrote" in result.output


def test_the_report_command_writes_a_pdf(run, tmp_path):
    out = tmp_path / "report.pdf"
    assert run("--period", "2026-Q1", "--format", "pdf", "--out", str(out)).exit_code == 0
    assert len(PdfReader(str(out)).pages) >= 8


def test_the_young_people_s_version_from_the_command_line(run, tmp_path):
    out = tmp_path / "young.html"
    assert run("--period", "2026-H1", "--format", "html", "--audience", "young_people", "--out", str(out)).exit_code == 0
    assert "What you told us" in out.read_text()


def test_current_means_the_half_year_today_is_in(run, tmp_path, clock):
    out = tmp_path / "now.json"
    assert run("--period", "current", "--format", "json", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text())["meta"]["period"] == "2026-H2"


def test_a_missing_or_wrong_period_is_explained(run):
    assert "--period is required" in run().output
    result = run("--period", "2026-H7")
    assert result.exit_code == 2 and "is not a period" in result.output


def test_seeding_keyword_rules_loads_them_once(run):
    assert "Keyword rules added: 908" in run("seed-keywords").output
    assert "Keyword rules added: 0" in run("seed-keywords").output


def test_seeding_with_missing_adds_only_the_starting_rules_a_language_lacks(run, api_as):
    run("seed-keywords")
    officer = api_as("voice_officer")
    rule = next(r for r in officer.get("/api/v1/reports/theme-rules").json if r["keyword"] == "bin bag")
    officer.delete(f"/api/v1/reports/theme-rules/{rule['id']}")
    assert "Keyword rules added: 0" in run("seed-keywords").output
    assert "Keyword rules added: 1" in run("seed-keywords", "--missing").output
