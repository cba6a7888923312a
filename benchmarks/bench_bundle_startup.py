"""Start to first painted frame: the PyInstaller bundle against the source install.

Each run is a fresh process (offscreen Qt, 1280x800, the simulated stove, a kitchen database
made by a warm-up run) timed from just before it is spawned to its first painted plot frame,
which the app reports on stderr with ``HEARTH_FIRST_PAINT=exit`` (kitchen_ui/ui/plot.py) and
then quits. Both read the same monotonic clock. The two kinds take turns so a busy moment
hits both alike; medians and the bundle/source ratio are printed with the machine.

The bundle is dist/kitchen-ui/ from packaging/build.py (built first if missing or stale), or
``--bundle DIR``. Usage: python benchmarks/bench_bundle_startup.py [--runs N] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
FIRST_PAINT_ENV, FIRST_PAINT_MARK = "HEARTH_FIRST_PAINT", "hearth-first-paint"   # kitchen_ui/ui/plot.py
TIMEOUT_S = 120.0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                   if line.lower().startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (f"machine: {cpu}, {os.cpu_count()} cores, load {load}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; Qt platform {os.environ['QT_QPA_PLATFORM']}")


def first_paint_s(cmd: list[str], home: Path) -> float:
    env = dict(os.environ, **{FIRST_PAINT_ENV: "exit", "HOME": str(home),
                              "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")})
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=home, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    found = re.search(rf"{FIRST_PAINT_MARK} ([0-9.]+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise RuntimeError(f"{cmd[0]} exited {proc.returncode} without a first paint:\n{proc.stderr[-2000:]}")
    return float(found.group(1)) - start


def ensure_bundle() -> Path:
    res = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-deb"], cwd=ROOT,
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"packaging/build.py failed:\n{res.stdout[-2000:]}{res.stderr[-4000:]}")
    print(res.stdout.strip().splitlines()[-1])
    return ROOT / "dist" / "kitchen-ui"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="runs of each kind (default 7)")
    ap.add_argument("--bundle", type=Path, help="an existing app folder (default: build dist/kitchen-ui/)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    bundle = (args.bundle or ensure_bundle()).resolve()
    exe = bundle / "kitchen-ui"
    if not exe.is_file():
        ap.error(f"{exe} does not exist")

    print(machine())
    with tempfile.TemporaryDirectory(prefix="hearth-bundle-start-") as folder:
        home = Path(folder)
        db = str(home / "kitchen.sqlite3")
        common = ["--size", "1280x800", "--db", db]
        kinds = {"source": [sys.executable, "-m", "kitchen_ui", *common], "bundle": [str(exe), *common]}
        # warm-up: creates the database, fills the file cache; the bundle's first start is shown
        first = {k: first_paint_s(cmd, home) for k, cmd in kinds.items()}
        times: dict[str, list[float]] = {k: [] for k in kinds}
        for _ in range(args.runs):
            for kind, cmd in kinds.items():
                times[kind].append(first_paint_s(cmd, home))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"start to first painted frame, median of {args.runs} warm starts (min-max), first start in brackets:")
    for kind, v in times.items():
        print(f"  {kind:7} {med[kind]:5.2f} s  ({min(v):.2f}-{max(v):.2f})  [first {first[kind]:.2f} s]")
    print(f"bundle / source: {med['bundle'] / med['source']:.2f}x  ({med['bundle'] - med['source']:+.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
