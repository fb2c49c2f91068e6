"""`flask retention run [--dry-run]`: what the retention sweep deletes, said before it does."""
import click
from flask.cli import with_appcontext

from voiceapp.rights import records, retention


@click.group("retention")
def retention_group():
    """Deleting records once docs/data-inventory.yml says they are kept no longer (PRIV-08)."""


@retention_group.command("run")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted, and delete nothing.")
@with_appcontext
def run_retention(dry_run):
    """Delete (or with --dry-run, list) young people whose last contact is older than VOICEAPP_RETENTION_DAYS,
    then every record older than its table's retention, with a count per table."""
    run = retention.apply_retention(dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"Last contact before {run.cutoff:%Y-%m-%d}: {verb} {len(run.deleted)} young people; "
               f"{len(run.held)} kept by a legal hold.")
    for young_person_id in run.deleted:
        click.echo(f"  {verb}: young person {young_person_id}")
    for young_person_id, reason in run.held.items():
        click.echo(f"  kept: young person {young_person_id} ({reason})")
    for table in records.apply_record_retention(dry_run=dry_run).tables:
        held = f"; {table.held} kept by a legal hold" if table.held else ""
        action = ("would anonymise" if dry_run else "anonymised") if table.anonymised else verb
        click.echo(f"{table.table}: {action} {table.deleted} rows{held}")
