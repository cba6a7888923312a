"""Kitchen database: how long opening takes with the integrity check, on a year of cooking.

Every open runs SQLite's ``PRAGMA quick_check`` over the whole file before anything is written
(kitchen_ui/storage/integrity.py). This builds a year-sized database and times:
1. ``open_db`` (check + migrations, as every command and the dashboard do) of a file just as
   Hearth left it, whose recorded telemetry a recent full check has covered — target under 0.3 s;
2. ``open_db`` that checks the whole file (the first open after a change from outside, a crash
   or a week; always in ``db check``) — shown, no target: it reads every page;
3. the rolling backup copy the dashboard makes once a day (in a thread).
All with the file in the page cache (a cold read from disk adds the disk's read time).

A year: ``--days`` (365) days of ``--hours`` (1) hour of cooking on a ``--zones`` (6) zone stove at
10 Hz, i.e. 365 sessions. One real hour is written through the SessionRecorder; the other
sessions are copies of its rows under new session ids (same row and page shapes, built in
seconds instead of the ~10 minutes the recorder would need). Runs in a temporary folder; needs
about twice the database's size in free disk space (the database and one backup).

Usage: python benchmarks/bench_db_check.py [--days N] [--hours H] [--zones Z] [--runs R] [--reuse FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_db import telemetry  # noqa: E402
from kitchen_ui.core.model import StoveEvent  # noqa: E402
from kitchen_ui.storage.backup import copy_database  # noqa: E402
from kitchen_ui.storage.database import open_db  # noqa: E402
from kitchen_ui.storage.integrity import check_file, forget  # noqa: E402
from kitchen_ui.storage.recorder import SessionRecorder  # noqa: E402

TARGET_OPEN_S = 0.3


def build_year(path: Path, days: int, hours: float, zones: int) -> None:
    open_db(path).close()
    rec = SessionRecorder(path, None, title="day 1", flush_interval_s=3600)
    first = rec.start()
    for i, st in enumerate(telemetry(hours, zones), start=1):
        rec.record_state(st)
        if i % 600 == 0:
            rec.record_event(StoveEvent(t=st.t, kind="pan_detected", zone=0, message="pan detected"))
        if i % 10 == 0:
            rec.flush()
    rec.stop()
    conn = sqlite3.connect(path)
    cols = "title, recipe_id, started_at, ended_at, stove_id, stove_model, zones, t_first, t_last, samples"
    for day in range(2, days + 1):
        with conn:
            sid = conn.execute(f"INSERT INTO sessions ({cols}) SELECT {cols} FROM sessions WHERE id = ?",
                               (first,)).lastrowid
            conn.execute("UPDATE sessions SET title = ? WHERE id = ?", (f"day {day}", sid))
            for table, rest in (("session_samples", "zone, seq, t_first, t_last, n, data"),
                                ("session_events", "t, kind, zone, message")):
                conn.execute(f"INSERT INTO {table} (session_id, {rest}) SELECT ?, {rest} FROM {table} "
                             "WHERE session_id = ?", (sid, first))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--hours", type=float, default=1.0, help="hours of cooking a day")
    ap.add_argument("--zones", type=int, default=6)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reuse", metavar="FILE", help="build the database here once and reuse it on later runs")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        path = Path(args.reuse) if args.reuse else Path(tmp) / "kitchen.sqlite3"
        if not path.exists():
            t0 = time.perf_counter()
            build_year(path, args.days, args.hours, args.zones)
            print(f"built {args.days} sessions x {args.hours:g} h x {args.zones} zones at 10 Hz in "
                  f"{time.perf_counter() - t0:.0f} s")
        size = path.stat().st_size
        print(f"database: {size / 1e9:.2f} GB")
        check_file(path)                                   # one read to warm the page cache
        quick, whole = [], []
        for _ in range(args.runs):
            forget(path)
            t0 = time.perf_counter()
            open_db(path).close()                          # whole file, then recorded as Hearth left it
            whole.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            open_db(path).close()
            quick.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        copy_database(path, Path(tmp) / "backup.sqlite3")
        copy_s = time.perf_counter() - t0
    ok = statistics.median(quick) < TARGET_OPEN_S
    print(f"1. open_db of the file as Hearth left it: median {statistics.median(quick) * 1000:.0f} ms, "
          f"best {min(quick) * 1000:.0f} ms (target < {TARGET_OPEN_S * 1000:.0f} ms)")
    print(f"2. open_db checking the whole file: median {statistics.median(whole):.2f} s, best {min(whole):.2f} s "
          f"({size / 1e6 / statistics.median(whole):,.0f} MB/s)")
    print(f"3. the daily backup copy: {copy_s:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
