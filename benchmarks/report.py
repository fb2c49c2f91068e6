"""Time and peak memory of a six-month Voice and Influence report on a synthetic England-sized data set.

Run from the repository root:  python benchmarks/report.py [--db sqlite|postgresql|both] [--scales 0.1 1]
                                 [--pg-url postgresql://postgres@127.0.0.1:5432/yours]
At scale 1: 100,000 young people, 1,000,000 promise ratings, 200,000 Tell Us messages and 500,000 survey
answers over two financial years (April 2025 to March 2027); the report is 2026-H1. PostgreSQL uses its own
schema in the test database. It prints figures and asserts nothing (targets: under 10 s, under 500 MB, and
at most 3x the raw-SQL floor: the same aggregates as hand-written SQL through the bare driver, report_floor.py).
"""
import argparse
import multiprocessing
import os
import pathlib
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

PG_URL = os.environ.get("VOICEAPP_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
START = datetime(2025, 4, 1, tzinfo=timezone.utc)
SPAN = timedelta(days=730)
CHUNK = 20_000
# Mostly everyday words, with a keyword now and then, as young people write.
WORDS = ("i my me the a to and it is was not they we you he she for with at on in of so but when why what "
         "can cant dont never always again today week month ok fine good bad really want need like feel said "
         "told asked know think help thank you nobody rings back worker school placement football money "
         "listen home carer doctor club rent").split()
TEAMS = [f"Team {n}" for n in range(30)]


def make_app(url, schema=None):
    from voiceapp import create_app
    config = {"DATABASE_URL": url, "SECRET_KEY": "b" * 40, "JOB_BACKEND": "inline", "SMS_BACKEND": "memory",
              "MAIL_BACKEND": "memory", "TESTING": True}
    if schema:
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"options": f"-csearch_path={schema}"}}
    return create_app(config)


def moment(rng):
    return START + timedelta(seconds=rng.random() * SPAN.total_seconds())


def text(rng, n=8):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def insert(conn, table, rows):
    """Bulk insert in chunks through Core executemany (insertmanyvalues on PostgreSQL)."""
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            conn.execute(table.insert(), batch)
            batch = []
    if batch:
        conn.execute(table.insert(), batch)


def young_people(n, rng):
    from voiceapp.people.models import AgeBand, Cohort
    bands = {Cohort.CHILD_IN_CARE: ["10-12", "13-15", "16-17"], Cohort.CARE_LEAVER: ["18-21", "22-25"]}
    people = []
    for _ in range(n):
        cohort = Cohort.CHILD_IN_CARE if rng.random() < 0.65 else Cohort.CARE_LEAVER
        people.append({"id": uuid.uuid4(), "cohort": cohort, "age_band": AgeBand(rng.choice(bands[cohort])),
                       "language": "en", "consent_to_quote": False, "consent_to_contact": False,
                       "created_at": START})
    return people


def voice_group_rows(people, rng):
    """About one young person in five in each of a few voice groups (some in several)."""
    groups = ["unaccompanied_asylum_seeking", "send", "care_experienced_parent", "lives_out_of_area",
              "residential_home"]
    return [{"young_person_id": p["id"], "group": g} for p in people for g in groups if rng.random() < 0.05]


