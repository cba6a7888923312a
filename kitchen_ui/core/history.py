"""Bounded telemetry history for the temperature plot (no Qt).

A stove sends every zone's temperature ten times a second for hours; a plot can show about two
points per pixel. So the history keeps tiers of fixed size, all filled from every sample:

* ``raw``: the most recent samples at full rate (a sliding window),
* ``mid``: min/max buckets of one second for the last couple of hours (a sliding window),
* ``tail``: min/max buckets for the whole session; when full, neighbouring buckets merge and
  the bucket width doubles, so any length of session fits in the same memory.

Arrays are allocated once; memory never grows. :meth:`TelemetryHistory.envelope` picks the
finest tier that covers the view and reduces it to min/max pairs per pixel column, so a short
spike survives any zoom level.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from .model import StoveState

TEMP, TARGET = 0, 1          # the two series kept per zone
SERIES_PER_ZONE = 2


class _Tier:
    """Samples (``width == 0``) or min/max buckets of ``width`` seconds, at most ``capacity`` rows.

    Rows live in a window ``[start, end)`` of arrays twice the capacity, so a query is always a
    contiguous slice; when the window reaches the end of the arrays it is copied to the front
    (amortised O(1) per sample).
    """

    def __init__(self, n_series: int, capacity: int, width: float, *, compacting: bool = False) -> None:
        if capacity < 4:
            raise ValueError("a history tier needs room for at least 4 rows")
        self.capacity = capacity
        self.width = float(width)
        self.compacting = compacting
        size = 2 * capacity
        self._key = np.zeros(size, dtype=np.int64)      # bucket index (t // width), buckets only
        self._t = np.zeros(size, dtype=np.float64)       # sample time, or bucket start time
        self._lo = np.full((size, n_series), np.nan, dtype=np.float32)
        self._hi = self._lo if width == 0 else np.full((size, n_series), np.nan, dtype=np.float32)
        self.start = 0
        self.end = 0
        self.dropped = False        # True once the oldest rows were let go (no longer covers t=first)

    @property
    def nbytes(self) -> int:
        extra = 0 if self._hi is self._lo else self._hi.nbytes
        return self._key.nbytes + self._t.nbytes + self._lo.nbytes + extra

    def __len__(self) -> int:
        return self.end - self.start

    def first_time(self) -> float:
        return float(self._t[self.start]) if len(self) else math.inf

    def add(self, t: float, row: np.ndarray) -> None:
        if self.width > 0:
            key = math.floor(t / self.width)
            if len(self) and key == self._key[self.end - 1]:
                i = self.end - 1
                np.fmin(self._lo[i], row, out=self._lo[i])
                np.fmax(self._hi[i], row, out=self._hi[i])
                return
            self._append(key * self.width, row, key)
        else:
            self._append(t, row, 0)

    def _append(self, t: float, row: np.ndarray, key: int) -> None:
        if self.end == len(self._t):
            n = len(self)
            for a in self._arrays():
                a[:n] = a[self.start:self.end]
            self.start, self.end = 0, n
        i = self.end
        self._t[i], self._key[i] = t, key
        self._lo[i] = row
        if self._hi is not self._lo:
            self._hi[i] = row
        self.end += 1
        if len(self) > self.capacity:
            if self.compacting:
                self._compact()
            else:
                self.start += 1
                self.dropped = True

    def _arrays(self) -> list[np.ndarray]:
        arrays = [self._key, self._t, self._lo]
        return arrays if self._hi is self._lo else arrays + [self._hi]

    def _compact(self) -> None:
        """Merge neighbouring buckets into buckets twice as wide (halves the rows)."""
        s, e = self.start, self.end
        keys = self._key[s:e] // 2
        firsts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        lo = np.fmin.reduceat(self._lo[s:e], firsts, axis=0)
        hi = np.fmax.reduceat(self._hi[s:e], firsts, axis=0)
        self.width *= 2
        n = len(firsts)
        self._key[:n] = keys[firsts]
        self._t[:n] = self._key[:n] * self.width
        self._lo[:n], self._hi[:n] = lo, hi
        self._lo[n:e] = np.nan
        self._hi[n:e] = np.nan
        self.start, self.end = 0, n

    def rows(self, t0: float, t1: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Times, minima and maxima (one column per series) within [t0, t1], plus one row either side."""
        t = self._t[self.start:self.end]
        i0 = max(0, int(np.searchsorted(t, t0, "right")) - 1)
        i1 = min(len(t), int(np.searchsorted(t, t1, "left")) + 1)
        s = slice(self.start + i0, self.start + i1)
        return self._t[s], self._lo[s], self._hi[s]


