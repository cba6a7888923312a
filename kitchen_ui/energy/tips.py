"""Energy tips computed on the simulator, for one recipe on one stove (no Qt, no wall clock).

The recipe is cooked on a simulated stove of the same zones (``recipes try``: a
:class:`~kitchen_ui.sim.local.LocalStove` on a :class:`~kitchen_ui.core.clock.ManualClock`),
watching each zone's physics. Three tips follow from what it measures:

* **Lid** — for a pot of water that boiled: the simulator's evaporation (kg of steam and the
  heat it carried off). The simulator models no lid, so the tip states the physics: a lid turns
  that steam back into the pot, so once the pot boils the zone can be turned down to hold it;
  the heat the steam carried, divided by the zone's efficiency measured in the same run, is the
  most that can save ("up to").
* **Residual heat** — for a radiant or gas zone: from copies of the zone taken before it was
  switched off, the run is continued twice, as cooked and switched off early; the most minutes
  early for which the pot stays within 5 °C of the cooked run are the tip, and the energy the
  zone drew in those minutes is the saving.
* **Induction instead of gas** — for a pot of water on a gas zone: the same pot brought to the
  boil on that gas zone and on an induction zone (the stove's own, or a 2.3 kW one), side by
  side on a simulated stove; the energies, costs and CO2 at the user's settings are compared
  (gas is usually cheaper per kWh, so the cost saving can be smaller than the energy saving, or
  negative: the tip says so).
"""

from __future__ import annotations

import copy
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ..core.clock import ManualClock
from ..recipes.model import Recipe, Vessel
from ..recipes.trial import run_trial
from ..sim.local import LocalStove
from ..sim.materials import WATER_BOIL_C
from ..sim.profiles import StoveProfile, ZoneSpec
from ..sim.zone import SimZone
from .settings import EnergySettings

SNAPSHOT_EVERY_S = 30.0
MAX_EARLY_MIN = 10
RESIDUAL_TOLERANCE_C = 5.0
MIN_STEAM_KG = 0.05
REFERENCE_INDUCTION = ZoneSpec(name="induction (reference)", kind="induction", diameter_mm=210,
                               max_power_w=2300.0, boost_power_w=3700.0)


@dataclass(frozen=True)
class Tip:
    kind: str                  # "lid", "residual_heat", "induction"
    pot: str
    zone: int
    text: str
    saving_wh: float
    saving_cost: float = 0.0
    saving_co2_g: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "pot": self.pot, "zone": self.zone, "text": self.text,
                "saving_wh": round(self.saving_wh, 1), "saving_cost": round(self.saving_cost, 4),
                "saving_co2_g": round(self.saving_co2_g, 1), "data": self.data}


@dataclass
class ZoneWatch:
    """What the simulated run showed for one zone."""

    zone: int
    pot: str
    kind: str
    drawn_j: float = 0.0
    into_food_j: float = 0.0
    vapour_j: float = 0.0
    steam_kg: float = 0.0
    boil_s: float = 0.0
    was_on: bool = False
    last_snap_t: float = -1e9
    snaps: deque = field(default_factory=lambda: deque(maxlen=MAX_EARLY_MIN * 2 + 2))
    off_at: float | None = None
    off_snaps: list[tuple[float, SimZone]] = field(default_factory=list)


