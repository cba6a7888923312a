"""A past session's time line when the stove restarted during it, and labels that do not collide.

The stove's clock (``t``) starts again near 0 when the stove (or serve-sim) restarts, so a
session recorded across a restart has time going backwards. Plotted as it is, the curve draws a
diagonal back across the chart and the later events land on top of the earlier ones. Here the
samples are cut into *runs* of the stove at every backwards step, and each run is placed after
the previous one (:class:`Timeline`): the plot's x is "time in this session's stove runs", each
run drawn as its own line. Events and recipe steps, kept in the order they were recorded, are
placed in the run they happened in.

Labels of markers close together are put on different rows (:func:`label_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

RESTART_DROP_S = 1.0      # stove time going back by more than this is a restart, not jitter


def run_index(t: np.ndarray) -> np.ndarray:
    """For each sample (in recorded order), which run of the stove it belongs to: 0, 1, …"""
    t = np.asarray(t, dtype=float)
    if t.size == 0:
        return np.zeros(0, dtype=int)
    return np.concatenate([[0], np.cumsum(np.diff(t) < -RESTART_DROP_S)]).astype(int)


@dataclass
class Timeline:
    """Stove time → plot time for a session that may span restarts of the stove."""

    starts: list[float] = field(default_factory=lambda: [0.0])   # stove time each run began at
    ends: list[float] = field(default_factory=lambda: [0.0])     # ...and its last sample
    offsets: list[float] = field(default_factory=lambda: [0.0])  # added to a run's stove time

    @classmethod
    def from_samples(cls, zones: Iterable[np.ndarray]) -> "Timeline":
        """The runs, from every zone's ``t`` column (zones are sampled together; the longest decides)."""
        ts = [np.asarray(a, dtype=float) for a in zones if len(a)]
        if not ts:
            return cls()
        t = max(ts, key=len)
        runs = run_index(t)
        starts = [float(t[runs == k].min()) for k in range(runs[-1] + 1)]
        ends = [float(t[runs == k].max()) for k in range(runs[-1] + 1)]
        offsets = [0.0]
        for k in range(1, len(starts)):
            before = t[runs == k - 1]
            step = float(np.median(np.diff(before))) if len(before) > 1 else 0.0
            offsets.append(ends[k - 1] + offsets[k - 1] + step - starts[k])   # one sample after run k-1 ended
        return cls(starts, ends, offsets)

    @property
    def restarts(self) -> int:
        return len(self.starts) - 1

    @property
    def duration_s(self) -> float:
        """Stove time the session covers, summed over the runs (not last minus first)."""
        return sum(e - s for s, e in zip(self.starts, self.ends))

    def restart_points(self) -> list[float]:
        """Plot times where a new run of the stove begins."""
        return [self.starts[k] + self.offsets[k] for k in range(1, len(self.starts))]

    def place_samples(self, t: np.ndarray, *columns: np.ndarray) -> tuple[np.ndarray, ...]:
        """Plot x for samples, with a NaN gap between runs so no line joins two runs of the stove."""
        t = np.asarray(t, dtype=float)
        runs = np.minimum(run_index(t), len(self.offsets) - 1)
        x = t + np.asarray(self.offsets)[runs] if t.size else t
        cuts = np.flatnonzero(np.diff(runs)) + 1
        x = np.insert(x, cuts, np.nan)
        return (x,) + tuple(np.insert(np.asarray(c, dtype=float), cuts, np.nan) for c in columns)

    def place_marks(self, times: Sequence[float]) -> list[float]:
        """Plot x for events or steps given in recorded order: a backwards step moves to the next run."""
        placed: list[float] = []
        run, previous = 0, None
        for t in times:
            if previous is not None and t < previous - RESTART_DROP_S and run + 1 < len(self.offsets):
                run += 1
            while run + 1 < len(self.offsets) and t > self.ends[run] + RESTART_DROP_S \
                    and self.starts[run + 1] - RESTART_DROP_S <= t:
                run += 1      # nothing was recorded in the earlier run this late: it belongs to a later one
            placed.append(t + self.offsets[run])
            previous = t
        return placed


def label_rows(xs: Sequence[float], widths: Sequence[float], rows: int) -> list[int]:
    """A row (0 = top) for each label at ``xs`` (left edges, any order) so labels in a row do not overlap.

    Greedy from left to right: the first row whose last label ends before this one starts; when
    every row is taken, the row whose last label ends first (the least overlap).
    """
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    free_from = [-np.inf] * max(1, rows)
    out = [0] * len(xs)
    for i in order:
        row = next((r for r, edge in enumerate(free_from) if edge <= xs[i]), None)
        if row is None:
            row = int(np.argmin(free_from))
        out[i] = row
        free_from[row] = xs[i] + widths[i]
    return out
