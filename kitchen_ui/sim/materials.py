"""Material figures for the simulator (SI units), from the project's research notes."""

from __future__ import annotations

STEFAN_BOLTZMANN = 5.670374419e-8
KELVIN = 273.15

# specific heat J/(kg*K), emissivity of the outside of a typical pan
PAN_MATERIALS: dict[str, dict[str, float]] = {
    "steel": {"cp": 500.0, "emissivity": 0.6, "magnetic": 1.0},
    "cast_iron": {"cp": 460.0, "emissivity": 0.9, "magnetic": 1.0},
    "aluminium": {"cp": 903.0, "emissivity": 0.3, "magnetic": 0.0},
    "copper": {"cp": 385.0, "emissivity": 0.3, "magnetic": 0.0},
}

# specific heat J/(kg*K) and heat-transfer conductance pan->contents per kg of contents (W/K/kg),
# boiling water wets the pan far better than oil does
CONTENTS: dict[str, dict[str, float]] = {
    "water": {"cp": 4186.0, "g_per_kg": 420.0, "g_min": 150.0},
    "oil": {"cp": 2000.0, "g_per_kg": 120.0, "g_min": 40.0},
}

WATER_LATENT_J_PER_KG = 2_257_000.0
WATER_BOIL_C = 100.0

# how each kind of zone turns drawn power into heat in the pan:
#   direct: share of drawn power that reaches the heater node (or the pan for induction),
#   heater_mass_j_per_k: thermal mass of the element / grate (0 = none, induction),
#   g_heater_pan: conductance element -> pan (W/K), g_heater_loss: element -> room (W/K)
ZONE_KINDS: dict[str, dict[str, float]] = {
    "induction": {"direct": 0.90, "heater_mass_j_per_k": 0.0, "g_heater_pan": 0.0, "g_heater_loss": 0.0},
    "radiant": {"direct": 0.84, "heater_mass_j_per_k": 1400.0, "g_heater_pan": 9.0, "g_heater_loss": 0.9},
    "gas": {"direct": 0.46, "heater_mass_j_per_k": 700.0, "g_heater_pan": 40.0, "g_heater_loss": 1.2},
}

# share of full power at each level 1..9 (index 0 = off); real hobs space them roughly like this
LEVEL_FRACTION = (0.0, 0.06, 0.10, 0.15, 0.22, 0.30, 0.40, 0.53, 0.72, 1.0)
