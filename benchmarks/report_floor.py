"""The raw-SQL floor for benchmarks/report.py: the report's aggregates as hand-written SQL, run through the bare
database driver with no application code (no models, no suppression, no rendering), so the report's time can
be read against the least the database itself needs for the same counts."""
import sqlite3
import time
from datetime import datetime, timezone

PERIOD = (datetime(2026, 3, 31, 23, 0, tzinfo=timezone.utc), datetime(2026, 9, 30, 23, 0, tzinfo=timezone.utc))
PREVIOUS = (datetime(2025, 9, 30, 23, 0, tzinfo=timezone.utc), datetime(2026, 3, 31, 23, 0, tzinfo=timezone.utc))

PARTICIPATION = """
WITH contact AS (
  SELECT young_person_id AS yp, channel, 'promise_check' AS act FROM promise_checks
   WHERE submitted_at >= :s AND submitted_at < :e
  UNION ALL SELECT young_person_id, channel, 'tell_us' FROM messages WHERE received_at >= :s AND received_at < :e
  UNION ALL SELECT young_person_id, channel, 'survey' FROM survey_responses
   WHERE submitted_at IS NOT NULL AND submitted_at >= :s AND submitted_at < :e),
people AS (
  SELECT yp, MAX(CASE WHEN channel = 'web' THEN 1 ELSE 0 END) AS web,
         MAX(CASE WHEN channel = 'sms' THEN 1 ELSE 0 END) AS sms, MAX(CASE WHEN channel = 'voice' THEN 1 ELSE 0 END) AS voice,
         MAX(CASE WHEN act = 'promise_check' THEN 1 ELSE 0 END) AS pc, MAX(CASE WHEN act = 'tell_us' THEN 1 ELSE 0 END) AS tu,
         MAX(CASE WHEN act = 'survey' THEN 1 ELSE 0 END) AS sv
    FROM contact GROUP BY yp)
SELECT 'person', y.cohort, y.age_band, COUNT(*), SUM(web), SUM(sms), SUM(voice), SUM(pc), SUM(tu), SUM(sv)
  FROM people p JOIN young_people y ON y.id = p.yp GROUP BY y.cohort, y.age_band
UNION ALL
SELECT 'group', g."group", NULL, COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL
  FROM people p JOIN young_person_voice_groups g ON g.young_person_id = p.yp GROUP BY g."group"
"""

LATEST = """latest AS (SELECT young_person_id AS yp, MAX(submitted_at) AS at FROM promise_checks
                      WHERE submitted_at >= :s AND submitted_at < :e GROUP BY young_person_id),
rated AS (SELECT c.young_person_id AS yp, r.promise_id, r.rating FROM latest l
            JOIN promise_checks c ON c.young_person_id = l.yp AND c.submitted_at = l.at
            JOIN promise_ratings r ON r.check_id = c.id)"""

RATINGS = f"WITH {LATEST} SELECT promise_id, rating, COUNT(*) FROM rated GROUP BY promise_id, rating"

# This period's ratings by promise and by group, from one reading of the latest checks.
RATINGS_AND_GROUPS = f"""WITH {LATEST},
people AS (SELECT r.yp, y.cohort, y.age_band FROM rated r JOIN young_people y ON y.id = r.yp
            GROUP BY r.yp, y.cohort, y.age_band),
answers AS (SELECT r.yp, r.promise_id, r.rating, p.cohort, p.age_band FROM rated r JOIN people p ON p.yp = r.yp)
SELECT 'promise', CAST(promise_id AS VARCHAR(40)), rating, COUNT(*) FROM answers GROUP BY promise_id, rating
UNION ALL SELECT 'cohort', cohort, rating, COUNT(*) FROM answers GROUP BY cohort, rating
UNION ALL SELECT 'age', age_band, rating, COUNT(*) FROM answers GROUP BY age_band, rating
UNION ALL SELECT 'group', g."group", a.rating, COUNT(*) FROM answers a
  JOIN young_person_voice_groups g ON g.young_person_id = a.yp GROUP BY g."group", a.rating
UNION ALL SELECT 'people cohort', cohort, NULL, COUNT(*) FROM people GROUP BY cohort
UNION ALL SELECT 'people age', age_band, NULL, COUNT(*) FROM people GROUP BY age_band
UNION ALL SELECT 'people group', g."group", NULL, COUNT(*) FROM people p
  JOIN young_person_voice_groups g ON g.young_person_id = p.yp GROUP BY g."group"
"""