class TelemetryHistory:
    """Every zone's temperature and target over the session, in bounded memory.

    Series ``zone * 2`` is the zone's temperature, ``zone * 2 + 1`` its target; a missing value
    (sensor fault, zone off without target) is NaN and shows as a gap.
    """

    def __init__(self, n_zones: int, *, raw_capacity: int = 12_000, mid_width_s: float = 1.0,
                 mid_capacity: int = 7_200, tail_width_s: float = 4.0, tail_capacity: int = 8_192) -> None:
        if n_zones < 1:
            raise ValueError("a history needs at least one zone")
        self.n_zones = n_zones
        n = n_zones * SERIES_PER_ZONE
        self.tiers = (
            _Tier(n, raw_capacity, 0.0),
            _Tier(n, mid_capacity, mid_width_s),
            _Tier(n, tail_capacity, tail_width_s, compacting=True),
        )
        self.version = 0            # changes whenever data is added (plots cache on it)
        self.samples = 0
        self.t_first: float | None = None
        self.t_last: float | None = None
        self._offset = 0.0           # added to stove time after the stove's clock restarted
        self._row = np.empty(n, dtype=np.float32)

    @staticmethod
    def series(zone: int, which: int = TEMP) -> int:
        return zone * SERIES_PER_ZONE + which

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes for t in self.tiers)

    def append_state(self, state: StoveState) -> None:
        temps = [z.temp_c for z in state.zones[: self.n_zones]]
        targets = [z.target_c if z.mode == "target" else None for z in state.zones[: self.n_zones]]
        self.append(state.t, temps, targets)

    def append(self, t: float, temps: Sequence[float | None], targets: Sequence[float | None]) -> None:
        """Add one sample of every zone; ``None`` values become gaps."""
        t = float(t) + self._offset
        if self.t_last is not None and t < self.t_last:
            # the stove's clock restarted (a reconnect to a restarted stove): continue the session
            # axis after the last sample instead of throwing the history away
            self._offset += self.t_last - t + 1.0
            t = self.t_last + 1.0
            self._add(t - 0.5, np.full_like(self._row, np.nan))    # a visible gap
        row = self._row
        row[:] = np.nan
        for i, (v, g) in enumerate(zip(temps, targets)):
            if i >= self.n_zones:
                break
            if v is not None:
                row[2 * i] = v
            if g is not None:
                row[2 * i + 1] = g
        self._add(t, row)

    def _add(self, t: float, row: np.ndarray) -> None:
        for tier in self.tiers:
            tier.add(t, row)
        if self.t_first is None:
            self.t_first = t
        self.t_last = t
        self.samples += 1
        self.version += 1

    def _tier_for(self, t0: float) -> _Tier:
        for tier in self.tiers:
            if len(tier) and (not tier.dropped or tier.first_time() <= t0):
                return tier
        return self.tiers[-1]

    def envelope(self, series: int, t0: float, t1: float, max_points: int) -> tuple[np.ndarray, np.ndarray]:
        """Points to draw ``series`` over [t0, t1] with at most ~``max_points`` points.

        Each pixel column gets its minimum and maximum, so a spike shorter than a pixel still
        shows. The result may reach one sample beyond either end, for lines to run to the edge.
        """
        x, ys = self._envelope(t0, t1, max_points, slice(series, series + 1))
        return x, ys[0]

    def envelopes(self, t0: float, t1: float, max_points: int) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`envelope` of every series at once: x, and one row of y per series.

        The plot redraws all series each frame; one search and one reduction over all columns
        costs about what a single series did.
        """
        return self._envelope(t0, t1, max_points, slice(None))

    def _envelope(self, t0: float, t1: float, max_points: int, columns: slice) -> tuple[np.ndarray, np.ndarray]:
        n_series = len(range(*columns.indices(self.n_zones * SERIES_PER_ZONE)))
        if self.t_last is None or t1 < t0 or max_points < 2:
            return np.empty(0, dtype=np.float64), np.empty((n_series, 0), dtype=np.float64)
        tier = self._tier_for(t0)
        t, lo, hi = tier.rows(t0, t1)
        lo, hi = lo[:, columns], hi[:, columns]
        if tier.width == 0 and len(t) <= max_points:
            return t.astype(np.float64), np.array(lo.T, dtype=np.float64, order="C")
        if tier.width > 0 and 2 * len(t) <= max_points:
            return np.repeat(t, 2), _interleave(lo, hi)
        # reduce to one min/max pair per pixel column
        bins = max(1, max_points // 2)
        edges = np.linspace(t0, t1, bins + 1)[:-1]
        starts = np.searchsorted(t, edges, "left")          # sorted: drop repeats by comparison
        starts = starts[np.r_[True, starts[1:] != starts[:-1]] & (starts < len(t))]
        if len(starts) == 0 or starts[0] != 0:
            starts = np.r_[0, starts]
        mins = np.fmin.reduceat(lo, starts, axis=0)
        maxs = np.fmax.reduceat(hi, starts, axis=0)
        return np.repeat(t[starts], 2), _interleave(mins, maxs)


def _interleave(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Rows x series minima and maxima -> one row per series: min, max, min, max..."""
    out = np.empty((a.shape[1], 2 * a.shape[0]), dtype=np.float64)
    out[:, 0::2] = a.T
    out[:, 1::2] = b.T
    return out