def promise_rows(people, promises, n_ratings, rng):
    """Checks of five promises each, so n_ratings ratings in all."""
    checks, ratings = [], []
    for i in range(n_ratings // 5):
        person = people[i % len(people)]
        set_id, items = promises[person["cohort"].value]
        check_id = uuid.uuid4()
        checks.append({"id": check_id, "young_person_id": person["id"], "promise_set_id": set_id,
                       "channel": rng.choice(["web", "sms", "voice"]), "submitted_at": moment(rng),
                       "promise_information": rng.choice(["yes", "yes", "no", "not_sure"]) if rng.random() < 0.3
                       else None})
        for position, promise_id in enumerate(rng.sample(items, 5)):
            ratings.append({"id": uuid.uuid4(), "check_id": check_id, "promise_id": promise_id, "position": position,
                            "rating": rng.choice(["kept", "kept", "partly", "not_kept", "dont_know"]),
                            "comment": text(rng) if rng.random() < 0.1 else None})
    return checks, ratings


def message_rows(people, n, themes, rng):
    from voiceapp.tellus.deadlines import deadline_at
    messages, tags = [], []
    for i in range(n):
        received = moment(rng)
        kind = rng.choice(["unhappy", "unhappy", "promise_not_kept", "praise"])
        ack = received + timedelta(hours=rng.randint(1, 120)) if rng.random() < 0.95 else None
        answered = received + timedelta(days=rng.randint(1, 25)) if ack and rng.random() < 0.85 else None
        row = {"id": uuid.uuid4(), "young_person_id": people[(i * 7) % len(people)]["id"], "kind": kind,
               "body": text(rng, 12), "channel": rng.choice(["web", "sms"]), "status": "received",
               "received_at": received, "acknowledged_at": ack, "responded_at": answered, "wants_reply": True,
               "anonymous": False, "praise_for": rng.choice(TEAMS) if kind == "praise" else None,
               "ack_due_at": deadline_at(received, 1), "response_due_at": deadline_at(received, 10)}
        messages.append(row)
        if rng.random() < 0.7:
            tags.append({"message_id": row["id"], "priority_id": rng.choice(themes)})
    return messages, tags


def survey_rows(people, n_answers, questions, rng):
    """Responses of five answers (one per question kind), one response per young person and survey."""
    responses, answers, choices = [], [], []
    for i in range(n_answers // 5):
        survey_id, version_id, qs = questions[i % len(questions)]
        response_id, submitted = uuid.uuid4(), moment(rng)
        responses.append({"id": response_id, "survey_id": survey_id, "version_id": version_id,
                          "young_person_id": people[(i // len(questions)) % len(people)]["id"], "channel": "web",
                          "started_at": submitted, "updated_at": submitted, "submitted_at": submitted})
        for kind, question_id in qs:
            answer = {"id": uuid.uuid4(), "response_id": response_id, "question_id": question_id,
                      "answered_at": submitted, "value_int": None, "value_text": None}
            if kind == "free_text":
                answer["value_text"] = text(rng, 10)
            elif kind == "multiple_choice":
                choices += [{"answer_id": answer["id"], "option": o} for o in rng.sample(range(4), 2)]
            else:
                answer["value_int"] = {"scale": rng.randint(1, 5), "single_choice": rng.randint(0, 2),
                                       "yes_no": rng.randint(0, 1)}[kind]
            answers.append(answer)
    return responses, answers, choices


def setup_surveys(actor):
    from voiceapp.surveys import definitions
    specs = [{"kind": "scale", "prompt": "How safe do you feel?", "scale_min": 1, "scale_max": 5},
             {"kind": "single_choice", "prompt": "Where do you live?", "options": ["Foster", "Home", "Own"]},
             {"kind": "multiple_choice", "prompt": "Who helps?", "options": ["A", "B", "C", "D"]},
             {"kind": "yes_no", "prompt": "Do you know your plan?"},
             {"kind": "free_text", "prompt": "Anything else?", "priority": 3}]
    made = []
    for n in range(10):
        survey = definitions.create_survey(actor=actor, title=f"Survey {n}", questions=specs, opens_at=START,
                                           closes_at=START + SPAN)
        version = survey.versions[0]
        made.append((survey.id, version.id, [(q.kind.value, q.id) for q in version.questions]))
    return made


def generate(app, scale):
    """Fill an empty database with the synthetic data set at the given scale."""
    from voiceapp.auth.actors import SYSTEM
    from voiceapp.extensions import db
    from voiceapp.people.models import Cohort, YoungPerson, YoungPersonVoiceGroup
    from voiceapp.promises import services as promise_services
    from voiceapp.promises.seed import seed_all
    from voiceapp.promises.models import PromiseCheck, PromiseRating
    from voiceapp.reports.services.keywords import seed_rules
    from voiceapp.reports.services.mentions import rebuild_mentions
    from voiceapp.surveys.models import SurveyAnswer, SurveyAnswerChoice, SurveyResponse
    from voiceapp.tellus.models import Message, message_themes
    rng = random.Random(2026)
    with app.app_context():
        db.create_all()
        seed_all()
        seed_rules(actor=SYSTEM)
        promises = {c.value: (s.id, [p.id for p in s.promises])
                    for c, s in ((c, promise_services.current_set(c)) for c in Cohort)}
        themes = [p.id for p in promise_services.list_priorities()]
        questions = setup_surveys(SYSTEM)
        db.session.commit()
        people = young_people(int(100_000 * scale), rng)
        checks, ratings = promise_rows(people, promises, int(1_000_000 * scale), rng)
        messages, tags = message_rows(people, int(200_000 * scale), themes, rng)
        responses, answers, choices = survey_rows(people, int(500_000 * scale), questions, rng)
        with db.engine.begin() as conn:
            for model, rows in ((YoungPerson, people), (YoungPersonVoiceGroup, voice_group_rows(people, rng)),
                                (PromiseCheck, checks), (PromiseRating, ratings),
                                (Message, messages), (SurveyResponse, responses), (SurveyAnswer, answers),
                                (SurveyAnswerChoice, choices)):
                insert(conn, model.__table__, rows)
            insert(conn, message_themes, tags)
        started = time.perf_counter()
        counted = rebuild_mentions()
        print(f"    theme index: {counted:,} mentions counted in {time.perf_counter() - started:.1f} s", flush=True)
        with db.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE"))


def _peak_mb():
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's from before exec)."""
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(url, schema, queue):
    """In a fresh process: build the report, then render it; send back seconds and peak memory of each."""
    from voiceapp.reports import periods
    from voiceapp.reports.build import build_report
    from voiceapp.reports.exports import render
    app = make_app(url, schema)
    with app.app_context():
        started = time.perf_counter()
        report = build_report(periods.parse("2026-H1"))
        figures = {"built": time.perf_counter() - started, "built_mb": _peak_mb()}
        for fmt in ("json", "csv", "html", "pdf"):
            started = time.perf_counter()
            render(report, fmt)
            figures[fmt] = time.perf_counter() - started
    figures.update(peak_mb=_peak_mb(), people=report["participation"]["total"]["display"])
    queue.put(figures)


def _has_data(url, schema):
    """Whether an earlier run left this database filled (for --reuse)."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            if schema:
                conn.execute(sa.text(f"SET search_path TO {schema}"))
            return bool(conn.execute(sa.text("SELECT COUNT(*) FROM theme_mentions")).scalar())
    except sa.exc.DBAPIError:
        return False
    finally:
        engine.dispose()


def prepare(db_name, scale, workdir, reuse=False):
    """A database with the data set: (url, schema)."""
    label = f"{int(scale * 100)}"
    if db_name == "sqlite":
        path = pathlib.Path(workdir) / f"report-{label}.sqlite"
        url, schema = f"sqlite:///{path}", None
    else:
        url, schema = PG_URL, f"bench_report_{label}"
    if reuse and _has_data(url, schema):
        print(f"  {db_name} {label}%: reusing the data set left by an earlier run", flush=True)
        from voiceapp.extensions import db
        with make_app(url, schema).app_context():
            db.create_all()   # tables added to the app since that run, empty
        return url, schema
    if db_name == "sqlite":
        path.unlink(missing_ok=True)
    else:
        engine = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        engine.dispose()
    started = time.perf_counter()
    generate(make_app(url, schema), scale)
    print(f"  {db_name} {label}%: data generated in {time.perf_counter() - started:.0f} s", flush=True)
    return url, schema


def index(url, schema, queue):
    """In a fresh process: rebuild the theme index from every stored text; send back seconds, mentions, memory."""
    from voiceapp.reports.services.mentions import rebuild_mentions
    app = make_app(url, schema)
    with app.app_context():
        started = time.perf_counter()
        counted = rebuild_mentions()
        queue.put({"seconds": time.perf_counter() - started, "mentions": counted, "peak_mb": _peak_mb()})


def floor(url, schema, queue):
    """In a fresh process: the raw-SQL floor, run twice so both it and the report meet a warm cache."""
    import report_floor
    run = (lambda: report_floor.run_sqlite(url.removeprefix("sqlite:///"))) if url.startswith("sqlite") else \
        (lambda: report_floor.run_postgresql(url, schema))
    run()
    queue.put(run())


def _reporting(target, *args):
    """Run target in this (child) process; a failure is sent back rather than leaving the parent waiting."""
    queue = args[-1]
    try:
        target(*args)
    except Exception as error:  # noqa: BLE001 (printed by the parent, which then stops)
        queue.put(error)
        raise


def _in_process(target, *args):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_reporting, args=(target, *args, queue))
    process.start()
    result = queue.get()
    process.join()
    if isinstance(result, Exception):
        raise SystemExit(f"benchmark step {target.__name__} failed: {result!r}")
    return result


def measure(db_name, scale, workdir, reuse=False, rebuild=False):
    url, schema = prepare(db_name, scale, workdir, reuse)
    if rebuild:
        i = _in_process(index, url, schema)
        print(f"  {db_name} {int(scale * 100)}%: theme index rebuilt in {i['seconds']:.1f} s ({i['mentions']:,} "
              f"mentions, peak memory {i['peak_mb']:.0f} MB)", flush=True)
    least = _in_process(floor, url, schema)
    f = _in_process(build, url, schema)
    print(f"  {db_name} {int(scale * 100)}%: report built in {f['built']:.2f} s, peak memory {f['built_mb']:.0f} MB "
          f"({f['people']} young people took part)\n"
          f"    then rendered: JSON {f['json']:.2f} s, CSV {f['csv']:.2f} s, HTML with charts {f['html']:.2f} s, "
          f"PDF {f['pdf']:.2f} s; peak memory with the PDF {f['peak_mb']:.0f} MB\n"
          f"    raw-SQL floor (the same aggregates, hand-written SQL, bare driver): {least:.2f} s; "
          f"the report took {f['built'] / least:.1f}x the floor", flush=True)
    return f["built"]


def main():
    global PG_URL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--keep", metavar="DIR", help="keep the SQLite files in DIR (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="with --keep (SQLite) or on PostgreSQL: use the data "
                        "set an earlier run left instead of generating it again")
    parser.add_argument("--rebuild-index", action="store_true", help="also time a rebuild of the theme index "
                        "(flask reports rebuild-themes) in a fresh process")
    parser.add_argument("--pg-url", default=PG_URL, help="PostgreSQL database to use (default: "
                        "VOICEAPP_TEST_DATABASE_URL, else the local test database)")
    args = parser.parse_args()
    PG_URL = args.pg_url
    databases = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    with tempfile.TemporaryDirectory(prefix="voiceapp-bench-") as workdir:
        workdir = args.keep or workdir
        for db_name in databases:
            times = {scale: measure(db_name, scale, workdir, args.reuse, args.rebuild_index) for scale in args.scales}
            if len(times) > 1:
                low, high = min(times), max(times)
                print(f"  {db_name}: {high / low:.0f}x the data took {times[high] / times[low]:.1f}x the time")


if __name__ == "__main__":
    main()
