"""The KSP/1 methods, declared once: parameters and their ranges, role, switch-off.

Every rule that depends on *which* method was called reads this table: parameter validation
(the stove's own ranges come from its :class:`ZoneInfo`, so a stove with 12 levels is checked
against 12), who may call it (observers read and switch off, controllers do the rest), which
requests switch off (never refused, never rate-limited) and the :class:`~kitchen_ui.core.stove.Stove`
helpers (``stove.set_level(0, 5)``). docs/protocol.md §4 is the same table for firmware authors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .errors import INVALID_PARAMS, METHOD_NOT_FOUND, READ_ONLY, KspError
from .model import FAULTS, StoveInfo

PROTOCOL = "ksp/1"
ROLES = ("controller", "observer")
SIM_FAULTS = tuple(f for f in FAULTS if f != "overheat")   # what sim.inject_fault may break
_NEVER = object()


@dataclass(frozen=True)
class Param:
    """One parameter. ``kind``: zone, level, target (this zone's range), int, number, bool, choice, any."""

    name: str
    kind: str
    lo: float = -math.inf
    hi: float = math.inf
    nullable: bool = False
    above_lo: bool = False               # lo itself is refused ("above 0")
    choices: tuple[str, ...] = ()
    off: Any = _NEVER                    # this value switches the zone off


@dataclass(frozen=True)
class Method:
    name: str
    params: tuple[Param, ...] = ()
    role: str = "controller"             # the least role that may call it
    switch_off: bool = False             # always switches off (zone.off, stove.all_off)
    sim: bool = False                    # simulated stoves only
    helper: str | None = None            # the Stove method that sends it

    def switches_off(self, params: Any) -> bool:
        """This request switches off: refused to nobody, whatever the role, lock or rate."""
        if self.switch_off:
            return True
        if not isinstance(params, dict):
            return False
        for p in self.params:
            if p.off is not _NEVER and p.name in params:
                v = params[p.name]
                if (v is None) if p.off is None else (v == p.off and not isinstance(v, bool)):
                    return True
        return False

    def allows(self, role: str | None, params: Any) -> bool:
        return role == "controller" or (role == "observer" and (self.role == "observer"
                                                                 or self.switches_off(params)))

    def check(self, params: dict[str, Any], info: StoveInfo) -> dict[str, Any]:
        """The parameters, checked in order and converted; KspError -32602 names the first bad one."""
        out: dict[str, Any] = {}
        for p in self.params:
            zone = info.zones[out["zone"]] if "zone" in out else None
            if p.kind == "zone":
                out[p.name] = p_int(params, p.name, 0, len(info.zones) - 1)
            elif p.kind == "level":
                out[p.name] = p_int(params, p.name, 0, zone.levels if zone else 0)
            elif p.kind == "target":
                lo, hi = (zone.min_target_c, zone.max_target_c) if zone else (p.lo, p.hi)
                out[p.name] = p_number(params, p.name, lo, hi, nullable=p.nullable)
            elif p.kind == "int":
                out[p.name] = p_int(params, p.name, int(p.lo), int(p.hi))
            elif p.kind == "number":
                v = p_number(params, p.name, p.lo, p.hi, nullable=p.nullable)
                if p.above_lo and v is not None and v <= p.lo:
                    raise KspError(INVALID_PARAMS, f"{p.name}: must be above {p.lo:g}"
                                   f"{' (or null to cancel)' if p.nullable else ''}, not {v:g}")
                out[p.name] = v
            elif p.kind == "bool":
                out[p.name] = p_bool(params, p.name)
            elif p.kind == "choice":
                out[p.name] = p_choice(params, p.name, p.choices)
            else:
                out[p.name] = _require(params, p.name)
        return out


_ZONE = Param("zone", "zone")
METHODS: dict[str, Method] = {m.name: m for m in (
    Method("hello", role="observer"),                      # answered by the server itself
    Method("ping", role="observer", helper="ping"),
    Method("state.get", role="observer", helper="get_state"),
    Method("telemetry.set_rate", (Param("hz", "number", 1, 20),), role="observer"),
    Method("zone.set_level", (_ZONE, Param("level", "level", off=0)), helper="set_level"),
    Method("zone.set_boost", (_ZONE, Param("on", "bool")), helper="set_boost"),
    Method("zone.set_target", (_ZONE, Param("temp_c", "target", nullable=True, off=None)), helper="set_target"),
    Method("zone.off", (_ZONE,), role="observer", switch_off=True, helper="zone_off"),
    Method("zone.set_timer", (_ZONE, Param("seconds", "number", 0, 1e9, nullable=True, above_lo=True)),
           helper="set_timer"),
    Method("stove.all_off", role="observer", switch_off=True, helper="all_off"),
    Method("stove.set_lock", (Param("locked", "bool"),), helper="set_lock"),
    Method("sim.set_pan", (_ZONE, Param("pan", "any")), sim=True, helper="sim_set_pan"),
    Method("sim.inject_fault", (_ZONE, Param("fault", "choice", choices=SIM_FAULTS)), sim=True,
           helper="sim_inject_fault"),
    Method("sim.clear_fault", (_ZONE,), sim=True, helper="sim_clear_fault"),
    Method("sim.set_speed", (Param("factor", "number", 0.1, 10000),), sim=True, helper="sim_set_speed"),
    Method("sim.set_ambient", (Param("temp_c", "number", -40, 60),), sim=True),
)}


def is_switch_off(method: str, params: Any) -> bool:
    """``zone.off``, ``stove.all_off``, ``zone.set_level`` 0 and ``zone.set_target`` null."""
    m = METHODS.get(method)
    return m is not None and m.switches_off(params)


def authorize(role: str | None, method: str, params: Any, *, sim: bool) -> Method:
    """The method's entry if a session of ``role`` may call it on this stove; else the KspError to answer.

    ``hello`` is the server's own; ``sim.*`` exist on simulated stoves only. Parameters are the
    backend's to check (:meth:`Method.check`, against its zones), after this.
    """
    spec = METHODS.get(method)
    if spec is None or method == "hello" or (spec.sim and not sim):
        raise KspError(METHOD_NOT_FOUND, f"method not found: {method}")
    if not spec.allows(role, params):
        raise KspError(READ_ONLY, f"{method} needs the controller role; this session observes")
    if not isinstance(params, dict):
        raise KspError(INVALID_PARAMS, f"params: must be an object, not {type(params).__name__}")
    return spec


# -- parameter checks (messages name the parameter) --------------------------------------------
def _require(params: dict[str, Any], name: str) -> Any:
    if name not in params:
        raise KspError(INVALID_PARAMS, f"{name}: missing")
    return params[name]


def p_int(params: dict[str, Any], name: str, lo: int, hi: int) -> int:
    """An integer in lo..hi (a float with no fraction, such as 3.0, is accepted as 3)."""
    v = _require(params, name)
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        else:
            raise KspError(INVALID_PARAMS, f"{name}: must be an integer, not {v!r}")
    if not lo <= v <= hi:
        raise KspError(INVALID_PARAMS, f"{name}: {v} is out of range {lo}..{hi}")
    return v


def p_number(params: dict[str, Any], name: str, lo: float, hi: float, *, nullable: bool = False) -> float | None:
    v = _require(params, name)
    if v is None and nullable:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        kind = "a number or null" if nullable else "a number"
        raise KspError(INVALID_PARAMS, f"{name}: must be {kind}, not {v!r}")
    if not lo <= v <= hi:
        raise KspError(INVALID_PARAMS, f"{name}: {v:g} is out of range {lo:g}..{hi:g}")
    return float(v)


def p_bool(params: dict[str, Any], name: str) -> bool:
    v = _require(params, name)
    if not isinstance(v, bool):
        raise KspError(INVALID_PARAMS, f"{name}: must be true or false, not {v!r}")
    return v


def p_choice(params: dict[str, Any], name: str, choices: tuple[str, ...]) -> str:
    v = _require(params, name)
    if not isinstance(v, str) or v not in choices:
        raise KspError(INVALID_PARAMS, f"{name}: must be one of {', '.join(choices)}, not {v!r}")
    return v