def watch_recipe(recipe: Recipe, profile: StoveProfile) -> tuple[dict[int, ZoneWatch], Any]:
    """Cook ``recipe`` on ``profile`` in the simulator; per-zone observations and the trial result."""
    watches: dict[int, ZoneWatch] = {}
    last_t = [0.0]

    def watch(stove: LocalStove, engine: Any) -> None:
        t = stove.sim.t
        dt, last_t[0] = t - last_t[0], t
        for pot, zid in engine.zone_plan.items():
            z = stove.sim.zones[zid]
            w = watches.setdefault(zid, ZoneWatch(zid, pot, z.info.kind))
            ph = z.physics
            w.drawn_j, w.into_food_j = ph.energy_drawn_j, ph.heat_into_food_j
            if ph.pan is not None and ph.pan.contents_kind == "water" and ph.contents_temp_c >= WATER_BOIL_C - 0.01 \
                    and ph.evaporated_kg > w.steam_kg:
                w.boil_s += dt
            w.vapour_j, w.steam_kg = ph.energy_vapour_j, ph.evaporated_kg
            on = z.mode != "off"
            if on and w.kind != "induction" and t - w.last_snap_t >= SNAPSHOT_EVERY_S:
                w.snaps.append((t, copy.deepcopy(z)))
                w.last_snap_t = t
            if w.was_on and not on and w.snaps:
                w.off_at, w.off_snaps = t, list(w.snaps)
            w.was_on = on

    result = run_trial(recipe, profile, watch=watch)
    return watches, result


def _run(zone: SimZone, seconds: float, switch_off: bool) -> tuple[list[float], float]:
    """Continue a copy of ``zone`` for ``seconds``: (temperatures each second, Wh drawn)."""
    z = copy.deepcopy(zone)
    if switch_off:
        z.switch_off()
    start = z.energy_wh
    temps = []
    for _ in range(int(seconds)):
        z.step(1.0)
        temps.append(z.physics.reading_c if z.physics.reading_c is not None else z.physics.pan_temp_c)
    return temps, z.energy_wh - start


def residual_minutes(w: ZoneWatch) -> tuple[int, float, float]:
    """(whole minutes early, Wh saved, lowest temperature gap) for switching off before ``w.off_at``."""
    best = (0, 0.0, 0.0)
    if w.off_at is None:
        return best
    for minutes in range(1, MAX_EARLY_MIN + 1):
        start = w.off_at - minutes * 60
        snap = min(w.off_snaps, key=lambda s: abs(s[0] - start))
        if abs(snap[0] - start) > SNAPSHOT_EVERY_S / 2 + 1:
            break
        remaining = w.off_at - snap[0]
        cooked, wh = _run(snap[1], remaining, switch_off=False)
        early, _ = _run(snap[1], remaining, switch_off=True)
        gap = min(e - c for e, c in zip(early, cooked))
        if gap < -RESIDUAL_TOLERANCE_C:
            break
        best = (minutes, wh, gap)
    return best


def boil_energy(vessel: Vessel, specs: tuple[ZoneSpec, ...], limit_s: float = 3600.0) -> list[tuple[float, float]]:
    """(seconds, Wh) each zone of ``specs`` takes to bring ``vessel`` from 20 °C to the boil at its top level."""
    clock = ManualClock()
    stove = LocalStove(StoveProfile(name="boil", model="boil comparison", zones=specs), clock=clock,
                       threaded=False, with_pans=False)
    stove.start()
    try:
        pan = vessel.pan_params()
        if vessel.material in ("aluminium", "copper"):
            pan = {**pan, "material": "steel"}       # induction needs a magnetic base
        pan["contents"]["temp_c"] = 20.0
        out: list[tuple[float, float] | None] = [None] * len(specs)
        for i in range(len(specs)):
            stove.sim_set_pan(i, pan).result()
            stove.set_level(i, stove.info.zones[i].levels).result()   # type: ignore[union-attr]
        while clock.now() < limit_s and any(o is None for o in out):
            stove.advance(2.0)
            for z in stove.state.zones:              # type: ignore[union-attr]
                if out[z.id] is None and z.temp_c is not None and z.temp_c >= WATER_BOIL_C - 0.5:
                    out[z.id] = (clock.now(), z.energy_wh)
        return [o if o is not None else (limit_s, float("nan")) for o in out]
    finally:
        stove.stop()


def _induction_spec(profile: StoveProfile, near_w: float) -> ZoneSpec:
    inductions = [z for z in profile.zones if z.kind == "induction"]
    if not inductions:
        return REFERENCE_INDUCTION
    return min(inductions, key=lambda z: abs(z.max_power_w - near_w))


