"""Dashboard plot with a long session: 6 zones at 10 samples/s for 12 hours.

Prints, for this machine (offscreen Qt, software rendering):
1. the bounded history: cost per telemetry sample and its memory, next to what the raw
   arrays of 12 h would take;
2. one redraw of the plot showing the whole 12 h session and the last 15 minutes: time to
   downsample all 12 curves, points drawn per pixel column, and the paint time (median of 50);
3. for comparison, pyqtgraph given the full 432,000-point arrays of the 6 temperature curves:
   the same setData + paint (one run; the field notes measured 120-390 ms).

Usage: python benchmarks/bench_dashboard_plot.py [--hours H]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

ZONES = 6
HZ = 10


def synthetic(hours: float) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(0, hours * 3600, 1 / HZ)
    rng = np.random.default_rng(1)
    temps = np.empty((len(t), ZONES), dtype=np.float64)
    for z in range(ZONES):
        temps[:, z] = 20 + (60 + 30 * z) * np.abs(np.sin(t / (900 + 300 * z))) + rng.normal(0, 0.3, len(t))
    temps[len(t) // 3, 2] = 290.0          # one spike that must survive downsampling
    return t, temps


def fill_history(history, t, temps) -> float:
    targets = [None] * ZONES
    start = time.perf_counter()
    for i in range(len(t)):
        history.append(t[i], temps[i].tolist(), targets)
    return time.perf_counter() - start


def paint_ms(view, n: int = 50) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        view.repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=12.0)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from kitchen_ui.core.clock import ManualClock
    from kitchen_ui.sim.local import LocalStove
    from kitchen_ui.sim.profiles import load_profile
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.stove_model import StoveModel

    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
    app = QApplication.instance() or QApplication([])
    stove = LocalStove(load_profile("range-6"), clock=ManualClock(), threaded=False)
    model = StoveModel(stove)
    window = MainWindow(model)
    window.resize(1280, 800)
    stove.start()
    window.show()
    app.processEvents()

    t, temps = synthetic(args.hours)
    h = model.history
    h.append(0.0, [None] * ZONES, [None] * ZONES)
    fill_s = fill_history(h, t + 0.05, temps)
    raw_mb = len(t) * (ZONES * 2 + 1) * 8 / 1e6
    print(f"1. history: {len(t):,} samples x {ZONES} zones in {fill_s:.1f} s "
          f"({1e6 * fill_s / len(t):.1f} us per telemetry sample); memory {h.nbytes / 1e6:.1f} MB "
          f"(fixed) vs {raw_mb:.0f} MB for the raw arrays; tail bucket {h.tiers[-1].width:g} s")

    plot = window.plot
    width = int(plot.vb.width())
    for label, window_s in (("whole session", None), ("last 15 min", 900.0)):
        plot.set_window(window_s)
        runs = []
        for _ in range(10):
            plot._cache_key = None                 # force the recomputation being measured
            t0 = time.perf_counter()
            plot.refresh()
            runs.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
        points = max(len(plot.curve_data(z)[0]) for z in range(ZONES))
        spike = f"; the one-sample spike of 290 °C drawn at {np.nanmax(plot.curve_data(2)[1]):.0f} °C" \
            if window_s is None else ""
        print(f"2. {label}: downsample 12 curves {statistics.median(runs):.1f} ms; {points} points per "
              f"curve on {width} px ({points / width:.2f} per pixel){spike}; paint {paint_ms(plot.view):.1f} ms")

    plot.stop()
    plot.set_window(None)
    t0 = time.perf_counter()
    for z, curve in enumerate(plot.temp_curves):
        curve.setData(t, temps[:, z])
    plot.vb.setRange(xRange=(0, t[-1]), padding=0)
    set_ms = (time.perf_counter() - t0) * 1000
    naive_paint = paint_ms(plot.view, n=3)
    print(f"3. full arrays given to pyqtgraph: setData {set_ms:.0f} ms + paint {naive_paint:.0f} ms a frame")
    model.close()
    stove.stop()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
