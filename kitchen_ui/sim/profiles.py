"""Stove profiles: the zones of a hob, kept as JSON data files in ``resources/profiles``."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..core.model import ZONE_KINDS
from ..resources import resource_path
from .physics import pan_from_json

PROFILE_DIR = "profiles"
MAX_ZONES = 6
_MISSING = object()


class ProfileError(ValueError):
    """A stove profile file is missing or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class ZoneSpec:
    name: str
    kind: str
    diameter_mm: int
    max_power_w: float
    boost_power_w: float | None
    roles: tuple[str, ...] = ()
    pan: dict[str, Any] | None = None
    min_target_c: float = 30.0
    max_target_c: float = 250.0


@dataclass(frozen=True)
class StoveProfile:
    name: str
    model: str
    zones: tuple[ZoneSpec, ...]
    default: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def profile_names() -> list[str]:
    return sorted(p.stem for p in resource_path(PROFILE_DIR).glob("*.json"))


def default_profile_name() -> str:
    for name in profile_names():
        if load_profile(name).default:
            return name
    return profile_names()[0]


def load_profile(name_or_path: str | Path) -> StoveProfile:
    """Load a profile by name (``hybrid-4``) or by path to a JSON file."""
    path = Path(name_or_path)
    if path.suffix.lower() != ".json" and not path.is_file():
        path = resource_path(PROFILE_DIR) / f"{name_or_path}.json"
        if not path.is_file():
            raise ProfileError(f"no stove profile named {str(name_or_path)!r}; known: {', '.join(profile_names())}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read stove profile {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ProfileError(f"stove profile {path} is not UTF-8 text: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(f"stove profile {path} is not valid JSON: {exc.msg} "
                           f"(line {exc.lineno}, column {exc.colno})") from None
    return parse_profile(data, str(path))


def parse_profile(data: Any, where: str = "profile") -> StoveProfile:
    """Check a profile's JSON; a ProfileError names the file (``where``) and the field."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: expected a JSON object at the top, not {type(data).__name__}")
    zones_raw = data.get("zones")
    if not isinstance(zones_raw, list) or not 1 <= len(zones_raw) <= MAX_ZONES:
        raise ProfileError(f"{where}: zones: must be a list of 1 to {MAX_ZONES} zones")
    for key in ("name", "model"):
        if key in data and not isinstance(data[key], str):
            raise ProfileError(f"{where}: {key}: must be text, not {data[key]!r}")
    if "default" in data and not isinstance(data["default"], bool):
        raise ProfileError(f"{where}: default: must be true or false, not {data['default']!r}")
    zones = tuple(_parse_zone(z, f"{where}: zones[{i}]") for i, z in enumerate(zones_raw))
    return StoveProfile(name=data.get("name", Path(where).stem), model=data.get("model", "Simulated stove"),
                        zones=zones, default=data.get("default", False))


def _parse_zone(z: Any, where: str) -> ZoneSpec:
    if not isinstance(z, dict):
        raise ProfileError(f"{where}: must be an object, not {z!r}")

    def field_(key: str, check: Callable[[Any], bool], what: str, default: Any = _MISSING) -> Any:
        if key not in z:
            if default is _MISSING:
                raise ProfileError(f"{where}.{key}: missing")
            return default
        v = z[key]
        if not check(v):
            raise ProfileError(f"{where}.{key}: must be {what}, not {v!r}")
        return v

    name = field_("name", lambda v: isinstance(v, str) and v.strip() != "", "non-empty text")
    kind = field_("kind", lambda v: v in ZONE_KINDS, "one of " + ", ".join(ZONE_KINDS))
    diameter = field_("diameter_mm", lambda v: _is_num(v) and 80 <= v <= 400, "a number 80..400")
    power = field_("max_power_w", lambda v: _is_num(v) and 100 <= v <= 8000, "a number 100..8000")
    boost = field_("boost_power_w", lambda v: v is None or (_is_num(v) and power < v <= 10000),
                   f"null or a number above max_power_w ({power:g}) up to 10000", None)
    roles = field_("role", lambda v: isinstance(v, list) and all(isinstance(r, str) for r in v),
                   "a list of words", [])
    tmin = field_("min_target_c", lambda v: _is_num(v) and 0 <= v <= 300, "a number 0..300", 30)
    tmax = field_("max_target_c", lambda v: _is_num(v) and tmin < v <= 300,
                  f"a number above min_target_c ({tmin:g}) up to 300", 250)
    pan = z.get("pan")
    try:
        pan_from_json(pan, "pan")
    except ValueError as exc:
        raise ProfileError(f"{where}.{exc}") from None
    return ZoneSpec(name=name, kind=kind, diameter_mm=int(diameter), max_power_w=float(power),
                    boost_power_w=None if boost is None else float(boost), roles=tuple(roles), pan=pan,
                    min_target_c=float(tmin), max_target_c=float(tmax))


def _is_num(v: Any) -> bool:
    return not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)


def profile_with_zones(n: int) -> StoveProfile:
    """A profile with ``n`` zones (1-6): the first ``n`` zones of the 6-zone range."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_ZONES:
        raise ProfileError(f"--zones must be a whole number 1 to {MAX_ZONES}, not {n!r}")
    base = load_profile("range-6")
    return StoveProfile(name=f"zones-{n}", model=f"Simulated {n}-zone hob", zones=base.zones[:n])
