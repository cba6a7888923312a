"""The stove's own time for a recipe engine, whatever the transport (no Qt).

A recipe's timers must run on the stove's clock, not the dashboard's: a simulated stove may run
at 60x, and its safety timers and telemetry ``t`` count in stove seconds. The in-process stove
shares its clock object (``LocalStove.clock``). A network stove only tells its time in each
telemetry message, so :class:`TelemetryClock` follows ``t``: between messages it moves on at
the rate ``t`` has been advancing against the wall clock (so a 60x simulator counts 60 s a
second), never further than ``max_gap_s`` wall seconds past the last message (a stove that went
quiet is not assumed to go on), and never backwards: a stove that restarts and counts from zero
again is followed on from where its time had got to.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from ..core.clock import Clock
from ..core.model import StoveState
from ..core.signals import disconnect_all
from ..core.stove import Stove

MAX_GAP_S = 2.0          # wall seconds a quiet stove's time is carried forward
RATE_SMOOTHING = 0.2     # weight of the newest rate measurement


class TelemetryClock:
    """Stove time derived from the ``t`` of a stove's telemetry (thread-safe)."""

    def __init__(self, stove: Stove | None = None, *, wall: Callable[[], float] = time.monotonic,
                 max_gap_s: float = MAX_GAP_S) -> None:
        self._wall = wall
        self.max_gap_s = max_gap_s
        self._lock = threading.Lock()
        self._t: float | None = None          # stove time of the newest telemetry
        self._at = 0.0                        # wall time it arrived
        self.rate = 1.0                       # stove seconds per wall second, as measured
        self._last = 0.0                      # never answer less than this
        self._offset = 0.0                    # added to t after the stove's time began again
        self._stove = stove
        if stove is not None:
            if stove.state is not None:
                self.observe(stove.state)
            stove.telemetry.connect(self.observe)

    def close(self) -> None:
        if self._stove is not None:
            disconnect_all([(self._stove.telemetry, self.observe)])

    def observe(self, state: StoveState | Any) -> None:
        """Take the time of one telemetry message (any thread)."""
        w = self._wall()
        with self._lock:
            t = float(getattr(state, "t", state)) + self._offset
            if self._t is not None and t < self._t - 1.0:     # the stove restarted from zero
                base = max(self._last, self._t)
                self._offset += base - t
                t = base
            elif self._t is not None and t > self._t and w > self._at + 1e-3:
                measured = (t - self._t) / (w - self._at)
                self.rate += RATE_SMOOTHING * (measured - self.rate)
            if self._t is None or t >= self._t:
                self._t, self._at = t, w

    def now(self) -> float:
        with self._lock:
            if self._t is None:
                return self._last
            ahead = min(max(0.0, self._wall() - self._at), self.max_gap_s) * self.rate
            self._last = max(self._last, self._t + ahead)
            return self._last


def clock_for(stove: Stove) -> Clock:
    """The clock a recipe engine should use on ``stove``: its own, or one read from telemetry."""
    own = getattr(stove, "clock", None)
    if own is not None and callable(getattr(own, "now", None)):
        return own
    return TelemetryClock(stove)
