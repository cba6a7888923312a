"""Memory over a long session: the dashboard's resident memory stays flat; nothing grows unbounded.

Two soaks, each printing resident memory (RSS) at intervals:

A. In this process, the app's own ``run_dashboard`` (window, plot, recipes, history and session
   recorder on a temporary kitchen database) on a simulated range-6 stove whose clock is moved by
   hand: telemetry goes through the whole path (stove signal, Qt bridge, history, cards, recorder)
   as fast as the window allows, half a stove second a message, while the plot redraws on its
   own timer. 12 stove hours (86,400 messages) fill every history tier several times over (the
   full-rate window, the 1 s buckets of the last two hours, the compacting whole-session tail);
   a cook changes zones every 20 minutes and switches everything off for a while every 3 hours,
   so stove events, notices and new recorded sessions come and go. Also counted: Python objects
   (``gc``), the history's arrays and the database file on disk (which is meant to grow).
B. ``python -m kitchen_ui --speed 500 --demo`` as a cook starts it (a subprocess, its own
   temporary database), its RSS read from /proc every few seconds: the real threads and timers
   at top simulator speed (8 stove hours in 60 s, but only 600 messages: B checks the real
   process, A the buffers). Its RSS settles after about 50 s (a 300 s run: 142.0 MB at 52 s,
   142.1 MB at 300 s).

Target: after a warm-up (the first quarter of soak A, the first half of soak B), RSS grows by at
most 8 MB to the end, and soak A's Python objects by at most 2 %. Exit code 1 if missed.
Usage: python benchmarks/bench_memory.py [--quick] [--hours H] [--app-seconds S]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import machine_line  # noqa: E402

STEP_S = 0.5                   # stove seconds a message in soak A
BATCH = 25                     # messages per event-loop turn (about 10 ms of work)
DRAIN_S = 0.8                  # pause before each sample: the recorder commits every 0.5 s
RSS_GROWTH_LIMIT_MB = 8.0
OBJECT_GROWTH_LIMIT = 0.02


def rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def growth(samples: list[tuple[float, float]], warmup_fraction: float) -> tuple[float, float, float]:
    """RSS after the warm-up, at the end, and the growth between (MB)."""
    start = next(rss for when, rss in samples if when >= warmup_fraction * samples[-1][0])
    return start, samples[-1][1], samples[-1][1] - start


# -- soak A: hours of telemetry through the app's own path ------------------------------------
class Cook:
    """Changes a zone every 20 stove minutes; everything off for 10 minutes every 3 hours."""

    def __init__(self, model) -> None:
        self.model = model
        self.rng = random.Random(3)
        self.next_change = 0.0

    def act(self, t: float) -> None:
        if t < self.next_change:
            return
        self.next_change = t + 1200.0
        if t % 10800.0 < 1200.0 and t > 1200.0:
            self.model.all_off()
            self.next_change = t + 600.0
            return
        zone = self.rng.randrange(len(self.model.zones))
        what = self.rng.random()
        if what < 0.5:
            self.model.set_level(zone, self.rng.randint(1, 9))
        elif what < 0.8:
            self.model.set_target(zone, float(self.rng.choice([60, 90, 120, 180])))
        else:
            self.model.zone_off(zone)


def soak_in_process(hours: float, intervals: int) -> tuple[list[tuple[float, float]], list[int], dict]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kitchen_ui.core.clock import ManualClock
    from kitchen_ui.sim.local import LocalStove
    from kitchen_ui.sim.profiles import load_profile
    from kitchen_ui.storage.database import open_db
    from kitchen_ui.ui.app import DashboardOptions, run_dashboard

    app = QApplication.instance() or QApplication([sys.argv[0]])
    stove = LocalStove(load_profile("range-6"), clock=ManualClock(), threaded=False)
    total = int(hours * 3600 / STEP_S)
    every = max(1, total // intervals)
    samples: list[tuple[float, float]] = []
    objects: list[int] = []
    info: dict = {}

    def prepare(window, model) -> None:
        cook = Cook(model)
        sent = [0]
        feeder = QTimer(window)

        def sample() -> None:
            gc.collect()
            samples.append((stove.clock.now() / 3600, rss_mb()))
            objects.append(len(gc.get_objects()))
            h = model.history
            print(f"  {samples[-1][0]:5.1f} h  {sent[0]:>8,} msgs  RSS {samples[-1][1]:6.1f} MB  "
                  f"objects {objects[-1]:>8,}  history {h.nbytes / 1e6:.1f} MB (tail bucket {h.tiers[-1].width:g} s)  "
                  f"database on disk {_disk_mb(info['db']):5.1f} MB", flush=True)
            if sent[0] >= total:
                info["seconds"] = time.perf_counter() - info["t0"] - info["paused"]
                info["paints"] = paints[0]
                app.quit()
            else:
                info["paused"] += DRAIN_S
                feeder.start(0)

        def feed() -> None:
            for _ in range(BATCH):
                cook.act(stove.clock.now())
                stove.advance(STEP_S)
                sent[0] += 1
                if sent[0] % every == 0 or sent[0] >= total:
                    # pause so the recorder writes what is queued: count what stays, not what is in flight
                    feeder.stop()
                    QTimer.singleShot(int(DRAIN_S * 1000), sample)
                    return

        paints = [0]
        window.plot.view.on_paint = lambda _ms: paints.__setitem__(0, paints[0] + 1)
        feeder.timeout.connect(feed)
        info["t0"], info["paused"] = time.perf_counter(), 0.0
        samples.append((0.0, rss_mb()))
        objects.append(len(gc.get_objects()))
        feeder.start(0)

    with tempfile.TemporaryDirectory(prefix="hearth-soak-") as folder:
        info["db"] = str(Path(folder) / "kitchen.sqlite3")
        kdb = open_db(info["db"])
        try:
            code = run_dashboard(stove, DashboardOptions(size=(1280, 800), kitchen_db=kdb), prepare=prepare)
        finally:
            kdb.close()
        info["sessions"] = _count_sessions(info["db"])
    info["code"] = code
    return samples, objects, info


def _disk_mb(path: str) -> float:
    """The database file with its write-ahead log."""
    files = (Path(path), Path(path + "-wal"))
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def _count_sessions(path: str) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


# -- soak B: the real app at top speed ------------------------------------------------------------
def soak_app(seconds: float, every: float) -> tuple[list[tuple[float, float]], dict]:
    with tempfile.TemporaryDirectory(prefix="hearth-soak-app-") as folder:
        cmd = [sys.executable, "-m", "kitchen_ui", "--speed", "500", "--demo", "--stats", "--run-for", f"{seconds:g}",
               "--db", str(Path(folder) / "kitchen.sqlite3")]
        errors = open(Path(folder) / "stderr.txt", "w+", encoding="utf-8")     # a pipe left unread could fill
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True)
        samples: list[tuple[float, float]] = []
        t0 = time.monotonic()
        time.sleep(2.5)                             # started and showing (RSS before that means nothing)
        while proc.poll() is None and time.monotonic() - t0 < seconds:     # not while it shuts down
            try:
                samples.append((time.monotonic() - t0, rss_mb(proc.pid)))
            except (OSError, ValueError, IndexError):
                break
            print(f"  {samples[-1][0]:5.0f} s  stove ~{samples[-1][0] * 500 / 3600:4.1f} h  RSS {samples[-1][1]:6.1f} MB",
                  flush=True)
            try:
                proc.wait(timeout=every)
            except subprocess.TimeoutExpired:
                pass
        out, _ = proc.communicate(timeout=60)
        errors.seek(0)
        err = errors.read()
        errors.close()
    stats = {}
    for line in out.splitlines():
        if line.startswith("{"):
            stats = json.loads(line)
    if proc.returncode != 0:
        stats["error"] = f"exit code {proc.returncode}: {err[-1500:]}"
    return samples, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="4 stove hours in soak A, 20 s of soak B")
    ap.add_argument("--hours", type=float, default=None, help="stove hours of soak A (default 12, quick 4)")
    ap.add_argument("--app-seconds", type=float, default=None, help="wall seconds of soak B (default 60, quick 20; 0 skips)")
    args = ap.parse_args()
    hours = args.hours if args.hours is not None else (4.0 if args.quick else 12.0)
    app_seconds = args.app_seconds if args.app_seconds is not None else (20.0 if args.quick else 60.0)
    if not hours >= 1.0:
        ap.error("--hours must be at least 1")
    if app_seconds and not app_seconds >= 10:
        ap.error("--app-seconds must be 0 (skip) or at least 10")
    print(machine_line())
    failures: list[str] = []

    print(f"A. the dashboard fed {hours:g} stove hours of telemetry through its own path "
          f"({int(hours * 3600 / STEP_S):,} messages, {STEP_S:g} s apart):")
    samples, objects, info = soak_in_process(hours, intervals=12)
    if info.get("code") != 0 or "seconds" not in info:
        print(f"   the dashboard did not run through (exit code {info.get('code')})")
        return 1
    start, end, grew = growth(samples, 0.25)
    i0 = next(i for i, (when, _rss) in enumerate(samples) if when >= 0.25 * samples[-1][0])
    obj_growth = objects[-1] / objects[i0] - 1
    after = 0.75 * hours * 3600 / STEP_S
    print(f"   {info['seconds']:.0f} s wall, {info['paints']:,} plot paints, {info['sessions']} recorded sessions; "
          f"RSS {samples[0][1]:.1f} MB at the start, {start:.1f} MB after the warm-up, {end:.1f} MB at the end "
          f"({grew:+.1f} MB, {max(0.0, grew) * 1e6 / after:.0f} bytes a message at most); "
          f"Python objects {obj_growth:+.2%} after the warm-up")
    if grew > RSS_GROWTH_LIMIT_MB:
        failures.append(f"soak A: RSS grew {grew:.1f} MB after the warm-up (limit {RSS_GROWTH_LIMIT_MB:g})")
    if obj_growth > OBJECT_GROWTH_LIMIT:
        failures.append(f"soak A: Python objects grew {obj_growth:.1%} after the warm-up (limit {OBJECT_GROWTH_LIMIT:.0%})")

    if app_seconds > 0:
        print(f"\nB. python -m kitchen_ui --speed 500 --demo for {app_seconds:g} s:")
        app_samples, stats = soak_app(app_seconds, every=max(1.0, app_seconds / 12))
        if "error" in stats or len(app_samples) < 3:
            failures.append(f"soak B: the app did not run through ({stats.get('error', 'too short to sample')})")
        else:
            start, end, grew = growth(app_samples, 1 / 2)
            print(f"   RSS {app_samples[0][1]:.1f} MB once started, {start:.1f} MB after the warm-up, {end:.1f} MB "
                  f"at the end ({grew:+.1f} MB); the app's --stats: {stats.get('frames')} frames, frame p99 "
                  f"{stats.get('frame_ms_p99')} ms, loop lag max {stats.get('loop_lag_ms_max')} ms")
            if grew > RSS_GROWTH_LIMIT_MB:
                failures.append(f"soak B: RSS grew {grew:.1f} MB after the warm-up (limit {RSS_GROWTH_LIMIT_MB:g})")

    if failures:
        print("TARGET MISSED:\n  " + "\n  ".join(failures))
        return 1
    print(f"target met: memory flat after the warm-up (RSS within {RSS_GROWTH_LIMIT_MB:g} MB, "
          f"objects within {OBJECT_GROWTH_LIMIT:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
