"""Start to first painted frame: ``python -m kitchen_ui`` next to a bare PySide6 window.

Each run is a fresh process (offscreen Qt) timed from just before it is spawned to the moment
its first frame is painted, read from the process's own monotonic clock (the same clock for
every process on Linux):

* bare:            a QWidget of the same size, nothing else imported;
* bare+pyqtgraph:  the same after ``import numpy, pyqtgraph`` (what any pyqtgraph app pays);
* Hearth:          ``python -m kitchen_ui`` as a cook starts it (simulated stove, the whole
                   dashboard, an existing kitchen database: a temporary one, made by a warm-up
                   run), with ``HEARTH_FIRST_PAINT=exit``: the plot reports its first paint and
                   the app quits (kitchen_ui/ui/plot.py).

Then the whole process, as a user's ``--screenshot`` run does it: start, the first frame painted
and saved as PNG, exit (timed from spawn to exit), next to a bare pyqtgraph window (a PlotWidget
with a curve, same size) that does the same. Then what opening the kitchen database costs
(importing sqlite-utils, which scans every installed package for its plugins, opening the file,
checking it and its migrations), timed in a process that has numpy already: the dashboard does
it on a worker thread once the first frame is painted, and waits for it before it exits.

The kinds take turns, so a busy moment on the machine hits all of them alike. Medians are
printed with ratios, then where one start's import time goes, by package. The runs may write
bytecode caches (``__pycache__``, even where ``PYTHONDONTWRITEBYTECODE`` is set): an installed
Hearth has its modules compiled, and a source tree that recompiled all of them on every start
would be measured at ~0.1 s more than any user sees.

Targets: Hearth's first frame within 1.0 s of the bare window + pyqtgraph and under 3x it; the
whole process within 1.3x the bare pyqtgraph window's. Exit code 1 if one is missed.
Usage: python benchmarks/bench_startup.py [--runs N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
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
from kitchen_ui.ui.plot import FIRST_PAINT_ENV, FIRST_PAINT_MARK  # noqa: E402

OWN_COST_LIMIT_S = 1.0
RATIO_LIMIT = 3.0
WHOLE_RATIO_LIMIT = 1.3
TIMEOUT_S = 60.0

BARE = f"""
import sys, time
{{extra}}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Window(QWidget):
    painted = False
    def paintEvent(self, ev):
        super().paintEvent(ev)
        if not self.painted:
            self.painted = True
            print("{FIRST_PAINT_MARK} %.6f" % time.monotonic(), file=sys.stderr, flush=True)
            QTimer.singleShot(0, QApplication.quit)

app = QApplication(sys.argv)
w = Window()
w.resize(1280, 800)
w.show()
app.exec()
"""

# the whole-process twin of ``--screenshot``: show, first frame saved as PNG, exit
BARE_SHOT = """
import sys
import numpy
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv)
w = pg.PlotWidget()
w.plot(numpy.arange(600.0), 20 + numpy.arange(600.0) / 10)
w.resize(1280, 800)
w.show()

def done():
    if not w.grab().save(sys.argv[1], "PNG"):
        sys.exit("cannot save " + sys.argv[1])
    app.exit(0)

QTimer.singleShot(1, done)
app.exec()
"""

DB_OPEN = """
import sys, time
import numpy  # pyqtgraph imports it anyway; only what the database adds is timed
t0 = time.perf_counter()
import sqlite_utils  # noqa: F401  (open_db imports it on first use; timed with the import here)
from kitchen_ui.storage.database import open_db
t1 = time.perf_counter()
open_db(sys.argv[1]).close()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def kinds(db: Path) -> dict[str, list[str]]:
    return {
        "bare": [sys.executable, "-c", BARE.format(extra="")],
        "bare+pyqtgraph": [sys.executable, "-c", BARE.format(extra="import numpy, pyqtgraph")],
        # a kitchen database of its own (never the user's), created by the warm-up run
        "Hearth": [sys.executable, "-m", "kitchen_ui", "--size", "1280x800", "--db", str(db)],
    }


def first_paint_s(cmd: list[str]) -> tuple[float, str]:
    """Seconds from spawning ``cmd`` to its first paint, and its stderr."""
    env = child_env(**{FIRST_PAINT_ENV: "exit"})
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    found = re.search(rf"{FIRST_PAINT_MARK} ([0-9.]+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise RuntimeError(f"{' '.join(cmd[:3])}... exited {proc.returncode} without a first paint:\n"
                           f"{proc.stderr[-2000:]}")
    return float(found.group(1)) - start, proc.stderr


def whole_kinds(db: Path, folder: Path) -> dict[str, list[str]]:
    return {
        "bare pyqtgraph": [sys.executable, "-c", BARE_SHOT, str(folder / "bare.png")],
        "Hearth": [sys.executable, "-m", "kitchen_ui", "--size", "1280x800", "--db", str(db),
                   "--screenshot", str(folder / "hearth.png"), "--run-for", "0.001"],
    }


def whole_process_s(cmd: list[str], png: Path) -> float:
    """Seconds from spawning ``cmd`` to its exit, having written ``png``."""
    png.unlink(missing_ok=True)
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=TIMEOUT_S)
    took = time.monotonic() - start
    if proc.returncode != 0 or not png.is_file():
        raise RuntimeError(f"{' '.join(cmd[:3])}... exited {proc.returncode} without writing {png}:\n"
                           f"{proc.stderr[-2000:]}")
    return took


