"""Lumped thermal model of one burner zone: element, pan and contents.

Up to three nodes around the pan, element -> pan -> contents, each ``m*cp*dT/dt = heat in - heat
out``. Couplings and losses (convection, and radiation linearised about the last temperature) are
integrated implicitly, so any step up to a few seconds is stable even for a thin copper pan; the
pan sits in the middle, so the solve is a two-line elimination. Boiling water is held at 100 °C
(the pan sees a fixed temperature) and the net heat into it evaporates water with its latent
heat, down to the last gram; then the pan is dry and heats on. Induction has no element node: the
coil heats the pan itself. Evaporation below boiling point is not modelled.

Energy is book-kept exactly: ``energy_drawn_j`` equals the change of :meth:`stored_heat_j` plus
``energy_lost_j`` plus ``energy_vapour_j`` (tests/sim/test_sim_properties.py checks it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from .materials import (
    CONTENTS, HEATER_EMISSIVITY, KELVIN, PAN_MATERIALS, STEFAN_BOLTZMANN, WATER_BOIL_C,
    WATER_LATENT_J_PER_KG, ZONE_KINDS,
)

CONVECTION_W_PER_M2K = 12.0
PAN_HEIGHT_M = 0.09
CONTENT_KINDS = ("water", "oil", "none")


@dataclass
class Pan:
    material: str = "steel"
    mass_kg: float = 1.2
    contents_kind: str = "none"      # "water", "oil", "none"
    contents_mass_kg: float = 0.0


def radiation_conductance(temp_c: float, ambient_c: float, emissivity_area: float) -> float:
    """W/K such that ``g * (T - Ta)`` is the exact radiative loss at ``temp_c``."""
    t = temp_c + KELVIN
    a = ambient_c + KELVIN
    return emissivity_area * STEFAN_BOLTZMANN * (t * t + a * a) * (t + a)


class ZonePhysics:
    """Temperatures and energy of one zone; ``step(dt, power_w)`` moves it forward."""

    def __init__(self, kind: str, diameter_mm: float, ambient_c: float = 20.0) -> None:
        if kind not in ZONE_KINDS:
            raise ValueError(f"unknown zone kind {kind!r}")
        if not diameter_mm > 0:
            raise ValueError(f"diameter_mm must be above 0, not {diameter_mm!r}")
        self.kind = kind
        k = ZONE_KINDS[kind]
        r = diameter_mm / 2000.0
        self.diameter_m = diameter_mm / 1000.0
        self.zone_area_m2 = math.pi * r * r
        self.side_area_m2 = 2 * math.pi * r * PAN_HEIGHT_M
        self.to_pan = k["to_pan"]
        self.to_heater = k["to_heater"]
        self.heater_c = k["heater_j_per_km2"] * self.zone_area_m2       # J/K
        self.g_hp = k["g_heater_pan_per_m2"] * self.zone_area_m2        # W/K
        self.g_hl = k["g_heater_loss_per_m2"] * self.zone_area_m2       # W/K
        self.ambient_c = ambient_c
        self.heater_temp_c = ambient_c
        self.pan: Pan | None = None
        self.pan_temp_c = ambient_c
        self.contents_temp_c = ambient_c
        self.boiled = False              # water has reached its boiling point at least once
        self.heat_into_food_j = 0.0      # energy into pan + contents + evaporation
        self.energy_drawn_j = 0.0
        self.energy_lost_j = 0.0         # to the room: at once, by convection, by radiation
        self.energy_vapour_j = 0.0       # carried off by steam (sensible + latent heat)
        self.evaporated_kg = 0.0
        self._pan_c = 0.0                # J/K of the pan, cached by set_pan
        self._pan_eps = 0.0

    # -- configuration --------------------------------------------------------------------------
    def set_pan(self, pan: Pan | None, contents_temp_c: float | None = None) -> None:
        """Put a pan on the zone (or take it off with ``None``).

        A pan put on an empty zone starts at room temperature (or at ``contents_temp_c`` with its
        contents); replacing a pan keeps the pan's temperature (new contents in the same pan).
        The zone keeps its own copy: boiling changes it, never the caller's object.
        """
        if pan is not None:
            if pan.material not in PAN_MATERIALS:
                raise ValueError(f"unknown pan material {pan.material!r}")
            if pan.contents_kind not in CONTENT_KINDS:
                raise ValueError(f"unknown contents {pan.contents_kind!r}")
            if not pan.mass_kg > 0 or pan.contents_mass_kg < 0:
                raise ValueError("a pan needs a mass above 0 and contents of 0 kg or more")
        had_pan = self.pan is not None
        pan = None if pan is None else replace(pan)
        if pan is not None and pan.contents_mass_kg == 0:
            pan.contents_kind = "none"       # "0 kg of water" is an empty pan, as one boiled dry is
        self.pan = pan
        self.boiled = False
        if pan is None:
            return
        mat = PAN_MATERIALS[pan.material]
        self._pan_c = pan.mass_kg * mat["cp"]
        self._pan_eps = mat["emissivity"]
        if not had_pan:
            self.pan_temp_c = self.ambient_c if contents_temp_c is None else contents_temp_c
        if contents_temp_c is not None:
            self.contents_temp_c = contents_temp_c
        elif not had_pan:
            self.contents_temp_c = self.ambient_c
        if pan.contents_kind == "water" and self.contents_temp_c > WATER_BOIL_C:
            self.contents_temp_c = WATER_BOIL_C
        if not self.has_contents:
            self.contents_temp_c = self.pan_temp_c

    @property
    def has_contents(self) -> bool:
        return self.pan is not None and self.pan.contents_kind != "none" and self.pan.contents_mass_kg > 0

    @property
    def pan_magnetic(self) -> bool:
        """Induction needs a ferromagnetic base (aluminium and copper pans are not detected)."""
        return self.pan is not None and PAN_MATERIALS[self.pan.material]["magnetic"] > 0.5

    @property
    def reading_c(self) -> float | None:
        """What the zone's sensor reads: the contents if any, else the pan, None without a pan."""
        if self.pan is None:
            return None
        return self.contents_temp_c if self.has_contents else self.pan_temp_c

    @property
    def hottest_c(self) -> float:
        t = self.heater_temp_c if self.heater_c > 0 else self.ambient_c
        if self.pan is not None:
            t = max(t, self.pan_temp_c)
        return t

    def stored_heat_j(self) -> float:
        """Heat held by element, pan and contents, counted from 0 °C (for energy balances)."""
        e = self.heater_c * self.heater_temp_c
        pan = self.pan
        if pan is not None:
            e += self._pan_c * self.pan_temp_c
            if self.has_contents:
                e += pan.contents_mass_kg * CONTENTS[pan.contents_kind]["cp"] * self.contents_temp_c
        return e

    # -- integration ----------------------------------------------------------------------------
    def step(self, dt: float, power_w: float) -> None:
        """Advance ``dt`` seconds with ``power_w`` drawn from the mains or the gas line."""
        ta = self.ambient_c
        pan = self.pan
        self.energy_drawn_j += power_w * dt
        if pan is None:
            self._step_without_pan(dt, power_w, ta)
            return

        # pan node: convection from the walls (and the inside base when empty), radiation
        has_contents = self.has_contents
        area = self.side_area_m2 if has_contents else self.side_area_m2 + self.zone_area_m2
        tp = self.pan_temp_c
        g_pl = CONVECTION_W_PER_M2K * area + radiation_conductance(tp, ta, self._pan_eps * area)
        c_p = self._pan_c / dt
        a_p = c_p + g_pl
        b_p = c_p * tp + self.to_pan * power_w + g_pl * ta
        lost_w = (1.0 - self.to_pan - self.to_heater) * power_w

        # eliminate the element (if any) and the contents (if any) into the pan's equation
        if self.heater_c > 0:
            th = self.heater_temp_c
            c_h = self.heater_c / dt
            g_hp, g_hl = self.g_hp, self.g_hl
            a_h = c_h + g_hp + g_hl
            b_h = c_h * th + self.to_heater * power_w + g_hl * ta
            a_p += g_hp - g_hp * g_hp / a_h
            b_p += g_hp * b_h / a_h
        if has_contents:
            props = CONTENTS[pan.contents_kind]
            m = pan.contents_mass_kg
            cc = m * props["cp"]
            tc = self.contents_temp_c
            g_pc = max(props["g_min"], props["g_per_kg"] * m)
            top = self.zone_area_m2
            g_top = CONVECTION_W_PER_M2K * top + radiation_conductance(tc, ta, props["emissivity"] * top)
            boiling = False
            if pan.contents_kind == "water" and tc >= WATER_BOIL_C - 1e-9:
                # boiling water stays at 100 °C: the pan sees a fixed temperature, the net heat
                # into the water makes steam (unless the water is losing heat: then it cools)
                tp_new = (b_p + g_pc * WATER_BOIL_C) / (a_p + g_pc)
                boil_w = g_pc * (tp_new - WATER_BOIL_C) - g_top * (WATER_BOIL_C - ta)
                boiling = boil_w > 0
            if not boiling:
                c_c = cc / dt
                a_c = c_c + g_pc + g_top
                b_c = c_c * tc + g_top * ta
                tp_new = (b_p + g_pc * b_c / a_c) / (a_p + g_pc - g_pc * g_pc / a_c)
        else:
            tp_new = b_p / a_p

        food_before = self._pan_c * tp
        self.pan_temp_c = tp_new
        lost_w += g_pl * (tp_new - ta)
        if self.heater_c > 0:
            th_new = (b_h + g_hp * tp_new) / a_h
            self.heater_temp_c = th_new
            lost_w += g_hl * (th_new - ta)
        vapour_j = 0.0
        if has_contents:
            food_before += cc * tc
            if boiling:
                lost_w += g_top * (WATER_BOIL_C - ta)
                vapour_j = self._evaporate(pan, boil_w * dt)
            else:
                tc_new = (b_c + g_pc * tp_new) / a_c
                lost_w += g_top * (tc_new - ta)
                self.contents_temp_c = tc_new
                if pan.contents_kind == "water" and tc_new > WATER_BOIL_C:
                    vapour_j = self._evaporate(pan, (tc_new - WATER_BOIL_C) * cc)
        self.energy_lost_j += lost_w * dt
        food_after = self._pan_c * self.pan_temp_c
        if has_contents and pan.contents_kind != "none":     # (it may just have boiled dry)
            food_after += pan.contents_mass_kg * CONTENTS[pan.contents_kind]["cp"] * self.contents_temp_c
        else:
            self.contents_temp_c = self.pan_temp_c
        self.heat_into_food_j += food_after - food_before + vapour_j

    def _evaporate(self, pan: Pan, heat_j: float) -> float:
        """Turn ``heat_j`` into steam from water at 100 °C; returns the heat the steam carries off
        (its sensible heat and latent heat). When the last water goes, the rest heats the pan.
        """
        self.boiled = True
        m = pan.contents_mass_kg
        boiled_off = min(m, heat_j / WATER_LATENT_J_PER_KG)
        vapour = boiled_off * (CONTENTS["water"]["cp"] * WATER_BOIL_C + WATER_LATENT_J_PER_KG)
        self.energy_vapour_j += vapour
        self.evaporated_kg += boiled_off
        self.contents_temp_c = WATER_BOIL_C
        if boiled_off >= m:
            pan.contents_mass_kg = 0.0
            pan.contents_kind = "none"
            self.pan_temp_c += (heat_j - m * WATER_LATENT_J_PER_KG) / self._pan_c
        else:
            pan.contents_mass_kg = m - boiled_off
        return vapour

    def _step_without_pan(self, dt: float, power_w: float, ta: float) -> None:
        """No pan: the element (or grate) heats and sheds its heat to the room; the rest is lost."""
        lost_w = (1.0 - self.to_heater) * power_w
        if self.heater_c > 0:
            th = self.heater_temp_c
            area = self.zone_area_m2
            g = (self.g_hl + CONVECTION_W_PER_M2K * area
                 + radiation_conductance(th, ta, HEATER_EMISSIVITY * area))
            c_h = self.heater_c / dt
            th_new = (c_h * th + self.to_heater * power_w + g * ta) / (c_h + g)
            self.heater_temp_c = th_new
            lost_w += g * (th_new - ta)
        else:
            lost_w += self.to_heater * power_w
        self.energy_lost_j += lost_w * dt


