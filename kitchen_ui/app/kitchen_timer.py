"""The kitchen timer "timer 5 minutes" sets: one countdown on the stove's clock, like a wind-up one.

It belongs to no recipe and no zone (a zone's own timer switches the zone off, which is not what
a cook asking for a timer expects): it only rings. Setting it again replaces it. The host ticks
it with the run (:meth:`tick`); ``rang`` says how long it was set for.
"""

from __future__ import annotations

from psygnal import Signal

from ..core.clock import Clock

MAX_TIMER_S = 24 * 3600


class KitchenTimer:
    rang = Signal(float)                 # the seconds it was set for
    changed = Signal(object)             # remaining seconds, or None once it is off

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.ends_at: float | None = None
        self.set_for = 0.0

    def set(self, seconds: float) -> None:
        if not 0 < seconds <= MAX_TIMER_S:
            raise ValueError(f"a timer runs from 1 second to {MAX_TIMER_S // 3600} hours, not {seconds:g} s")
        self.set_for = float(seconds)
        self.ends_at = self.clock.now() + seconds
        self.changed.emit(self.remaining())

    def cancel(self) -> None:
        if self.ends_at is not None:
            self.ends_at = None
            self.changed.emit(None)

    def remaining(self) -> float | None:
        return None if self.ends_at is None else max(0.0, self.ends_at - self.clock.now())

    def tick(self) -> None:
        if self.ends_at is None:
            return
        left = self.ends_at - self.clock.now()
        if left <= 0:
            self.ends_at = None
            self.changed.emit(None)
            self.rang.emit(self.set_for)
        else:
            self.changed.emit(left)
