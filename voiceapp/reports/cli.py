"""`flask report`: build the six-monthly Voice and Influence report to a file, with a progress bar."""
import sys
from datetime import date
from pathlib import Path

import click
from flask.cli import with_appcontext

from voiceapp.auth.actors import SYSTEM
from voiceapp.reports import exports, periods
from voiceapp.reports import produce
from voiceapp.reports.build import STEPS
from voiceapp.reports.services import keywords, mentions


@click.group("report", invoke_without_command=True)
@click.option("--period", help="2026-H1 (April-September), 2026-H2, 2026-Q1, 2026-04-01..2026-06-30, or current "
                                "(the half-year today is in).")
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), default="html", show_default=True)
@click.option("--audience", type=click.Choice(produce.AUDIENCES), default="board", show_default=True,
              help="board: the Corporate Parenting Board's report; young_people: the plain-English version.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default: its own name).")
@click.pass_context
@with_appcontext
def report_group(ctx, period, fmt, audience, out):
    """Build the Voice and Influence report for a period, e.g. `flask report --period 2026-H1 --format pdf`."""
    if ctx.invoked_subcommand:
        return
    if not period:
        raise click.UsageError("--period is required, e.g. --period 2026-H1")
    try:
        period = periods.containing(date.today()) if period == "current" else periods.parse(period)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--period") from None
    with click.progressbar(length=STEPS + 1, label=f"Building the {period.label} report", file=sys.stderr) as bar:
        content, _, name = produce.produce_report(actor=SYSTEM, period=period, fmt=fmt, audience=audience,
                                                  progress=lambda step: bar.update(1))
        bar.update(1)
    path = Path(out or name)
    path.write_bytes(content)
    click.echo(f"Wrote {path} ({len(content):,} bytes)")


@report_group.command("seed-keywords")
@click.option("--missing", is_flag=True, help="Also add starting rules a language lacks (after an upgrade).")
@with_appcontext
def seed_keywords(missing):
    """Load the starting keyword rules of each language that has none yet."""
    added = keywords.seed_rules(actor=SYSTEM, missing=missing)
    click.echo(f"Keyword rules added: {added}")


@report_group.command("rebuild-themes")
@with_appcontext
def rebuild_themes():
    """Count every stored text under its themes afresh (after an import or a restore)."""
    click.echo(f"Theme mentions counted: {mentions.rebuild_mentions():,}")