# -- the JSON shape of a pan (``sim.set_pan`` and stove profiles) -------------------------------
PAN_MASS_KG = (0.05, 20.0)
CONTENTS_MASS_KG = (0.0, 50.0)
CONTENTS_TEMP_C = (-30.0, 250.0)


def pan_from_json(value: Any, where: str = "pan") -> tuple[Pan, float | None] | None:
    """A :class:`Pan` and its contents' starting temperature (or None) from
    ``{"material", "mass_kg", "contents": {"kind", "mass_kg", "temp_c"?}}``; ``None`` is no pan.

    Raises ValueError whose message names the field, e.g. ``pan.contents.kind: must be ...``.
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{where}: must be an object or null, not {value!r}")
    material = _choice(value, "material", tuple(PAN_MATERIALS), where)
    mass = _number(value, "mass_kg", PAN_MASS_KG, where)
    contents = value.get("contents")
    if contents is None:
        contents = {"kind": "none"}
    if not isinstance(contents, dict):
        raise ValueError(f"{where}.contents: must be an object, not {contents!r}")
    cw = f"{where}.contents"
    kind = _choice(contents, "kind", CONTENT_KINDS, cw)
    if kind != "none" and "mass_kg" not in contents:
        raise ValueError(f"{cw}.mass_kg: missing")
    cmass = _number(contents, "mass_kg", CONTENTS_MASS_KG, cw) if "mass_kg" in contents else 0.0
    ctemp = _number(contents, "temp_c", CONTENTS_TEMP_C, cw) if "temp_c" in contents else None
    return Pan(material, mass, kind, cmass), ctemp


def _choice(d: dict[str, Any], key: str, choices: tuple[str, ...], where: str) -> str:
    if key not in d:
        raise ValueError(f"{where}.{key}: missing")
    v = d[key]
    if not isinstance(v, str) or v not in choices:
        raise ValueError(f"{where}.{key}: must be one of {', '.join(choices)}, not {v!r}")
    return v


def _number(d: dict[str, Any], key: str, bounds: tuple[float, float], where: str) -> float:
    if key not in d:
        raise ValueError(f"{where}.{key}: missing")
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValueError(f"{where}.{key}: must be a number, not {v!r}")
    lo, hi = bounds
    if not lo <= v <= hi:
        raise ValueError(f"{where}.{key}: {v:g} is out of range {lo:g}..{hi:g}")
    return float(v)
