"""Command-line entry points: seed, create-staff, translate and jobs (each domain adds its own in register)."""
import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from voiceapp import catalogs, languages
from voiceapp import demo as demo_data
from voiceapp.auth import codes
from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import Council, Role, StaffUser
from voiceapp.database import utcnow
from voiceapp.errors import DomainError
from voiceapp.extensions import db
from voiceapp.jobs.cli import jobs_group
from voiceapp.people import services as people
from voiceapp.people.models import AgeBand, Cohort
from voiceapp.promises import seed as promise_seed
from voiceapp.promises import services as promises
from voiceapp.reports.models import MeetingKind
from voiceapp.reports.services import keywords
from voiceapp.reports.services import meetings as report_meetings
from voiceapp.safeguarding import screening
from voiceapp.surveys import coverage as survey_coverage
from voiceapp.surveys import definitions as surveys
from voiceapp.surveys import seed as survey_seed

DEMO_EMAIL = "voice.officer@example.org"
# The other staff roles' demo accounts (same password as the voice officer's), to try each role's pages.
DEMO_STAFF = (("LEADER_EMAIL", "senior.leader@example.org", "Demo senior leader", Role.SENIOR_LEADER, {}),
              ("LEAD_EMAIL", "priority.lead@example.org", "Demo priority lead", Role.PRIORITY_LEAD, {"priority": 2}),
              ("BOARD_EMAIL", "board.member@example.org", "Demo board member", Role.BOARD_MEMBER, {}))


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also create a demo staff account, young people, surveys and a half-year "
              "of demo activity (never in production).")
@with_appcontext
def seed_command(demo):
    """Load the strategic priorities, promise sets and keyword rules; with --demo, demo data for trying things out."""
    if demo and current_app.config.get("ENV") == "production":
        raise click.UsageError("--demo makes a staff account with a printed password and invented young people: "
                               "it is refused in production (VOICEAPP_ENV=production)")
    added = promise_seed.seed_all()
    click.echo(f"Promise sets added: {len(added)} (priorities and promises are loaded).")
    click.echo(f"Theme keyword rules added: {keywords.seed_rules(actor=SYSTEM)}")
    surveys_added = survey_seed.seed_surveys(actor=SYSTEM)
    click.echo(f"Well-being surveys added as drafts: {len(surveys_added)}")
    if demo:
        _seed_demo()


def _demo_account(email, name, role, password, **fields):
    user = db.session.scalar(sa.select(StaffUser).where(StaffUser.email == email))
    if user is None:
        auth.create_staff(actor=SYSTEM, email=email, display_name=name, role=role, password=password, **fields)
    else:
        auth.update_staff(actor=SYSTEM, staff_id=user.id, changes={"password": password, "is_active": True})


def _seed_demo():
    password = secrets.token_urlsafe(12)
    _demo_account(DEMO_EMAIL, "Demo voice officer", Role.VOICE_OFFICER, password)
    for _key, email, name, role, fields in DEMO_STAFF:
        priority = {"priority_id": promises.priority_by_number(fields["priority"]).id} if "priority" in fields else {}
        _demo_account(email, name, role, password, **priority)
    person = people.create_young_person(actor=SYSTEM, cohort=Cohort.CHILD_IN_CARE, age_band=AgeBand.AGE_13_15)
    staff = Actor.for_staff(db.session.scalar(sa.select(StaffUser).where(StaffUser.email == DEMO_EMAIL)))
    code, _ = codes.issue_invitation(actor=staff, young_person_id=person.id)
    _demo_survey(staff)
    click.echo(f"Demo young people with a half-year of activity: {demo_data.add_demo_activity()}")
    instance = Path(current_app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    env = instance / "demo.env"
    others = "".join(f"{key}={email}\n" for key, email, *_rest in DEMO_STAFF) + _demo_council_members(password)
    env.write_text(f"EMAIL={DEMO_EMAIL}\nPASSWORD={password}\nINVITATION={code}\n{others}")
    env.chmod(0o600)
    click.echo(f"Demo staff sign-in: {DEMO_EMAIL} / {password}")
    click.echo("Other roles, same password: " + ", ".join(email for _key, email, *_rest in DEMO_STAFF))
    click.echo(f"Demo young person invitation code: {code}")
    click.echo(f"(also written to {env} for the README's quick tour)")


DEMO_COUNCILS = {Council.HAVE_A_VOICE: "have.a.voice@example.org", Council.CARE_LEAVERS: "care.leavers@example.org"}
DEMO_AGE = 16        # council members are 15 or over


def _demo_council_members(password):
    """A council member for each council (same password as the demo officer) and a meeting with questions,
    for trying the council area; the demo.env lines that name them."""
    for council, email in DEMO_COUNCILS.items():
        user = db.session.scalar(sa.select(StaffUser).where(StaffUser.email == email))
        if user is None:
            auth.create_staff(actor=SYSTEM, email=email, display_name=f"Demo {council.value} member",
                              role=Role.COUNCIL_MEMBER, council=council, password=password, age=DEMO_AGE)
        else:
            auth.update_staff(actor=SYSTEM, staff_id=user.id, changes={"password": password, "is_active": True})
        click.echo(f"Demo council member sign-in at /council/: {email} / {password}")
    if not report_meetings.list_meetings(council=Council.HAVE_A_VOICE):
        _demo_meeting()
    return "".join(f"COUNCIL_{c.name}={e}\n" for c, e in DEMO_COUNCILS.items())


def _demo_meeting():
    report_meetings.record_meeting(
        actor=SYSTEM, kind=MeetingKind.HEAD_OF_SERVICE, council=Council.HAVE_A_VOICE, held_on=utcnow().date(),
        title="Meeting with the Head of Service",
        questions=[{"question": "Why do our social workers change so often?",
                    "answer": "We are hiring more social workers so each of you keeps the same one for longer."},
                   {"question": "Can every children's home have good wifi?"}])


def _demo_survey(staff):
    """Publish the seeded well-being surveys and add the short "Your home" survey, for the tour."""
    for survey in surveys.list_surveys():
        if survey.key and survey.published_version is None:
            surveys.publish_survey(actor=staff, survey_id=survey.id)
    if any(s.key is None for s in surveys.list_surveys()):
        return
    survey = surveys.create_survey(
        actor=staff, title="Your home", opens_at=utcnow() - timedelta(days=1), closes_at=utcnow() + timedelta(days=60),
        questions=[{"kind": "scale", "prompt": "How safe do you feel where you live?", "scale_min": 1,
                    "scale_max": 5, "required": True, "priority": 2},
                   {"kind": "yes_no", "prompt": "Do you know who to talk to if something is wrong?"},
                   {"kind": "free_text", "prompt": "What one thing would make your home better?"}])
    surveys.publish_survey(actor=staff, survey_id=survey.id)


@click.command("create-staff")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--council", type=click.Choice([c.value for c in Council]),
              help="for a council_member (asked for if not given)")
