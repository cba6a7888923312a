"""Figures for ``--stats``: frame times, event-loop lag and memory, in bounded memory.

A frame is one redraw of the dashboard: the work of its refresh tick (downsampling, labels)
plus the plot's paint that follows. Loop lag is how late a 10 ms timer fires: the worst of it
is what a cook feels as a button that does not react. Percentiles come from fixed histograms
(0.05 ms steps up to 2 s), so a dashboard left on for days does not grow.
"""

from __future__ import annotations

import os
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer

LAG_PERIOD_MS = 10
BIN_MS = 0.05
MAX_MS = 2000.0


class Percentiles:
    """A histogram of durations in milliseconds that answers percentiles to within BIN_MS."""

    def __init__(self) -> None:
        self.counts = np.zeros(int(MAX_MS / BIN_MS) + 2, dtype=np.int64)
        self.n = 0
        self.worst = 0.0

    def add(self, ms: float) -> None:
        ms = max(0.0, ms)
        self.counts[min(len(self.counts) - 1, int(ms / BIN_MS))] += 1
        self.n += 1
        self.worst = max(self.worst, ms)

    def percentile(self, p: float) -> float:
        if self.n == 0:
            return 0.0
        rank = int(np.ceil(p / 100.0 * self.n))
        i = int(np.searchsorted(np.cumsum(self.counts), max(1, rank)))
        return round(min(self.worst, (i + 1) * BIN_MS), 2)


class FrameStats:
    def __init__(self) -> None:
        self.frames = Percentiles()
        self.work = Percentiles()
        self.lag = Percentiles()
        self._pending_work_ms = 0.0
        self.started = time.perf_counter()

    def add_work(self, ms: float) -> None:
        """GUI-thread work done for the next frame (refresh ticks)."""
        self._pending_work_ms += ms
        self.work.add(ms)

    def add_paint(self, ms: float) -> None:
        self.frames.add(self._pending_work_ms + ms)
        self._pending_work_ms = 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "frames": self.frames.n,
            "frame_ms_p50": self.frames.percentile(50),
            "frame_ms_p99": self.frames.percentile(99),
            "frame_ms_max": round(self.frames.worst, 2),
            "loop_lag_ms_p50": self.lag.percentile(50),
            "loop_lag_ms_p99": self.lag.percentile(99),
            "loop_lag_ms_max": round(self.lag.worst, 2),
            "rss_mb": rss_mb(),
            "seconds": round(time.perf_counter() - self.started, 2),
        }


class LoopLagProbe(QObject):
    """A precise 10 ms timer; how late each tick comes is the event loop's lag."""

    def __init__(self, stats: FrameStats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stats = stats
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(LAG_PERIOD_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if self._timer.isActive():
            return
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stats.lag.add((now - self._last) * 1000.0 - LAG_PERIOD_MS)
        self._last = now


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak the OS reports."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 1e6, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        import resource
        import sys
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1e6 if sys.platform == "darwin" else 1e3), 1)
