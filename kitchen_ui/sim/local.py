"""The in-process transport: the dashboard drives a simulated stove in its own process.

It answers requests through the same :class:`StoveService` as the network server, so the
dashboard, recipes and traditional mode behave identically on both. In the app a daemon thread
advances the stove and publishes telemetry; tests run it unthreaded and call :meth:`pump`.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
import time
import uuid
from concurrent.futures import Future
from typing import Any

from ..core.clock import Clock, ManualClock, ScaledClock
from ..core.errors import INTERNAL_ERROR, KspError, LinkError
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveInfo
from ..core.stove import Stove, completed
from .profiles import StoveProfile
from ..core.backend import Session
from ..core.ksp import PROTOCOL
from .service import StoveService
from .stove import SimulatedStove

log = logging.getLogger(__name__)


class LocalStove(Stove):
    def __init__(self, profile: StoveProfile, *, clock: Clock | None = None, speed: float = 1.0,
                 threaded: bool = True, telemetry_hz: float = 10.0, **stove_kwargs: Any) -> None:
        super().__init__()
        self.clock = clock if clock is not None else ScaledClock(speed)
        set_speed = self.clock.set_speed if isinstance(self.clock, ScaledClock) else None
        self.sim = SimulatedStove(profile, self.clock, **stove_kwargs)
        self.service = StoveService(self.sim, telemetry_hz=telemetry_hz, set_speed=set_speed)
        self.service.speed = speed
        self.session = Session(role="controller", remote=False, client="kitchen-ui (in-process)",
                               telemetry_hz=telemetry_hz)
        self._threaded = threaded
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._seq = 0
        self._running = False
        self._pending_events: deque[StoveEvent] = deque()
        self.sim.event.connect(self._on_sim_event)

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._running:
            return
        self._running = True
        hello = {"protocol": PROTOCOL, "role": "controller", "session": uuid.uuid4().hex,
                 **self.service.hello_fields()}
        self._publish_info(StoveInfo.from_hello(hello))
        self._set_link(LinkState(LinkStatus.ONLINE, role="controller", message="simulated stove in this app",
                                 transport="in-process"))
        self.pump()
        if self._threaded:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="hearth-sim", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        self._set_link(LinkState(LinkStatus.CLOSED, message="stopped", transport="in-process"))

    def _run(self) -> None:
        next_t = time.monotonic()
        while not self._stop.is_set():
            try:
                self.pump()
            except Exception:  # a bug must not silently end telemetry: log it and carry on
                log.exception("simulated stove step failed")
            period = 1.0 / max(1.0, self.session.telemetry_hz)    # telemetry.set_rate applies
            next_t += period
            delay = next_t - time.monotonic()
            if delay < -period:          # fell behind (a slow machine): do not try to catch up
                next_t = time.monotonic()
                delay = 0.0
            self._stop.wait(max(0.0, delay))

    def pump(self) -> None:
        """Advance the stove to the clock's present and publish one telemetry snapshot."""
        state = self.service.snapshot()
        self._flush_events()
        self._seq += 1
        self._publish_state(state.with_seq(self._seq))

    def advance(self, seconds: float) -> None:
        """Tests and ``recipes try``: move a manual clock on and publish telemetry."""
        if not isinstance(self.clock, ManualClock):
            raise TypeError("advance() needs a ManualClock")
        self.clock.advance(seconds)
        self.pump()

    # -- requests -------------------------------------------------------------------------------
    def request(self, method: str, params: dict[str, Any] | None = None) -> Future:
        if not self._running:
            return completed(error=LinkError("the simulated stove is not running"))
        try:
            result = self.service.call(self.session, method, params)
        except KspError as exc:
            return completed(error=exc)
        except Exception as exc:  # a bug must reach the caller, not kill the stove thread; the log keeps its traceback
            log.exception("internal error in %s %r", method, params)
            return completed(error=KspError(INTERNAL_ERROR, f"internal error: {exc}"))
        finally:
            self._flush_events()
        return completed(result)

    def _on_sim_event(self, ev: StoveEvent) -> None:
        # Raised inside the stove's lock: queue it and publish once the lock is released, so a
        # subscriber that takes its own lock (the recipe engine) and sends commands under it
        # can never deadlock against the stove thread.
        self._pending_events.append(ev)

    def _flush_events(self) -> None:
        while True:
            try:
                ev = self._pending_events.popleft()
            except IndexError:
                return
            self._publish_event(ev)
