"""Kitchen database: writing telemetry in batches, loading a long session, size per hour.

Prints, for this machine:
1. telemetry rows (one per zone per telemetry message) written per second by the
   SessionRecorder, committed in batches of one second of telemetry (10 messages, 60 rows)
   as the dashboard does — target above 100,000 rows/s;
2. the time to load a 2-hour 6-zone session (432,000 rows) with its events and steps into
   numpy arrays for the history plot (median of 5) — target under 300 ms;
3. the database size per hour of 6-zone cooking at 10 Hz.

Usage: python benchmarks/bench_db.py [--hours H] [--zones N]
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kitchen_ui.core.model import StoveEvent, StoveState, ZoneState  # noqa: E402
from kitchen_ui.storage.database import open_db  # noqa: E402
from kitchen_ui.storage.recorder import SessionRecorder  # noqa: E402
from kitchen_ui.storage.sessions import load_session  # noqa: E402

HZ = 10


def telemetry(hours: float, zones: int) -> list[StoveState]:
    """Plausible telemetry: each zone heats, holds, and cools with a little noise."""
    n = int(hours * 3600 * HZ)
    out = []
    for i in range(n):
        t = i / HZ
        zs = []
        for z in range(zones):
            temp = 20 + 80 * (1 - math.exp(-t / (300 + 60 * z))) + 0.3 * math.sin(t * 0.7 + z)
            zs.append(ZoneState(id=z, mode="target", level=5, target_c=100.0, temp_c=round(temp, 2),
                                pan_temp_c=round(temp + 4, 2), power_w=round(800 + 50 * z, 1),
                                energy_wh=round(t * 0.22 * (z + 1), 3), pan=True))
        out.append(StoveState(t=round(t, 3), zones=tuple(zs), seq=i + 1))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--zones", type=int, default=6)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {__import__('sqlite3').sqlite_version}")
    states = telemetry(args.hours, args.zones)
    rows = len(states) * args.zones
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        open_db(path).close()
        empty_size = path.stat().st_size

        rec = SessionRecorder(path, None, title="bench", flush_interval_s=3600)   # flushed by hand below
        sid = rec.start()
        batch = HZ                       # one second of telemetry per commit, as in the app
        t0 = time.perf_counter()
        for i, st in enumerate(states, start=1):
            rec.record_state(st)
            if i % 600 == 0:
                rec.record_event(StoveEvent(t=st.t, kind="pan_detected", zone=0, message="pan detected"))
            if i % batch == 0:
                rec.flush()
        rec.flush()
        write_s = time.perf_counter() - t0
        rec.stop()
        print(f"1. write: {rows:,} rows ({len(states):,} telemetry messages x {args.zones} zones) in "
              f"{len(states) // batch:,} batches of {batch * args.zones} rows: {write_s:.2f} s = "
              f"{rows / write_s:,.0f} rows/s (target > 100,000)")

        with open_db(path) as kdb:
            kdb.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                data = load_session(kdb, sid)
                times.append(time.perf_counter() - t0)
            loaded = sum(len(a) for a in data.zones.values())
            assert loaded == rows, (loaded, rows)
        print(f"2. load a {args.hours:g} h {args.zones}-zone session for the history plot ({loaded:,} rows, "
              f"{len(data.events)} events): median {statistics.median(times) * 1000:.0f} ms, "
              f"best {min(times) * 1000:.0f} ms (target < 300 ms)")

        size = path.stat().st_size - empty_size
        print(f"3. size: {size / 1e6:.1f} MB for {args.hours:g} h = {size / 1e6 / args.hours:.1f} MB per hour of "
              f"{args.zones}-zone cooking at {HZ} Hz ({size / rows:.1f} bytes a row)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