def database_open_s(db: Path) -> tuple[float, float]:
    """(import of the database module with sqlite-utils, open_db of an existing file), in seconds."""
    proc = subprocess.run([sys.executable, "-c", DB_OPEN, str(db)], cwd=ROOT, env=child_env(),
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    if proc.returncode != 0:
        raise RuntimeError(f"opening the database failed:\n{proc.stderr[-2000:]}")
    imported, opened = (float(x) for x in proc.stdout.split())
    return imported, opened


def import_shares(cmd: list[str], top: int = 9) -> list[tuple[float, str]]:
    """Seconds of import per top-level package in one real start (``python -X importtime``)."""
    _s, stderr = first_paint_s(cmd[:1] + ["-X", "importtime"] + cmd[1:])
    per_package: dict[str, float] = {}
    for line in stderr.splitlines():
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[0].split(":")[1].strip().isdigit():
            package = parts[2].strip().split(".")[0].lstrip("_")
            package = {"shiboken6": "PySide6", "shibokensupport": "PySide6"}.get(package, package)
            per_package[package] = per_package.get(package, 0.0) + int(parts[0].split(":")[1]) / 1e6
    return sorted(((v, k) for k, v in per_package.items()), reverse=True)[:top]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=None, help="runs of each kind (default 7, quick 3)")
    ap.add_argument("--quick", action="store_true", help="3 runs each, no import listing")
    args = ap.parse_args()
    runs = args.runs if args.runs is not None else (3 if args.quick else 7)
    if runs < 1:
        ap.error("--runs must be at least 1")

    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="hearth-start-") as name:
        folder = Path(name)
        db = folder / "kitchen.sqlite3"
        commands = kinds(db)
        first_paint_s(commands["Hearth"])     # creates the database, warms the file cache, compiles
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for kind, cmd in commands.items():
                times[kind].append(first_paint_s(cmd)[0])
        whole = whole_kinds(db, folder)
        pngs = {kind: Path(cmd[-1] if kind != "Hearth" else cmd[cmd.index("--screenshot") + 1])
                for kind, cmd in whole.items()}
        whole_process_s(whole["bare pyqtgraph"], pngs["bare pyqtgraph"])      # warm-up
        whole_times: dict[str, list[float]] = {k: [] for k in whole}
        db_times: list[tuple[float, float]] = []
        for _ in range(runs):
            for kind, cmd in whole.items():
                whole_times[kind].append(whole_process_s(cmd, pngs[kind]))
            db_times.append(database_open_s(db))
        shares = [] if args.quick else import_shares(commands["Hearth"])
    med = {k: statistics.median(v) for k, v in times.items()}
    whole_med = {k: statistics.median(v) for k, v in whole_times.items()}

    print(f"start to first painted frame, 1280x800 offscreen, median of {runs} (min-max):")
    for kind, v in times.items():
        print(f"  {kind:15} {med[kind]:6.2f} s  ({min(v):.2f}-{max(v):.2f})  {med[kind] / med['bare']:4.1f}x bare")
    own = med["Hearth"] - med["bare+pyqtgraph"]
    ratio = med["Hearth"] / med["bare+pyqtgraph"]
    print(f"Hearth's own cost over a bare pyqtgraph window: {own:.2f} s ({ratio:.1f}x)")
    whole_ratio = whole_med["Hearth"] / whole_med["bare pyqtgraph"]
    print(f"whole process (start, first frame saved with --screenshot, exit), 1280x800 offscreen, "
          f"median of {runs}, taking turns (min-max):")
    for kind, v in whole_times.items():
        print(f"  {kind:15} {whole_med[kind]:6.2f} s  ({min(v):.2f}-{max(v):.2f})")
    print(f"Hearth / bare pyqtgraph window: {whole_ratio:.2f}x (target {WHOLE_RATIO_LIMIT:g}x)")
    db_import = statistics.median(t[0] for t in db_times)
    db_open = statistics.median(t[1] for t in db_times)
    print(f"opening the kitchen database (on a worker thread after the first frame), median of {runs}: {db_import + db_open:.3f} s "
          f"(import with sqlite-utils and its plugin scan {db_import:.3f} s, open_db {db_open:.3f} s)")
    if shares:
        print("Hearth's imports by package (one start under -X importtime, which inflates them a little):")
        print("  " + ", ".join(f"{name} {seconds:.2f} s" for seconds, name in shares))

    failures = []
    if own > OWN_COST_LIMIT_S:
        failures.append(f"Hearth adds {own:.2f} s to a bare pyqtgraph window (limit {OWN_COST_LIMIT_S:g} s)")
    if ratio > RATIO_LIMIT:
        failures.append(f"Hearth starts {ratio:.1f}x slower than a bare pyqtgraph window (limit {RATIO_LIMIT:g}x)")
    if whole_ratio > WHOLE_RATIO_LIMIT:
        failures.append(f"Hearth's whole --screenshot run takes {whole_ratio:.2f}x a bare pyqtgraph window's "
                        f"(limit {WHOLE_RATIO_LIMIT:g}x)")
    if failures:
        print("TARGET MISSED:\n  " + "\n  ".join(failures))
        return 1
    print(f"targets met: first frame within {OWN_COST_LIMIT_S:g} s and {RATIO_LIMIT:g}x of a bare pyqtgraph "
          f"window, the whole process within {WHOLE_RATIO_LIMIT:g}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
