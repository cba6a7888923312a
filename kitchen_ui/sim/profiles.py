"""Stove profiles: the zones of a hob, kept as JSON data files in ``resources/profiles``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import ZONE_KINDS
from ..resources import resource_path

PROFILE_DIR = "profiles"


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
    if not path.suffix:
        path = resource_path(PROFILE_DIR) / f"{name_or_path}.json"
        if not path.exists():
            raise ProfileError(f"no stove profile named {name_or_path!r}; known: {', '.join(profile_names())}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ProfileError(f"cannot read stove profile {path}: {exc}") from exc
    return parse_profile(data, str(path))


def parse_profile(data: Any, where: str = "profile") -> StoveProfile:
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: expected a JSON object")
    zones_raw = data.get("zones")
    if not isinstance(zones_raw, list) or not 1 <= len(zones_raw) <= 6:
        raise ProfileError(f"{where}: 'zones' must be a list of 1 to 6 zones")
    zones = []
    for i, z in enumerate(zones_raw):
        try:
            kind = z["kind"]
            if kind not in ZONE_KINDS:
                raise ProfileError(f"{where}: zone {i}: kind must be one of {', '.join(ZONE_KINDS)}")
            boost = z.get("boost_power_w")
            zones.append(ZoneSpec(
                name=str(z["name"]), kind=kind, diameter_mm=int(z["diameter_mm"]),
                max_power_w=float(z["max_power_w"]),
                boost_power_w=None if boost is None else float(boost),
                roles=tuple(z.get("role", ())), pan=z.get("pan"),
                min_target_c=float(z.get("min_target_c", 30)), max_target_c=float(z.get("max_target_c", 250)),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ProfileError):
                raise
            raise ProfileError(f"{where}: zone {i}: missing or bad field ({exc})") from exc
    return StoveProfile(name=str(data.get("name", where)), model=str(data.get("model", "Simulated stove")),
                        zones=tuple(zones), default=bool(data.get("default", False)))


def profile_with_zones(n: int) -> StoveProfile:
    """A profile with ``n`` zones (1-6): the first ``n`` zones of the 6-zone range."""
    if not 1 <= n <= 6:
        raise ProfileError(f"--zones must be between 1 and 6, not {n}")
    base = load_profile("range-6")
    return StoveProfile(name=f"zones-{n}", model=f"Simulated {n}-zone hob", zones=base.zones[:n])