@click.option("--priority", type=click.IntRange(1, 99), help="for a priority_lead: the priority's number")
@click.option("--age", type=click.IntRange(0, 120), help="for a council_member: their age (members are 15 or over)")
@click.password_option()
@with_appcontext
def create_staff_command(email, display_name, role, council, priority, age, password):
    """Add a staff user (for the first voice and influence officer on a new deployment)."""
    if role == Role.COUNCIL_MEMBER.value and council is None and sys.stdin.isatty():
        council = click.prompt("Which council", type=click.Choice([c.value for c in Council]))
    if role == Role.COUNCIL_MEMBER.value and age is None and sys.stdin.isatty():
        age = click.prompt("Their age (members are 15 or over)", type=click.IntRange(0, 120))
    try:
        priority_id = promises.priority_by_number(priority).id if priority is not None else None
        user = auth.create_staff(actor=SYSTEM, email=email, display_name=display_name, role=Role(role),
                                 password=password, council=Council(council) if council else None,
                                 priority_id=priority_id, age=age)
    except DomainError as error:
        option = {"council": "--council", "priority_id": "--priority"}.get(error.field, f"--{error.field or 'role'}")
        raise click.BadParameter(str(error.reason), param_hint=option) from None
    click.echo(f"Created {user.role.value} {user.email}")


@click.group("translate")
def translate_group():
    """Keep the message catalogs in translations/ up to date."""


def _pybabel(*args):
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True)


@translate_group.command("update")
def translate_update():
    """Extract every marked string and merge it into each language's catalog."""
    # File-only locations, sorted by msgid: two branches that each add strings then touch different lines of
    # the catalogs, so merging them rarely conflicts (line numbers moved on every edit and conflicted each time).
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "--add-location=file", "--sort-output",
             "-o", "translations/messages.pot", ".")
    _pybabel("update", "-i", "translations/messages.pot", "-d", "translations")


@translate_group.command("status")
@click.option("--strings", is_flag=True, help="List each untranslated string too.")
def translate_status(strings):
    """Per language: its review status, and the marked strings it leaves untranslated or unreviewed."""
    root = os.path.dirname(current_app.root_path)
    msgids = catalogs.extract(root)
    missing_lexicons = set(screening.missing_lexicons())
    click.echo(f"{len(msgids)} marked strings")
    for code in current_app.config["LANGUAGES"]:
        language = languages.BY_CODE[code]
        result = catalogs.status(root, code, msgids)
        notes = [] if result.exists else ["no catalog"]
        if result.header_review and result.header_review != language.review:
            notes.append(f"catalog header says {result.header_review!r}")
        if code in missing_lexicons:
            notes.append("no safeguarding lexicon")
        seeded, stored = _survey_gaps(code)
        click.echo(f"{code:4} {language.english:15} {language.review:46} untranslated {len(result.untranslated):3}  "
                   f"unreviewed {result.unreviewed:3}  fuzzy {len(result.fuzzy):3}  "
                   f"survey questions without it: seeded {len(seeded):3}  in the database "
                   + (f"{len(stored):3}" if stored is not None else "(not reachable)")
                   + (f"  ({'; '.join(notes)})" if notes else ""))
        if strings:
            for msgid in result.untranslated:
                click.echo(f"       untranslated: {msgid}")
            for survey, position in seeded + (stored or []):
                click.echo(f"       survey question without it: {survey}, question {position}")


def _survey_gaps(code):
    """The seeded and stored survey questions without the language's words (English has the original)."""
    if code == languages.DEFAULT:
        return [], []
    try:
        stored = survey_coverage.stored_missing(code)
    except sa.exc.SQLAlchemyError:      # no database here: the catalogs and seeded surveys are still reported
        db.session.rollback()
        stored = None
    return survey_coverage.seeded_missing(code), stored


@translate_group.command("compile")
def translate_compile():
    _pybabel("compile", "-d", "translations")


@translate_group.command("init")
@click.argument("language")
def translate_init(language):
    """Start a catalog for a new language, e.g. `flask translate init ps`."""
    _pybabel("init", "-i", "translations/messages.pot", "-d", "translations", "-l", language)


def register(app):
    app.cli.add_command(seed_command)
    app.cli.add_command(create_staff_command)
    app.cli.add_command(translate_group)
    app.cli.add_command(jobs_group)
