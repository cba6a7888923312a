"""Shared helpers for the simulated stove's tests: small stoves on a manual clock.

A plain module (tests import it by name; pytest puts this folder on sys.path) rather than a
conftest, so its helpers can be imported. Nothing here sleeps: time moves with
``ManualClock.advance``.
"""

from __future__ import annotations

from typing import Any, Callable

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import StoveEvent
from kitchen_ui.sim.profiles import StoveProfile, ZoneSpec
from kitchen_ui.sim.stove import SimulatedStove

# the zones the published figures are checked against (see test_sim_calibration.py)
INDUCTION_LARGE = dict(kind="induction", diameter_mm=210, max_power_w=2300, boost_power_w=3700)
RADIANT_SMALL = dict(kind="radiant", diameter_mm=145, max_power_w=1200, boost_power_w=None)
RADIANT_MEDIUM = dict(kind="radiant", diameter_mm=180, max_power_w=1800, boost_power_w=None)
GAS_MEDIUM = dict(kind="gas", diameter_mm=230, max_power_w=1750, boost_power_w=None)
GAS_RAPID = dict(kind="gas", diameter_mm=230, max_power_w=3000, boost_power_w=None)


def pan(material: str = "steel", mass_kg: float = 1.2, kind: str = "none", contents_kg: float = 0.0,
        temp_c: float | None = None) -> dict[str, Any]:
    contents: dict[str, Any] = {"kind": kind, "mass_kg": contents_kg}
    if temp_c is not None:
        contents["temp_c"] = temp_c
    return {"material": material, "mass_kg": mass_kg, "contents": contents}


def zone_spec(zone: dict[str, Any], pan_: dict[str, Any] | None = None, name: str = "test") -> ZoneSpec:
    return ZoneSpec(name=name, pan=pan_, **zone)


class Bench:
    """A simulated stove on a manual clock, with its events collected."""

    def __init__(self, *zones: ZoneSpec, **stove_kwargs: Any) -> None:
        self.clock = ManualClock()
        profile = StoveProfile(name="test", model="test stove", zones=tuple(zones))
        self.stove = SimulatedStove(profile, self.clock, **stove_kwargs)
        self.events: list[StoveEvent] = []
        self.stove.event.connect(self.events.append)

    @property
    def t(self) -> float:
        return self.stove.t

    def zone(self, i: int = 0):
        return self.stove.zone_snapshot(i)

    def advance(self, seconds: float, chunk: float = 5.0) -> None:
        """Move stove time on, updating every ``chunk`` seconds like a telemetry loop would."""
        end = self.clock.now() + seconds
        while self.clock.now() < end - 1e-9:
            self.clock.advance(min(chunk, end - self.clock.now()))
            self.stove.update()

    def run_until(self, cond: Callable[[], bool], limit_s: float, chunk: float = 1.0) -> float | None:
        """Advance until ``cond()`` holds (checked every ``chunk``); stove time then, or None."""
        end = self.clock.now() + limit_s
        while self.clock.now() < end - 1e-9:
            self.clock.advance(min(chunk, end - self.clock.now()))
            self.stove.update()
            if cond():
                return self.stove.t
        return None

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def first(self, kind: str) -> StoveEvent:
        return next(e for e in self.events if e.kind == kind)
