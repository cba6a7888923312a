"""What the fleet screen shows of each stove and of the whole kitchen: plain values, no I/O.

:class:`~.fleet.Fleet` makes them from what the bridges publish; the screen only draws them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.model import StoveInfo, StoveState


@dataclass(frozen=True)
class StoveSummary:
    """One tile's worth: what a cook across the kitchen needs to know about a stove."""

    name: str
    model: str
    zones: int
    zones_on: tuple[str, ...]              # names of the zones that are on
    hottest_c: float | None
    hottest_zone: str
    faults: tuple[tuple[str, str], ...]    # (zone name, KSP/1 fault code: the screen puts it in words)
    link: str                              # "online", "lost", "connecting", "offline" (its bridge is gone)
    link_message: str
    control: bool
    recipe: str | None
    recipe_left_s: float | None
    power_w: float
    demand_w: float                        # what the zones on may draw at their settings
    energy_today_wh: float
    last_event: str = ""

    @property
    def online(self) -> bool:
        return self.link == "online"


@dataclass(frozen=True)
class KitchenBalance:
    power_w: float
    energy_today_wh: float
    demand_w: float
    budget_w: float | None
    stoves: int
    zones_on: int

    @property
    def over_budget(self) -> bool:
        return self.budget_w is not None and max(self.demand_w, self.power_w) > self.budget_w


@dataclass
class Delivery:
    """Telemetry messages received per stove, how many came in order (seq increasing), and how
    many the stove sent meanwhile (its seq numbers count them)."""

    received: dict[str, int] = field(default_factory=dict)
    in_order: dict[str, int] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)


def zone_demand_w(info: StoveInfo | None, state: StoveState) -> float:
    """What the zones that are on may draw: level/levels of the zone's power, boost's power, or
    full power for a held temperature (a controller may need all of it)."""
    total = 0.0
    for z in state.zones:
        if not z.is_on:
            continue
        zi = info.zones[z.id] if info is not None and z.id < len(info.zones) else None
        if zi is None:
            total += z.power_w
        elif z.boost and zi.boost_power_w:
            total += zi.boost_power_w
        elif z.mode == "level":
            total += zi.max_power_w * z.level / max(1, zi.levels)
        else:
            total += zi.max_power_w
    return total


def natural_key(name: str) -> list[Any]:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", name)]
