"""What a stove sends, checked against the shapes KSP/1 promises (sections 2-4).

A message with a missing or wrong field is a protocol violation: the client names the field and
drops the connection rather than showing a cook made-up values.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Callable

from ..core.ksp import PROTOCOL, ROLES
from ..core.model import EVENT_KINDS, FAULTS, ZONE_KINDS, ZONE_MODES, StoveEvent, StoveInfo, StoveState
from .codec import ProtocolViolation

log = logging.getLogger(__name__)
__all__ = ["PROTOCOL", "ROLES", "is_int", "is_number", "parse_event", "parse_hello", "parse_state"]


# -- message shapes (KSP/1 §2-4); a wrong shape is a protocol violation ---------------------------
def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _opt(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: v is None or check(v)


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda v: v in choices


HELLO_FIELDS = {"protocol": lambda v: v == PROTOCOL, "role": _one_of(ROLES), "session": _str,
                "stove": lambda v: isinstance(v, dict), "zones": lambda v: isinstance(v, list) and len(v) > 0,
                "limits": lambda v: isinstance(v, dict), "telemetry_hz": lambda v: is_number(v) and v > 0,
                "heartbeat_timeout_s": lambda v: is_number(v) and v > 0,
                "link_loss_policy": _one_of(("off", "hold")), "remote_start": _bool}
STOVE_FIELDS = {"id": _str, "model": _str, "firmware": _str, "sim": _bool}
LIMIT_FIELDS = {"max_pan_temp_c": is_number, "residual_heat_c": is_number}
ZONE_INFO_FIELDS = {"id": is_int, "name": _str, "kind": _one_of(ZONE_KINDS), "diameter_mm": is_number,
                    "max_power_w": is_number, "boost_power_w": _opt(is_number), "levels": is_int,
                    "min_target_c": is_number, "max_target_c": is_number}
STATE_FIELDS = {"t": is_number, "locked": _bool, "zones": lambda v: isinstance(v, list)}
ZONE_STATE_FIELDS = {"id": is_int, "mode": _one_of(ZONE_MODES), "level": is_int, "boost": _bool,
                     "target_c": _opt(is_number), "temp_c": _opt(is_number), "pan_temp_c": _opt(is_number),
                     "power_w": is_number, "energy_wh": is_number, "pan": _bool, "residual_heat": _bool,
                     "timer_s": _opt(is_number), "fault": _opt(_one_of(FAULTS))}
EVENT_FIELDS = {"t": is_number, "kind": _str, "zone": _opt(is_int), "message": _str}


def _check(obj: Any, fields: dict[str, Callable[[Any], bool]], where: str) -> None:
    if not isinstance(obj, dict):
        raise ProtocolViolation(f"{where} is not an object")
    for name, ok in fields.items():
        if name not in obj:
            raise ProtocolViolation(f"{where}.{name} is missing")
        if not ok(obj[name]):
            raise ProtocolViolation(f"{where}.{name} has a wrong value: {str(obj[name])[:60]!r}")


def parse_hello(result: Any) -> StoveInfo:
    """The ``hello`` result as StoveInfo; raises ProtocolViolation naming a missing or wrong field."""
    _check(result, HELLO_FIELDS, "hello result")
    _check(result["stove"], STOVE_FIELDS, "hello result.stove")
    _check(result["limits"], LIMIT_FIELDS, "hello result.limits")
    for i, zone in enumerate(result["zones"]):
        _check(zone, ZONE_INFO_FIELDS, f"hello result.zones[{i}]")
        if zone["id"] != i:
            raise ProtocolViolation(f"hello result.zones[{i}].id is {zone['id']}, zone ids must be 0..N-1 in order")
    return StoveInfo.from_hello(result)


def parse_state(params: Any, zone_count: int | None, where: str = "telemetry") -> StoveState:
    """A telemetry or ``state.get`` snapshot; zones must match the ones ``hello`` announced."""
    _check(params, STATE_FIELDS, where)
    if where == "telemetry" and not is_int(params.get("seq")):
        raise ProtocolViolation("telemetry.seq is missing or not an integer")
    zones = params["zones"]
    if zone_count is not None and len(zones) != zone_count:
        raise ProtocolViolation(f"{where} has {len(zones)} zones, hello announced {zone_count}")
    for i, zone in enumerate(zones):
        _check(zone, ZONE_STATE_FIELDS, f"{where}.zones[{i}]")
        if zone["id"] != i:
            raise ProtocolViolation(f"{where}.zones[{i}].id is {zone['id']}, expected {i}")
    return StoveState.from_dict(params)


def parse_event(params: Any, zone_count: int | None) -> StoveEvent:
    _check(params, EVENT_FIELDS, "event")
    zone = params["zone"]
    if zone is not None and zone_count is not None and not 0 <= zone < zone_count:
        raise ProtocolViolation(f"event.zone {zone} is not a zone of this stove")
    if params["kind"] not in EVENT_KINDS:
        log.info("stove sent an event of a kind KSP/1 does not name: %r", params["kind"])
    return StoveEvent.from_dict(params)
