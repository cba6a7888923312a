"""Energy prices and carbon intensities: settings kept in the kitchen database.

Electric zones (induction, radiant) are paid and counted at the electricity tariff and the grid's
carbon intensity; gas zones at the gas tariff and the CO2 of burning natural gas. A gas zone's
``energy_wh`` is the gas's energy (what the meter bills), not the heat into the pan.

The defaults are placeholders to be set for one's own supply: 0.30 per kWh of electricity,
0.10 per kWh of gas, a grid of 250 g CO2/kWh, and 183 g CO2/kWh for natural gas (about what the UK
government's conversion factors give for natural gas by gross calorific value; check yours).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..storage.database import KitchenDB
from ..storage.settings import load_setting, save_setting

SETTINGS_KEY = "energy"
ELECTRIC_KINDS = ("induction", "radiant")


class EnergySettingsError(ValueError):
    """A setting with a wrong value; the message names it."""


@dataclass(frozen=True)
class EnergySettings:
    currency: str = "EUR"
    electricity_price: float = 0.30        # currency per kWh
    gas_price: float = 0.10                # currency per kWh of gas
    grid_g_per_kwh: float = 250.0          # g CO2 per kWh of electricity
    gas_g_per_kwh: float = 183.0           # g CO2 per kWh of gas burnt

    def price(self, kind: str) -> float:
        return self.gas_price if kind == "gas" else self.electricity_price

    def intensity(self, kind: str) -> float:
        return self.gas_g_per_kwh if kind == "gas" else self.grid_g_per_kwh

    def cost(self, kind: str, wh: float) -> float:
        return wh / 1000.0 * self.price(kind)

    def co2_g(self, kind: str, wh: float) -> float:
        return wh / 1000.0 * self.intensity(kind)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EnergySettings":
        """Known keys only, each checked; unknown keys are an error naming them."""
        if not isinstance(d, dict):
            raise EnergySettingsError(f"energy settings: expected an object, not {type(d).__name__}")
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise EnergySettingsError(f"energy settings: unknown setting {', '.join(unknown)}; known: {', '.join(sorted(names))}")
        out = cls()
        for key, value in d.items():
            if key == "currency":
                if not isinstance(value, str) or not 0 < len(value.strip()) <= 8:
                    raise EnergySettingsError(f"currency: must be a short text such as EUR, not {value!r}")
                out = replace(out, currency=value.strip())
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or not 0 <= value <= 100_000:
                raise EnergySettingsError(f"{key}: must be a number 0..100000, not {value!r}")
            out = replace(out, **{key: float(value)})
        return out


def load_settings(kdb: KitchenDB) -> EnergySettings:
    text = load_setting(kdb, SETTINGS_KEY)
    if text is None:
        return EnergySettings()
    try:
        return EnergySettings.from_dict(json.loads(text))
    except (ValueError, TypeError) as exc:
        raise EnergySettingsError(f"the energy settings in {kdb.path} are damaged ({exc}); save them again") from None


def save_settings(kdb: KitchenDB, settings: EnergySettings | dict[str, Any]) -> EnergySettings:
    s = settings if isinstance(settings, EnergySettings) else EnergySettings.from_dict(
        {**load_settings(kdb).to_dict(), **settings})
    save_setting(kdb, SETTINGS_KEY, json.dumps(s.to_dict()))
    return s
