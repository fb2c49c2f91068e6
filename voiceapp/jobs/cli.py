"""`flask jobs ...`: run the periodic jobs by hand or from cron."""
import click
from flask import current_app
from flask.cli import with_appcontext

from voiceapp.jobs import schedule


@click.group("jobs")
def jobs_group():
    """Background jobs."""


@jobs_group.command("run-due")
@with_appcontext
def run_due():
    """Run every periodic job once now (retries, reminders, escalations, replays)."""
    schedule.run_all(current_app)
    click.echo(f"Ran {len(schedule.PERIODIC)} periodic jobs.")


@jobs_group.command("list")
@with_appcontext
def list_jobs():
    from voiceapp import tasks_index  # noqa: F401
    for name, seconds in sorted(schedule.PERIODIC.items()):
        click.echo(f"every {seconds:>5}s  {name}")
