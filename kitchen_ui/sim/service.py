"""KSP/1 methods of the simulated stove, shared by the in-process transport and the server.

One dispatcher, so the dashboard's in-process stove and a network client meet exactly the same
validation, roles, child lock and remote-start rules. It knows nothing of sockets or JSON text:
a request is a method name and a params dict; the result is a JSON-ready value or a KspError.
Parameters are checked (against :data:`kitchen_ui.core.ksp.METHODS`) before any rule, so a
malformed request always gets -32602 naming the parameter, whatever state the stove is in.
:class:`StoveService` is the simulator's :class:`~kitchen_ui.core.backend.StoveBackend`.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from ..core.backend import Session
from ..core.errors import INVALID_PARAMS, NOT_AUTHENTICATED, REMOTE_START_FORBIDDEN, KspError
from ..core.ksp import authorize
from ..core.model import StoveState
from .materials import PAN_MATERIALS as _MATERIALS
from .physics import CONTENT_KINDS, pan_from_json
from .stove import SimulatedStove

PAN_MATERIALS = tuple(_MATERIALS)
__all__ = ["CONTENT_KINDS", "PAN_MATERIALS", "Session", "StoveService"]


class StoveService:
    """Dispatches KSP/1 requests (other than ``hello``) to a :class:`SimulatedStove`.

    With ``pace`` (a :class:`~kitchen_ui.protocol.limits.PacedClock` the stove runs on),
    :meth:`update` steps physics a chunk at a time and spends at most ``budget_s`` of compute
    (measured on ``work_clock``) before letting the rest of the lag go.
    """

    def __init__(self, stove: SimulatedStove, *, remote_start: bool = True, link_loss_policy: str = "off",
                 telemetry_hz: float = 10.0, heartbeat_timeout_s: float = 3.0,
                 set_speed: Callable[[float], None] | None = None, pace: Any = None, budget_s: float = 0.01,
                 work_clock: Callable[[], float] = time.perf_counter) -> None:
        self.stove = stove
        self.remote_start = remote_start
        self.link_loss_policy = link_loss_policy
        self.telemetry_hz = telemetry_hz
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self._set_speed = set_speed
        self.speed = 1.0
        self.pace = pace
        self.budget_s = budget_s
        self.work_clock = work_clock
        self.lock = threading.RLock()   # commands and physics never interleave
        self._methods: dict[str, Callable[[Session, dict[str, Any]], Any]] = {
            "ping": lambda s, v: {"t": self._now()},
            "state.get": lambda s, v: self._state(),
            "telemetry.set_rate": self._set_rate,
            "zone.set_level": self._set_level,
            "zone.set_boost": self._set_boost,
            "zone.set_target": self._set_target,
            "zone.off": lambda s, v: self.stove.zone_off(v["zone"]).to_dict(),
            "zone.set_timer": lambda s, v: self.stove.set_timer(v["zone"], v["seconds"]).to_dict(),
            "stove.all_off": lambda s, v: {"zones_switched_off": self.stove.all_off()},
            "stove.set_lock": lambda s, v: {"locked": self.stove.set_lock(v["locked"])},
            "sim.set_pan": self._sim_set_pan,
            "sim.inject_fault": lambda s, v: self.stove.inject_fault(v["zone"], v["fault"]).to_dict(),
            "sim.clear_fault": lambda s, v: self.stove.clear_fault(v["zone"]).to_dict(),
            "sim.set_speed": self._sim_set_speed,
            "sim.set_ambient": lambda s, v: {"temp_c": self.stove.set_ambient(v["temp_c"])},
        }

    # -- the backend a server serves --------------------------------------------------------------
    @property
    def event(self) -> Any:
        return self.stove.event

    def hello_fields(self) -> dict[str, Any]:
        """Everything of the ``hello`` result but ``protocol``, ``role`` and ``session``."""
        d = self.stove.info.to_hello_fields()
        d.update(telemetry_hz=self.telemetry_hz, heartbeat_timeout_s=self.heartbeat_timeout_s,
                 link_loss_policy=self.link_loss_policy, remote_start=self.remote_start)
        return d

    def now(self) -> float:
        return round(self.stove.t, 3)

    def link_lost(self) -> str:
        with self.lock:
            if self.link_loss_policy != "off":
                return "zones kept as they are (policy hold; safety timers still apply)"
            on = [z.id for z in self.stove.snapshot().zones if z.is_on]
            for zone in on:
                self.stove.zone_off(zone)
        return "no zone was on" if not on else "1 zone switched off" if len(on) == 1 else \
            f"{len(on)} zones switched off"

    # -- dispatch -------------------------------------------------------------------------------
    def call(self, session: Session, method: str, params: dict[str, Any] | None) -> Any:
        """Execute one request for ``session``; raises KspError with the contract's code."""
        if params is None:
            params = {}
        if session.role is None:
            raise KspError(NOT_AUTHENTICATED, "say hello first")
        spec = authorize(session.role, method, params, sim=self.stove.info.sim)
        values = spec.check(params, self.stove.info)
        with self.lock:
            return self._methods[method](session, values)

    def update(self) -> bool:
        """Run physics up to the clock; True if the compute budget ran out first (paced only)."""
        if self.pace is None:
            with self.lock:
                self.stove.update()
            return False
        end = self.work_clock() + self.budget_s
        while True:
            more = self.pace.step()
            with self.lock:
                self.stove.update()
            if not more:
                return False
            if self.work_clock() >= end:
                self.pace.let_go()
                return True

    def snapshot(self) -> StoveState:
        with self.lock:
            self.stove.update()
            return self.stove.snapshot()

    # -- handlers (values already checked against the method table) ---------------------------------
    def _now(self) -> float:
        self.stove.update()
        return round(self.stove.t, 3)

    def _state(self) -> dict[str, Any]:
        self.stove.update()
        return self.stove.snapshot().to_dict()

    def _check_remote_start(self, s: Session, zone: int, switching_on: bool) -> None:
        """Real hobs want a person at the stove to start a zone (``remote_start`` false)."""
        if not switching_on or not s.remote or self.remote_start:
            return
        self.stove.update()
        if self.stove.zones[zone].mode == "off":
            raise KspError(REMOTE_START_FORBIDDEN,
                           "remote start is not permitted: switch the zone on at the stove")

    def _set_level(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        self._check_remote_start(s, v["zone"], v["level"] > 0)
        return self.stove.set_level(v["zone"], v["level"]).to_dict()

    def _set_boost(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        self._check_remote_start(s, v["zone"], v["on"])
        return self.stove.set_boost(v["zone"], v["on"]).to_dict()

    def _set_target(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        self._check_remote_start(s, v["zone"], v["temp_c"] is not None)
        return self.stove.set_target(v["zone"], v["temp_c"]).to_dict()

    def _set_rate(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        hz = v["hz"]
        s.telemetry_hz = hz
        return {"hz": int(hz) if float(hz).is_integer() else hz}

    def _sim_set_pan(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        try:
            parsed = pan_from_json(v["pan"])
        except ValueError as exc:
            raise KspError(INVALID_PARAMS, str(exc)) from None
        if parsed is None:
            return self.stove.set_pan(v["zone"], None).to_dict()
        pan, ctemp = parsed
        return self.stove.set_pan(v["zone"], pan, ctemp).to_dict()

    def _sim_set_speed(self, s: Session, v: dict[str, Any]) -> dict[str, Any]:
        factor = v["factor"]
        self.stove.update()
        if self._set_speed is not None:
            self._set_speed(factor)
        self.speed = factor
        return {"factor": factor}
