"""SQLite writer queue figures: how soon a waiting writer goes in after the one before it commits, and how long
one waits before giving up on the queue and falling back on SQLite's own busy wait.

Run from the repository root: `.venv/bin/python benchmarks/sqlite_writers.py [--rounds 200]`.
Prints figures; asserts nothing.
"""
import argparse
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voiceapp.sqlite_lock import QueuedWriterConnection  # noqa: E402


def writer(path, timeout):
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, factory=QueuedWriterConnection,
                           check_same_thread=False)


def hand_over_ms(path, rounds):
    """Milliseconds from the first writer's commit to the second writer holding the lock."""
    first, second = writer(path, 5), writer(path, 5)
    first.execute("CREATE TABLE IF NOT EXISTS t (x)")
    timings = []
    for _ in range(rounds):
        first.take_writer_lock()
        first.execute("BEGIN IMMEDIATE")
        first.execute("INSERT INTO t VALUES (1)")
        holding = threading.Event()
        waiter = threading.Thread(target=lambda: (second.take_writer_lock(), holding.set()))
        waiter.start()
        time.sleep(0.002)
        committed = time.perf_counter()
        first.commit()
        holding.wait()
        timings.append((time.perf_counter() - committed) * 1000)
        waiter.join()
        second.rollback()
    return sorted(timings)


def timeout_wait_ms(path, timeout):
    """Milliseconds a writer spends in the queue before it goes on to SQLite's own wait."""
    first, second = writer(path, 5), writer(path, timeout)
    first.take_writer_lock()
    started = time.perf_counter()
    second.take_writer_lock()
    waited = (time.perf_counter() - started) * 1000
    first.rollback()
    return waited


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "queue.sqlite")
        timings = hand_over_ms(path, args.rounds)
        p99 = timings[min(len(timings) - 1, int(0.99 * len(timings)))]
        print(f"hand-over after commit, {len(timings)} rounds: p50 {statistics.median(timings):.2f} ms, "
              f"p99 {p99:.2f} ms, max {timings[-1]:.2f} ms (target under 500 ms)")
        waited = timeout_wait_ms(path, 0.05)
        print(f"queue wait with a 50 ms timeout: {waited:.1f} ms before SQLite's own wait (target 50 to 1000 ms)")


if __name__ == "__main__":
    main()
