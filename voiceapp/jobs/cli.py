"""`flask jobs ...`: run the periodic jobs by hand, from cron, or as the scheduler process."""
import click
from flask import current_app
from flask.cli import with_appcontext

from voiceapp.jobs import schedule
from voiceapp.jobs.registry import registry_of


@click.group("jobs")
def jobs_group():
    """Background jobs."""


@jobs_group.command("run-due")
@with_appcontext
def run_due():
    """Run every periodic job once now (retries, reminders, escalations, replays)."""
    schedule.run_all(current_app)
    click.echo(f"Ran {len(registry_of(current_app).periodic)} periodic jobs.")


@jobs_group.command("list")
@with_appcontext
def list_jobs():
    for name, seconds in sorted(registry_of(current_app).periodic.items()):
        click.echo(f"every {seconds:>5}s  {name}")


@jobs_group.command("scheduler")
@click.option("--tick", default=15, show_default=True, help="seconds between looks at what is due")
def scheduler(tick):
    """Run each periodic job when it is due, until stopped (the laptop's scheduler; `make run` starts it)."""
    click.echo(f"Scheduler running {len(registry_of(current_app).periodic)} periodic jobs; Ctrl-C stops it.")
    schedule.Ticker(current_app._get_current_object(), tick_seconds=tick).run_forever()
