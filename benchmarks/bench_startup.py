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

The kinds take turns, so a busy moment on the machine hits all of them alike. Medians are
printed with ratios, then where one start's import time goes, by package.

Target: Hearth's first frame within 1.0 s of the bare window + pyqtgraph (its own imports,
stove and window) and under 3x it. Exit code 1 if missed.
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

def kinds(db: Path) -> dict[str, list[str]]:
    return {
        "bare": [sys.executable, "-c", BARE.format(extra="")],
        "bare+pyqtgraph": [sys.executable, "-c", BARE.format(extra="import numpy, pyqtgraph")],
        # a kitchen database of its own (never the user's), created by the warm-up run
        "Hearth": [sys.executable, "-m", "kitchen_ui", "--size", "1280x800", "--db", str(db)],
    }


def first_paint_s(cmd: list[str]) -> tuple[float, str]:
    """Seconds from spawning ``cmd`` to its first paint, and its stderr."""
    env = dict(os.environ, **{FIRST_PAINT_ENV: "exit"})
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    found = re.search(rf"{FIRST_PAINT_MARK} ([0-9.]+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise RuntimeError(f"{' '.join(cmd[:3])}... exited {proc.returncode} without a first paint:\n"
                           f"{proc.stderr[-2000:]}")
    return float(found.group(1)) - start, proc.stderr


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
    with tempfile.TemporaryDirectory(prefix="hearth-start-") as folder:
        commands = kinds(Path(folder) / "kitchen.sqlite3")
        first_paint_s(commands["Hearth"])     # creates the database and warms the file cache
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for kind, cmd in commands.items():
                times[kind].append(first_paint_s(cmd)[0])
        shares = [] if args.quick else import_shares(commands["Hearth"])
    med = {k: statistics.median(v) for k, v in times.items()}

    print(f"start to first painted frame, 1280x800 offscreen, median of {runs} (min-max):")
    for kind, v in times.items():
        print(f"  {kind:15} {med[kind]:6.2f} s  ({min(v):.2f}-{max(v):.2f})  {med[kind] / med['bare']:4.1f}x bare")
    own = med["Hearth"] - med["bare+pyqtgraph"]
    ratio = med["Hearth"] / med["bare+pyqtgraph"]
    print(f"Hearth's own cost over a bare pyqtgraph window: {own:.2f} s ({ratio:.1f}x)")
    if shares:
        print("Hearth's imports by package (one start under -X importtime, which inflates them a little):")
        print("  " + ", ".join(f"{name} {seconds:.2f} s" for seconds, name in shares))

    failures = []
    if own > OWN_COST_LIMIT_S:
        failures.append(f"Hearth adds {own:.2f} s to a bare pyqtgraph window (limit {OWN_COST_LIMIT_S:g} s)")
    if ratio > RATIO_LIMIT:
        failures.append(f"Hearth starts {ratio:.1f}x slower than a bare pyqtgraph window (limit {RATIO_LIMIT:g}x)")
    if failures:
        print("TARGET MISSED:\n  " + "\n  ".join(failures))
        return 1
    print(f"target met: within {OWN_COST_LIMIT_S:g} s and {RATIO_LIMIT:g}x of a bare pyqtgraph window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
