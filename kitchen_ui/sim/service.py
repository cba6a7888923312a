"""KSP/1 methods of the simulated stove, shared by the in-process transport and the server.

One dispatcher, so the dashboard's in-process stove and a network client meet exactly the same
validation, roles, child lock and remote-start rules. It knows nothing of sockets or JSON text:
a request is a method name and a params dict; the result is a JSON-ready value or a KspError.
Parameters are checked before any rule, so a malformed request always gets -32602 naming the
parameter, whatever state the stove is in.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any, Callable

from ..core.errors import (
    INVALID_PARAMS, METHOD_NOT_FOUND, NOT_AUTHENTICATED, READ_ONLY, REMOTE_START_FORBIDDEN, KspError,
)
from .materials import PAN_MATERIALS as _MATERIALS
from .physics import CONTENT_KINDS, pan_from_json
from .stove import FAULT_KINDS, SimulatedStove

PROTOCOL = "ksp/1"
OBSERVER_METHODS = frozenset({"hello", "ping", "state.get", "telemetry.set_rate", "zone.off", "stove.all_off"})
PAN_MATERIALS = tuple(_MATERIALS)
__all__ = ["CONTENT_KINDS", "OBSERVER_METHODS", "PAN_MATERIALS", "PROTOCOL", "Session", "StoveService"]


def is_switch_off(method: str, params: Any) -> bool:
    """``zone.set_level`` 0 and ``zone.set_target`` null switch off, which nobody is refused."""
    if not isinstance(params, dict):
        return False
    if method == "zone.set_level":
        level = params.get("level")
        return level == 0 and not isinstance(level, bool)
    return method == "zone.set_target" and "temp_c" in params and params["temp_c"] is None


@dataclass
class Session:
    """What one connected client may do; the in-process dashboard is a local controller."""

    role: str | None = None          # None until hello; then "controller" or "observer"
    remote: bool = True              # False for the dashboard running the stove in-process
    client: str = ""
    telemetry_hz: float = 10.0


# -- parameter checks (messages name the parameter) --------------------------------------------
def _require(params: dict[str, Any], name: str, where: str = "") -> Any:
    if name not in params:
        raise KspError(INVALID_PARAMS, f"{where}{name}: missing")
    return params[name]


def p_int(params: dict[str, Any], name: str, lo: int, hi: int, where: str = "") -> int:
    """An integer in lo..hi (a float with no fraction, such as 3.0, is accepted as 3)."""
    v = _require(params, name, where)
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        else:
            raise KspError(INVALID_PARAMS, f"{where}{name}: must be an integer, not {v!r}")
    if not lo <= v <= hi:
        raise KspError(INVALID_PARAMS, f"{where}{name}: {v} is out of range {lo}..{hi}")
    return v


def p_number(params: dict[str, Any], name: str, lo: float, hi: float, *, nullable: bool = False,
             where: str = "") -> float | None:
    v = _require(params, name, where)
    if v is None and nullable:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        kind = "a number or null" if nullable else "a number"
        raise KspError(INVALID_PARAMS, f"{where}{name}: must be {kind}, not {v!r}")
    if not lo <= v <= hi:
        raise KspError(INVALID_PARAMS, f"{where}{name}: {v:g} is out of range {lo:g}..{hi:g}")
    return float(v)


def p_bool(params: dict[str, Any], name: str) -> bool:
    v = _require(params, name)
    if not isinstance(v, bool):
        raise KspError(INVALID_PARAMS, f"{name}: must be true or false, not {v!r}")
    return v


def p_choice(params: dict[str, Any], name: str, choices: tuple[str, ...], where: str = "") -> str:
    v = _require(params, name, where)
    if not isinstance(v, str) or v not in choices:
        raise KspError(INVALID_PARAMS, f"{where}{name}: must be one of {', '.join(choices)}, not {v!r}")
    return v


class StoveService:
    """Dispatches KSP/1 requests (other than ``hello``) to a :class:`SimulatedStove`."""

    def __init__(self, stove: SimulatedStove, *, remote_start: bool = True, link_loss_policy: str = "off",
                 telemetry_hz: float = 10.0, heartbeat_timeout_s: float = 3.0,
                 set_speed: Callable[[float], None] | None = None) -> None:
        self.stove = stove
        self.remote_start = remote_start
        self.link_loss_policy = link_loss_policy
        self.telemetry_hz = telemetry_hz
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self._set_speed = set_speed
        self.speed = 1.0
        self.lock = threading.RLock()   # commands and physics never interleave
        self._zmax = len(stove.zones) - 1
        self._methods: dict[str, Callable[[Session, dict[str, Any]], Any]] = {
            "ping": lambda s, p: {"t": self._now()},
            "state.get": lambda s, p: self._state(),
            "telemetry.set_rate": self._set_rate,
            "zone.set_level": self._set_level,
            "zone.set_boost": self._set_boost,
            "zone.set_target": self._set_target,
            "zone.off": lambda s, p: self.stove.zone_off(self._z(p)).to_dict(),
            "zone.set_timer": self._set_timer,
            "stove.all_off": lambda s, p: {"zones_switched_off": self.stove.all_off()},
            "stove.set_lock": lambda s, p: {"locked": self.stove.set_lock(p_bool(p, "locked"))},
            "sim.set_pan": self._sim_set_pan,
            "sim.inject_fault": lambda s, p: self.stove.inject_fault(
                self._z(p), p_choice(p, "fault", FAULT_KINDS)).to_dict(),
            "sim.clear_fault": lambda s, p: self.stove.clear_fault(self._z(p)).to_dict(),
            "sim.set_speed": self._sim_set_speed,
            "sim.set_ambient": lambda s, p: {"temp_c": self.stove.set_ambient(p_number(p, "temp_c", -40, 60))},
        }

    # -- hello ----------------------------------------------------------------------------------
    def hello_fields(self) -> dict[str, Any]:
        """Everything of the ``hello`` result but ``protocol``, ``role`` and ``session``."""
        d = self.stove.info.to_hello_fields()
        d.update(telemetry_hz=self.telemetry_hz, heartbeat_timeout_s=self.heartbeat_timeout_s,
                 link_loss_policy=self.link_loss_policy, remote_start=self.remote_start)
        return d

    # -- dispatch -------------------------------------------------------------------------------
    def call(self, session: Session, method: str, params: dict[str, Any] | None) -> Any:
        """Execute one request for ``session``; raises KspError with the contract's code."""
        if params is None:
            params = {}
        if session.role is None:
            raise KspError(NOT_AUTHENTICATED, "say hello first")
        handler = self._methods.get(method)
        if handler is None or (method.startswith("sim.") and not self.stove.info.sim):
            raise KspError(METHOD_NOT_FOUND, f"method not found: {method}")
        if session.role != "controller" and method not in OBSERVER_METHODS \
                and not is_switch_off(method, params):
            raise KspError(READ_ONLY, f"{method} needs the controller role; this session observes")
        if not isinstance(params, dict):
            raise KspError(INVALID_PARAMS, f"params: must be an object, not {type(params).__name__}")
        with self.lock:
            return handler(session, params)

    def update(self) -> None:
        with self.lock:
            self.stove.update()

    def snapshot(self) -> Any:
        with self.lock:
            self.stove.update()
            return self.stove.snapshot()

    # -- handlers -------------------------------------------------------------------------------
    def _z(self, p: dict[str, Any]) -> int:
        return p_int(p, "zone", 0, self._zmax)

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

    def _set_level(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        zone, level = self._z(p), p_int(p, "level", 0, 9)
        self._check_remote_start(s, zone, level > 0)
        return self.stove.set_level(zone, level).to_dict()

    def _set_boost(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        zone, on = self._z(p), p_bool(p, "on")
        self._check_remote_start(s, zone, on)
        return self.stove.set_boost(zone, on).to_dict()

    def _set_target(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        zone = self._z(p)
        info = self.stove.zone_infos[zone]
        temp = p_number(p, "temp_c", info.min_target_c, info.max_target_c, nullable=True)
        self._check_remote_start(s, zone, temp is not None)
        return self.stove.set_target(zone, temp).to_dict()

    def _set_timer(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        zone = self._z(p)
        seconds = p_number(p, "seconds", 0, 1e9, nullable=True)
        if seconds is not None and seconds <= 0:
            raise KspError(INVALID_PARAMS, f"seconds: must be above 0 (or null to cancel), not {seconds:g}")
        return self.stove.set_timer(zone, seconds).to_dict()

    def _set_rate(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        hz = p_number(p, "hz", 1, 20)
        s.telemetry_hz = hz
        return {"hz": int(hz) if float(hz).is_integer() else hz}

    def _sim_set_pan(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        zone = self._z(p)
        try:
            parsed = pan_from_json(_require(p, "pan"))
        except ValueError as exc:
            raise KspError(INVALID_PARAMS, str(exc)) from None
        if parsed is None:
            return self.stove.set_pan(zone, None).to_dict()
        pan, ctemp = parsed
        return self.stove.set_pan(zone, pan, ctemp).to_dict()

    def _sim_set_speed(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        factor = p_number(p, "factor", 0.1, 10000)
        self.stove.update()
        if self._set_speed is not None:
            self._set_speed(factor)
        self.speed = factor
        return {"factor": factor}
