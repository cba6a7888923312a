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
    sim_budget_s: float = 0.01       # most compute one tick spends on physics (see PacedClock)
    sim_chunk_s: float = 5.0         # stove seconds computed between looks at that budget


class PacedClock:
    """Stove time that follows ``source`` but moves only when the server steps it.

    At high simulation speeds physics may cost more compute than the wall time allows. The server
    steps this clock a chunk at a time within a compute budget per tick, then lets the remaining
    lag go (:meth:`let_go`): requests are answered between ticks, and the stove simply runs slower
    than asked instead of falling ever further behind and racing to catch up later.
    """

    def __init__(self, source: Clock, chunk_s: float = 5.0) -> None:
        self.source = source
        self.chunk_s = chunk_s
        self._dropped = 0.0
        self._t = source.now()

    def now(self) -> float:
        return self._t

    def behind_s(self) -> float:
        return max(0.0, self.source.now() - self._dropped - self._t)

    def step(self) -> bool:
        """Move on by at most one chunk; True while still behind the source."""
        lag = self.behind_s()
        self._t += min(lag, self.chunk_s)
        return lag > self.chunk_s

    def let_go(self) -> None:
        """Forgive the lag: the stove time the server could not compute is never owed."""
        self._dropped += self.behind_s()


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