INFORMATION = """
WITH latest AS (SELECT young_person_id AS yp, MAX(submitted_at) AS at FROM promise_checks
                 WHERE submitted_at >= :s AND submitted_at < :e AND promise_information IS NOT NULL
                 GROUP BY young_person_id)
SELECT c.promise_information, COUNT(DISTINCT c.young_person_id) FROM latest l
  JOIN promise_checks c ON c.young_person_id = l.yp AND c.submitted_at = l.at
 WHERE c.promise_information IS NOT NULL GROUP BY c.promise_information
"""

RAISED = """raised AS (
  SELECT 'tell_us' AS source, m.id AS item, m.young_person_id AS yp, t.priority_id FROM messages m
    JOIN message_themes t ON t.message_id = m.id WHERE m.received_at >= :s AND m.received_at < :e
  UNION SELECT source, COALESCE(message_id, rating_id, answer_id), young_person_id, priority_id FROM theme_mentions
   WHERE said_at >= :s AND said_at < :e)"""

THEMES = f"""WITH {RAISED},
pairs AS (SELECT r.priority_id, r.yp, y.cohort, y.age_band FROM (SELECT priority_id, yp FROM raised
            GROUP BY priority_id, yp) r JOIN young_people y ON y.id = r.yp)
SELECT 'source', priority_id, source, COUNT(*) FROM raised GROUP BY priority_id, source
UNION ALL SELECT 'people', priority_id, NULL, COUNT(*) FROM pairs GROUP BY priority_id
UNION ALL SELECT 'cohort', priority_id, cohort, COUNT(*) FROM pairs GROUP BY priority_id, cohort
UNION ALL SELECT 'age', priority_id, age_band, COUNT(*) FROM pairs GROUP BY priority_id, age_band
UNION ALL SELECT 'group', p.priority_id, g."group", COUNT(*) FROM pairs p
  JOIN young_person_voice_groups g ON g.young_person_id = p.yp GROUP BY p.priority_id, g."group"
"""

# Last period's mentions only: the report compares times raised, not who raised them.
THEMES_BEFORE = f"WITH {RAISED} SELECT priority_id, source, COUNT(*) FROM raised GROUP BY priority_id, source"

TELL_US = """
SELECT 'kind', kind, COUNT(*) FROM messages WHERE received_at >= :s AND received_at < :e GROUP BY kind
UNION ALL SELECT 'not kept', CAST(promise_id AS VARCHAR(40)), COUNT(*) FROM messages
 WHERE received_at >= :s AND received_at < :e AND kind = 'promise_not_kept' AND promise_id IS NOT NULL GROUP BY promise_id
UNION ALL SELECT 'outcome', outcome, COUNT(*) FROM messages
 WHERE received_at >= :s AND received_at < :e AND outcome IS NOT NULL GROUP BY outcome
UNION ALL SELECT 'satisfaction', answer, COUNT(*) FROM satisfaction_answers
 WHERE created_at >= :s AND created_at < :e GROUP BY answer
UNION ALL SELECT 'praise passed on', NULL, COUNT(*) FROM praise_passed_on WHERE passed_at >= :s AND passed_at < :e
"""

TIMELINESS = """
SELECT 'ack', {day}(received_at), {day}(acknowledged_at), COUNT(*) FROM messages
 WHERE received_at >= :s AND received_at < :e GROUP BY {day}(received_at), {day}(acknowledged_at)
UNION ALL SELECT 'answer', {day}(received_at), {day}(responded_at), COUNT(*) FROM messages
 WHERE received_at >= :s AND received_at < :e GROUP BY {day}(received_at), {day}(responded_at)
"""