def recipe_tips(recipe: Recipe, profile: StoveProfile, settings: EnergySettings | None = None) -> list[Tip]:
    """Tips for ``recipe`` on ``profile``, each with its saving computed on the simulator."""
    s = settings or EnergySettings()
    watches, _ = watch_recipe(recipe, profile)
    tips: list[Tip] = []
    for w in watches.values():
        label = (recipe.pot(w.pot).label if recipe.pot(w.pot) else "") or w.pot
        eff = w.into_food_j / w.drawn_j if w.drawn_j > 0 else 0.0
        if w.steam_kg >= MIN_STEAM_KG and eff > 0:
            saving = min(w.vapour_j / eff, w.drawn_j) / 3600.0
            tips.append(Tip(
                "lid", w.pot, w.zone,
                f"{label}: the simulator boiled off {w.steam_kg * 1000:.0f} g of water in {w.boil_s / 60:.0f} min "
                f"of boiling; the steam carried {w.vapour_j / 3600:.0f} Wh, {w.vapour_j / w.drawn_j:.0%} of what "
                f"this zone drew. With a lid most of it condenses back: once it boils, turn down to a simmer "
                f"under the lid and save up to {saving:.0f} Wh (at this zone's {eff:.0%} efficiency).",
                saving, s.cost(w.kind, saving), s.co2_g(w.kind, saving),
                {"steam_kg": round(w.steam_kg, 3), "boil_min": round(w.boil_s / 60, 1),
                 "steam_wh": round(w.vapour_j / 3600, 1), "efficiency": round(eff, 3)}))
        if w.kind in ("radiant", "gas"):
            minutes, wh, gap = residual_minutes(w)
            if minutes > 0 and wh > 0:
                tips.append(Tip(
                    "residual_heat", w.pot, w.zone,
                    f"{label}: switch the {w.kind} zone off {minutes} min early; in the simulator its residual "
                    f"heat keeps the pot within {abs(gap):.1f} °C of the full run and saves {wh:.0f} Wh.",
                    wh, s.cost(w.kind, wh), s.co2_g(w.kind, wh), {"minutes": minutes, "gap_c": round(gap, 2)}))
        pot = recipe.pot(w.pot)
        vessel = pot.vessel if pot else None
        if w.kind == "gas" and vessel is not None and vessel.contents == "water" and vessel.contents_kg > 0:
            gas_spec = profile.zones[w.zone]
            ind_spec = _induction_spec(profile, gas_spec.max_power_w)
            (t_gas, e_gas), (t_ind, e_ind) = boil_energy(vessel, (gas_spec, ind_spec))
            saving = e_gas - e_ind
            cost = s.cost("gas", e_gas) - s.cost("induction", e_ind)
            co2 = s.co2_g("gas", e_gas) - s.co2_g("induction", e_ind)
            money = (f"saving {cost:.2f} {s.currency}" if cost >= 0 else
                     f"but costing {-cost:.2f} {s.currency} more at your tariffs")
            tips.append(Tip(
                "induction", w.pot, w.zone,
                f"{label}: bringing {vessel.contents_kg:g} kg of water to the boil takes {e_gas:.0f} Wh of gas "
                f"({t_gas / 60:.1f} min) on this zone and {e_ind:.0f} Wh on the {ind_spec.max_power_w / 1000:g} kW "
                f"induction zone ({t_ind / 60:.1f} min): {saving:.0f} Wh less, {money}, {co2:.0f} g CO2 "
                f"{'less' if co2 >= 0 else 'more'}.",
                saving, cost, co2, {"gas_wh": round(e_gas, 1), "induction_wh": round(e_ind, 1),
                                    "gas_min": round(t_gas / 60, 2), "induction_min": round(t_ind / 60, 2),
                                    "induction_zone": ind_spec.name}))
    return tips
