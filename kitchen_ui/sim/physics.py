"""Lumped thermal model of one burner zone: element, pan and contents.

Three nodes in a chain, element -> pan -> contents, each ``m*cp*dT/dt = heat in - heat out``.
Couplings and convective losses are integrated implicitly (a tridiagonal solve), so any step up
to a second is stable even for a thin copper pan; radiation is evaluated explicitly. Water
plateaus at its boiling point: heat beyond it evaporates water with its latent heat until the
pan is dry. Induction has no element node: the coil heats the pan itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .materials import (
    CONTENTS, KELVIN, PAN_MATERIALS, STEFAN_BOLTZMANN, WATER_BOIL_C, WATER_LATENT_J_PER_KG, ZONE_KINDS,
)

CONVECTION_W_PER_M2K = 12.0
PAN_HEIGHT_M = 0.09
DRY_BELOW_KG = 0.002


@dataclass
class Pan:
    material: str = "steel"
    mass_kg: float = 1.2
    contents_kind: str = "none"      # "water", "oil", "none"
    contents_mass_kg: float = 0.0


class ZonePhysics:
    """Temperatures and energy of one zone; ``step(dt, power_w)`` moves it forward."""

    def __init__(self, kind: str, diameter_mm: float, ambient_c: float = 20.0) -> None:
        if kind not in ZONE_KINDS:
            raise ValueError(f"unknown zone kind {kind!r}")
        self.kind = kind
        k = ZONE_KINDS[kind]
        self.direct = k["direct"]
        self.heater_c = k["heater_mass_j_per_k"]
        self.g_hp = k["g_heater_pan"]
        self.g_hl = k["g_heater_loss"]
        self.diameter_m = diameter_mm / 1000.0
        self.ambient_c = ambient_c
        self.heater_temp_c = ambient_c
        self.pan: Pan | None = None
        self.pan_temp_c = ambient_c
        self.contents_temp_c = ambient_c
        self.boiled = False              # water has reached its boiling point at least once
        self.heat_into_food_j = 0.0      # energy stored in pan + contents + evaporation
        self.energy_drawn_j = 0.0
        self.evaporated_kg = 0.0

    # -- configuration --------------------------------------------------------------------------
    def set_pan(self, pan: Pan | None, contents_temp_c: float | None = None) -> None:
        had_pan = self.pan is not None
        self.pan = pan
        if pan is None:
            return
        if pan.material not in PAN_MATERIALS:
            raise ValueError(f"unknown pan material {pan.material!r}")
        if pan.contents_kind not in ("water", "oil", "none"):
            raise ValueError(f"unknown contents {pan.contents_kind!r}")
        if not had_pan:
            self.pan_temp_c = self.ambient_c
        if contents_temp_c is not None:
            self.contents_temp_c = contents_temp_c
            self.pan_temp_c = contents_temp_c if not had_pan else self.pan_temp_c
        elif not had_pan:
            self.contents_temp_c = self.ambient_c
        if pan.contents_kind == "water" and self.contents_temp_c > WATER_BOIL_C:
            self.contents_temp_c = WATER_BOIL_C
        self.boiled = False

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

    # -- integration ----------------------------------------------------------------------------
    def step(self, dt: float, power_w: float) -> None:
        """Advance ``dt`` seconds with ``power_w`` drawn from the mains or the gas line."""
        self.energy_drawn_j += power_w * dt
        q_in = power_w * self.direct
        ta = self.ambient_c
        pan = self.pan
        has_heater = self.heater_c > 0

        if pan is None:
            if has_heater:
                loss_rad = self._radiation(self.heater_temp_c, 0.9, self._bottom_area())
                c = self.heater_c / dt
                self.heater_temp_c = (c * self.heater_temp_c + q_in - loss_rad + self.g_hl * 4 * ta) / (c + self.g_hl * 4)
            return

        mat = PAN_MATERIALS[pan.material]
        cp_pan = pan.mass_kg * mat["cp"]
        area = self._pan_area()
        g_pan_loss = CONVECTION_W_PER_M2K * area
        rad_pan = self._radiation(self.pan_temp_c, mat["emissivity"], area)
        pan_heat_before = cp_pan * self.pan_temp_c

        # Unknowns: [heater?], pan, [contents?]; backward Euler on the linear parts.
        diag: list[float] = []
        rhs: list[float] = []
        off: list[float] = []  # coupling between consecutive nodes (negative off-diagonals)
        if has_heater:
            c_h = self.heater_c / dt
            rad_h = self._radiation(self.heater_temp_c, 0.9, self._bottom_area()) * 0.3
            diag.append(c_h + self.g_hp + self.g_hl)
            rhs.append(c_h * self.heater_temp_c + q_in - rad_h + self.g_hl * ta)
            off.append(self.g_hp)
        c_p = cp_pan / dt
        d_pan = c_p + g_pan_loss + (self.g_hp if has_heater else 0.0)
        r_pan = c_p * self.pan_temp_c + g_pan_loss * ta - rad_pan + (0.0 if has_heater else q_in)
        has_contents = self.has_contents
        if has_contents:
            props = CONTENTS[pan.contents_kind]
            cp_c = pan.contents_mass_kg * props["cp"]
            g_pc = max(props["g_min"], props["g_per_kg"] * pan.contents_mass_kg)
            g_top = CONVECTION_W_PER_M2K * self._bottom_area()
            d_pan += g_pc
            diag.append(d_pan)
            rhs.append(r_pan)
            off.append(g_pc)
            c_c = cp_c / dt
            diag.append(c_c + g_pc + g_top)
            rhs.append(c_c * self.contents_temp_c + g_top * ta)
        else:
            diag.append(d_pan)
            rhs.append(r_pan)
        temps = _solve_chain(diag, off, rhs)

        i = 0
        if has_heater:
            self.heater_temp_c = temps[0]
            i = 1
        self.pan_temp_c = temps[i]
        stored = cp_pan * self.pan_temp_c - pan_heat_before
        if has_contents:
            before = cp_c * self.contents_temp_c
            t_c = temps[i + 1]
            if pan.contents_kind == "water" and t_c >= WATER_BOIL_C:
                excess_j = (t_c - WATER_BOIL_C) * cp_c
                boiled_off = min(pan.contents_mass_kg, excess_j / WATER_LATENT_J_PER_KG)
                pan.contents_mass_kg -= boiled_off
                self.evaporated_kg += boiled_off
                stored += boiled_off * WATER_LATENT_J_PER_KG
                t_c = WATER_BOIL_C
                self.boiled = True
                if pan.contents_mass_kg < DRY_BELOW_KG:
                    pan.contents_mass_kg = 0.0
                    pan.contents_kind = "none"
            self.contents_temp_c = t_c
            stored += pan.contents_mass_kg * CONTENTS.get(pan.contents_kind, {"cp": 0.0})["cp"] * t_c - before \
                if pan.contents_kind != "none" else -before
        if self.pan is not None and not self.has_contents:
            self.contents_temp_c = self.pan_temp_c
        self.heat_into_food_j += stored

    # -- geometry -------------------------------------------------------------------------------
    def _bottom_area(self) -> float:
        r = self.diameter_m / 2
        return math.pi * r * r

    def _pan_area(self) -> float:
        r = self.diameter_m / 2
        return 2 * math.pi * r * PAN_HEIGHT_M + (0.0 if self.has_contents else math.pi * r * r)

    def _radiation(self, temp_c: float, emissivity: float, area: float) -> float:
        t = temp_c + KELVIN
        a = self.ambient_c + KELVIN
        return emissivity * STEFAN_BOLTZMANN * area * (t ** 4 - a ** 4)


def _solve_chain(diag: list[float], off: list[float], rhs: list[float]) -> list[float]:
    """Solve a symmetric tridiagonal system with ``-off[i]`` beside the diagonal (Thomas)."""
    n = len(diag)
    if n == 1:
        return [rhs[0] / diag[0]]
    c = [0.0] * n
    d = [0.0] * n
    c[0] = -off[0] / diag[0]
    d[0] = rhs[0] / diag[0]
    for i in range(1, n):
        m = diag[i] + off[i - 1] * c[i - 1]
        c[i] = (-off[i] / m) if i < n - 1 else 0.0
        d[i] = (rhs[i] + off[i - 1] * d[i - 1]) / m
    x = [0.0] * n
    x[-1] = d[-1]
    for i in range(n - 2, -1, -1):
        x[i] = d[i] - c[i] * x[i + 1]
    return x