DUE = """
SELECT SUM(CASE WHEN acknowledged_at IS NOT NULL AND acknowledged_at <= ack_due_at THEN 1 ELSE 0 END),
       SUM(CASE WHEN (acknowledged_at IS NOT NULL AND acknowledged_at > ack_due_at)
                  OR (acknowledged_at IS NULL AND ack_due_at < :e) THEN 1 ELSE 0 END),
       SUM(CASE WHEN responded_at IS NOT NULL AND responded_at <= response_due_at THEN 1 ELSE 0 END),
       SUM(CASE WHEN (responded_at IS NOT NULL AND responded_at > response_due_at)
                  OR (responded_at IS NULL AND response_due_at < :e) THEN 1 ELSE 0 END), COUNT(*)
  FROM messages WHERE received_at >= :s AND received_at < :e
"""

SURVEYS = """
WITH a AS (SELECT s.id, s.question_id, s.value_int, r.young_person_id AS yp, y.cohort, y.age_band
             FROM survey_answers s JOIN survey_responses r ON r.id = s.response_id
             JOIN young_people y ON y.id = r.young_person_id
            WHERE r.submitted_at IS NOT NULL AND r.submitted_at >= :s AND r.submitted_at < :e),
ticked AS (SELECT a.question_id, a.yp, a.cohort, a.age_band, c.option FROM a
             JOIN survey_answer_choices c ON c.answer_id = a.id),
grouped AS (SELECT a.question_id, a.value_int, g."group" FROM a JOIN young_person_voice_groups g
              ON g.young_person_id = a.yp)
SELECT 'values', question_id, cohort, value_int, COUNT(*) FROM a WHERE value_int IS NOT NULL
 GROUP BY question_id, cohort, value_int
UNION ALL SELECT 'choices', question_id, cohort, option, COUNT(*) FROM ticked GROUP BY question_id, cohort, option
UNION ALL SELECT 'answered', question_id, cohort, NULL, COUNT(*) FROM a GROUP BY question_id, cohort
UNION ALL SELECT 'age values', question_id, age_band, value_int, COUNT(*) FROM a WHERE value_int IS NOT NULL
 GROUP BY question_id, age_band, value_int
UNION ALL SELECT 'age choices', question_id, age_band, option, COUNT(*) FROM ticked
 GROUP BY question_id, age_band, option
UNION ALL SELECT 'age answered', question_id, age_band, NULL, COUNT(*) FROM a GROUP BY question_id, age_band
UNION ALL SELECT 'group values', question_id, "group", value_int, COUNT(*) FROM grouped WHERE value_int IS NOT NULL
 GROUP BY question_id, "group", value_int
UNION ALL SELECT 'group choices', t.question_id, g."group", t.option, COUNT(*) FROM ticked t
  JOIN young_person_voice_groups g ON g.young_person_id = t.yp GROUP BY t.question_id, g."group", t.option
UNION ALL SELECT 'group answered', question_id, "group", NULL, COUNT(*) FROM grouped GROUP BY question_id, "group"
"""


def statements():
    """(SQL, period) pairs: the report's aggregates for this period and, where it compares, the last."""
    both = [(PARTICIPATION, PERIOD), (RATINGS_AND_GROUPS, PERIOD), (RATINGS, PREVIOUS),
            (INFORMATION, PERIOD), (INFORMATION, PREVIOUS), (THEMES, PERIOD), (THEMES_BEFORE, PREVIOUS),
            (TELL_US, PERIOD), (TIMELINESS.format(day="date"), PERIOD), (DUE, PERIOD), (SURVEYS, PERIOD),
            ("SELECT COUNT(*) FROM messages WHERE received_at >= :s AND received_at < :e", PREVIOUS)]
    return both


def _sqlite_time(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def run_sqlite(path):
    """Seconds for every statement, through the sqlite3 module."""
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    for sql, (start, end) in statements():
        connection.execute(sql, {"s": _sqlite_time(start), "e": _sqlite_time(end)}).fetchall()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def run_postgresql(url, schema):
    """Seconds for every statement, through psycopg (the same driver the app uses), in the benchmark's schema."""
    import psycopg
    with psycopg.connect(url, options=f"-csearch_path={schema}") as connection:
        started = time.perf_counter()
        for sql, (start, end) in statements():
            named = sql.replace(":s", "%(s)s").replace(":e", "%(e)s")
            connection.execute(named, {"s": start, "e": end}).fetchall()
        return time.perf_counter() - started
