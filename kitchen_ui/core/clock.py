"""Injected clocks: stove time is never read from the wall directly.

Physics, safety timers and recipes all ask a clock for ``now()`` in stove seconds. The app uses a
:class:`ScaledClock` (real time, optionally sped up); tests use a :class:`ManualClock` and jump
an hour ahead in one call, so nothing ever sleeps in a test.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Stove time in seconds (monotonic, starts near 0)."""
        ...


class ManualClock:
    """A clock that only moves when told to (tests, ``recipes try``)."""

    def __init__(self, start: float = 0.0) -> None:
        self._t = float(start)

    def now(self) -> float:
        return self._t

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._t += seconds
        return self._t

    def set(self, t: float) -> None:
        if t < self._t:
            raise ValueError("a clock cannot go backwards")
        self._t = float(t)


class ScaledClock:
    """Wall-clock time multiplied by a speed factor that can change without a jump."""

    def __init__(self, speed: float = 1.0, wall: Callable[[], float] = time.monotonic) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._wall = wall
        self._lock = threading.Lock()
        self._base_wall = wall()
        self._base_t = 0.0
        self._speed = float(speed)

    @property
    def speed(self) -> float:
        return self._speed

    def now(self) -> float:
        with self._lock:
            return self._base_t + (self._wall() - self._base_wall) * self._speed

    def set_speed(self, speed: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        with self._lock:
            w = self._wall()
            self._base_t += (w - self._base_wall) * self._speed
            self._base_wall = w
            self._speed = float(speed)
