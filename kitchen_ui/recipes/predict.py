"""When will this zone reach its temperature? ("boils in ~3:40").

The prediction comes only from what the zone's telemetry shows, never from the simulator's
physics, so it works the same on a network stove. A pan heating on a steady setting follows
roughly ``dT/dt = a + c·T``: nearly linear far from its end temperature, slowing as losses grow
(``c < 0``). From the last minute of samples the observer fits that line through the measured
rates; with a clear slowdown it predicts the exponential approach, otherwise it extrapolates the
current rate. It says nothing (``None``) until it has seen enough, or when the zone is not moving
towards the temperature, or when the fit says it will level off before getting there.
"""

from __future__ import annotations

import math
from collections import deque

WINDOW_S = 60.0       # how much recent history the fit looks at
MIN_SPAN_S = 6.0      # no prediction before this much history
MIN_RATE = 0.005      # °C/s; slower than this is "not moving"
BINS = 6


class HeatPredictor:
    """Observes one zone's temperature over stove time and predicts time to a temperature."""

    def __init__(self, window_s: float = WINDOW_S, min_span_s: float = MIN_SPAN_S) -> None:
        self.window_s = window_s
        self.min_span_s = min_span_s
        self._samples: deque[tuple[float, float]] = deque()

    def reset(self) -> None:
        """Forget the history (call when the zone's setting changes: the curve changes too)."""
        self._samples.clear()

    def add(self, t: float, temp_c: float | None) -> None:
        if temp_c is None or not math.isfinite(temp_c):
            return
        if self._samples and t <= self._samples[-1][0]:
            return
        self._samples.append((t, float(temp_c)))
        while self._samples and self._samples[0][0] < t - self.window_s:
            self._samples.popleft()

    @property
    def latest(self) -> tuple[float, float] | None:
        return self._samples[-1] if self._samples else None

    def _bins(self) -> list[tuple[float, float]]:
        """Mean (t, T) of equal time slices of the window (smooths sensor noise)."""
        t0, t1 = self._samples[0][0], self._samples[-1][0]
        width = (t1 - t0) / BINS
        sums = [[0.0, 0.0, 0] for _ in range(BINS)]
        for t, temp in self._samples:
            i = min(BINS - 1, int((t - t0) / width)) if width > 0 else 0
            sums[i][0] += t
            sums[i][1] += temp
            sums[i][2] += 1
        return [(st / n, sT / n) for st, sT, n in sums if n]

    def rate(self) -> float | None:
        """Current rate of change in °C/s (None until enough history)."""
        if len(self._samples) < 3 or self._samples[-1][0] - self._samples[0][0] < self.min_span_s:
            return None
        b = self._bins()
        if len(b) < 2:
            return None
        half = b[len(b) // 2:] if len(b) >= 4 else b
        (ta, Ta), (tb, Tb) = half[0], half[-1]
        return (Tb - Ta) / (tb - ta) if tb > ta else None

    def eta(self, target_c: float) -> float | None:
        """Seconds from the latest sample until the temperature reaches ``target_c``, or None."""
        r = self.rate()
        if r is None:
            return None
        _, temp = self._samples[-1]
        gap = target_c - temp
        if gap == 0:
            return 0.0
        if abs(r) < MIN_RATE or (gap > 0) != (r > 0):
            return None
        b = self._bins()
        pts = [((b[i][1] + b[i + 1][1]) / 2, (b[i + 1][1] - b[i][1]) / (b[i + 1][0] - b[i][0]))
               for i in range(len(b) - 1) if b[i + 1][0] > b[i][0]]
        fit = _line(pts)
        if fit is not None:
            a, c = fit
            span = max(p[0] for p in pts) - min(p[0] for p in pts)
            if c < 0 and span > 2.0 and abs(c) * span > 0.03 * abs(r):
                t_inf = -a / c
                ahead, total = target_c - temp, t_inf - temp
                if total == 0 or ahead / total >= 0.999:
                    return None           # levels off before the target
                if ahead / total > 0:
                    return math.log(total / (total - ahead)) / -c
        return gap / r


def _line(pts: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares ``y = a + c·x``; None when x does not vary."""
    n = len(pts)
    if n < 3:
        return None
    mx = sum(p[0] for p in pts) / n
    my = sum(p[1] for p in pts) / n
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    if sxx <= 1e-9:
        return None
    c = sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx
    return my - c * mx, c


def format_eta(seconds: float | None) -> str:
    """``"~3:40"`` for a view ("boils in ~3:40"); ``""`` when unknown."""
    if seconds is None:
        return ""
    s = int(round(seconds))
    if s >= 3600:
        return f"~{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"~{s // 60}:{s % 60:02d}"
