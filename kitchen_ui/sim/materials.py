"""Material and burner figures for the simulator (SI units), from the project's research notes.

The zone-kind figures are calibrated (tests/sim/test_sim_calibration.py) so that a cold-start
boil of 1 L of water in a 1.2 kg steel pan lands on published boil times and on the efficiency of
each kind (US DoE via SCHOTT: induction ~84 %, radiant ~74 %, gas ~40 %). Measured here, heat
into water and pan over energy drawn from switch-on at 20 °C until the water boils:

    induction 2.3 kW / 210 mm   3.3 min   0.85
    radiant   1.2 kW / 145 mm   7.4 min   0.72     (1.8 kW / 180 mm: 5.2 min, 0.69)
    gas       1.75 kW / 230 mm  9.4 min   0.39     (3 kW rapid burner: 5.2 min, 0.41)

Radiant and gas lose part of their share to warming the element or grate first: that is why a
radiant ring keeps cooking after it is switched off, and why its cold-start figure sits below its
steady-state one.
"""

from __future__ import annotations

STEFAN_BOLTZMANN = 5.670374419e-8
KELVIN = 273.15

# specific heat J/(kg*K), emissivity of the outside of a typical pan, ferromagnetic or not
PAN_MATERIALS: dict[str, dict[str, float]] = {
    "steel": {"cp": 500.0, "emissivity": 0.6, "magnetic": 1.0},
    "cast_iron": {"cp": 460.0, "emissivity": 0.9, "magnetic": 1.0},
    "aluminium": {"cp": 903.0, "emissivity": 0.3, "magnetic": 0.0},
    "copper": {"cp": 385.0, "emissivity": 0.3, "magnetic": 0.0},
}

# specific heat J/(kg*K); heat-transfer conductance pan -> contents per kg of contents (W/K/kg)
# with a floor (a thin film still wets the base); emissivity of the free surface.
# Boiling water wets the pan far better than oil does.
CONTENTS: dict[str, dict[str, float]] = {
    "water": {"cp": 4186.0, "g_per_kg": 420.0, "g_min": 150.0, "emissivity": 0.95},
    "oil": {"cp": 2000.0, "g_per_kg": 120.0, "g_min": 40.0, "emissivity": 0.9},
}

WATER_LATENT_J_PER_KG = 2_257_000.0
WATER_BOIL_C = 100.0

# How each kind of zone turns drawn power into heat, per m^2 of zone where it scales with size:
#   to_pan: share of drawn power that lands in the pan at once (induction: eddy currents in the
#       base; radiant: infrared through the glass; gas: the flame's hot gases on the base)
#   to_heater: share that heats the element (radiant coil and glass) or the grate and burner cap
#   the rest is lost at once (electronics and coil; insulation below; flue gases past the pan)
#   heater_j_per_km2: thermal mass of the element per m^2 of zone (0 = no element: induction)
#   g_heater_pan_per_m2: conductance element -> pan per m^2 (contact and radiation through glass)
#   g_heater_loss_per_m2: element -> hob body and room per m^2 while a pan covers it
ZONE_KINDS: dict[str, dict[str, float]] = {
    "induction": {"to_pan": 0.885, "to_heater": 0.0, "heater_j_per_km2": 0.0,
                  "g_heater_pan_per_m2": 0.0, "g_heater_loss_per_m2": 0.0},
    "radiant": {"to_pan": 0.30, "to_heater": 0.62, "heater_j_per_km2": 12_000.0,
                "g_heater_pan_per_m2": 160.0, "g_heater_loss_per_m2": 12.0},
    "gas": {"to_pan": 0.45, "to_heater": 0.05, "heater_j_per_km2": 20_000.0,
            "g_heater_pan_per_m2": 40.0, "g_heater_loss_per_m2": 30.0},
}

# emissivity of an element or grate left without a pan (dark glass-ceramic, sooty cast iron)
HEATER_EMISSIVITY = 0.9

# share of full power at each level 1..9 (index 0 = off); real hobs space them roughly like this
LEVEL_FRACTION = (0.0, 0.06, 0.10, 0.15, 0.22, 0.30, 0.40, 0.53, 0.72, 1.0)
LEVELS = len(LEVEL_FRACTION) - 1   # the simulated zones' top level, announced in hello as ZoneInfo.levels
