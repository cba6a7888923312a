"""The numbers a KSP/1 stove keeps per connection, and the two small devices that enforce them.

Kept apart from the session logic so tests can shrink timeouts (``ServerLimits``) and so the
pacing of the simulation (``PacedClock``) is testable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.clock import Clock


@dataclass
class ServerLimits:
    """The contract's per-connection limits (§1, §2, §6, §7); tests shrink the timeouts."""

    handshake_timeout_s: float = 5.0
    max_connections: int = 16
    rate_per_s: float = 50.0
    rate_burst: int = 100
    invalid_lines: int = 10          # more than this many within the window closes
    invalid_window_s: float = 10.0
    max_pending_output: int = 1 << 20
    sim_tick_s: float = 0.02         # how often the stove's physics catch up with the clock
    sim_max_stove_s_per_tick: float = 200.0   # bounds the work of one tick (see PacedClock)


class PacedClock:
    """Stove time that follows ``source`` but moves only when the server ticks, a bounded step.

    At high simulation speeds physics may cost more than the wall time allows; a tick computes
    at most ``max_step_s`` of stove time and lets the rest go, so requests are still answered
    within one tick and the stove simply runs slower than asked instead of falling ever behind.
    """

    def __init__(self, source: Clock, max_step_s: float = 200.0) -> None:
        self.source = source
        self.max_step_s = max_step_s
        self._dropped = 0.0
        self._t = source.now()

    def now(self) -> float:
        return self._t

    def advance(self) -> float:
        want = self.source.now() - self._dropped
        if want - self._t > self.max_step_s:
            self._dropped += want - self._t - self.max_step_s
            want = self._t + self.max_step_s
        self._t = max(self._t, want)
        return self._t


class TokenBucket:
    """``rate`` requests a second on average, ``burst`` at once."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate, self.burst = rate, float(burst)
        self.tokens, self.t = float(burst), now

    def take(self, now: float) -> bool:
        if now > self.t:
            self.tokens = min(self.burst, self.tokens + (now - self.t) * self.rate)
            self.t = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False

    def wait_s(self) -> float:
        return max(0.0, (1.0 - self.tokens) / self.rate)
