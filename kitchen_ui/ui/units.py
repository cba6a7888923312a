"""Temperature units for display: the one place that converts °C to °F and back (no Qt here).

The stove always speaks °C (KSP/1); only what a cook reads and types is in the chosen unit.
Whole degrees are shown in both units (a cook reads 356 °F, not 355.9), while a value typed in
°F goes to the stove unrounded in °C (350 °F is 176.67 °C), so nothing is lost twice.
Messages written by the stove or a recipe in °C ("pan above 300 °C") are rewritten by
:func:`localize_temps`, so notices follow the switch too.
"""

from __future__ import annotations

import math
import re
from enum import Enum
from typing import Any


class TempUnit(str, Enum):
    CELSIUS = "C"
    FAHRENHEIT = "F"

    @property
    def symbol(self) -> str:
        return "°C" if self is TempUnit.CELSIUS else "°F"

    @classmethod
    def parse(cls, value: object) -> "TempUnit":
        """'C', 'F', '°F', 'fahrenheit' ... (a wrong value names itself)."""
        text = str(value).strip().lstrip("°").upper()
        if text in ("C", "CELSIUS"):
            return cls.CELSIUS
        if text in ("F", "FAHRENHEIT"):
            return cls.FAHRENHEIT
        raise ValueError(f"temperature unit must be C or F, not {value!r}")


def c_to_f(c: Any) -> Any:
    """°C to °F (a number, or a numpy array element-wise: the plots convert whole curves)."""
    return c * 9.0 / 5.0 + 32.0


def f_to_c(f: float) -> float:
    return (f - 32.0) * 5.0 / 9.0


def to_display(celsius: Any, unit: TempUnit) -> Any:
    """°C as shown in ``unit`` (a number, or a numpy array element-wise)."""
    return c_to_f(celsius) if unit is TempUnit.FAHRENHEIT else celsius


def from_display(value: float, unit: TempUnit) -> float:
    """A value read or typed in ``unit`` as the stove's °C."""
    return f_to_c(value) if unit is TempUnit.FAHRENHEIT else float(value)


def delta_to_display(delta_c: float, unit: TempUnit) -> float:
    """A temperature difference (not a temperature): 10 K is 18 °F apart."""
    return delta_c * 9.0 / 5.0 if unit is TempUnit.FAHRENHEIT else delta_c


def whole(celsius: float | None, unit: TempUnit) -> int | None:
    """Whole degrees in ``unit`` (None for no value or not a number)."""
    if celsius is None or not math.isfinite(celsius):
        return None
    return int(round(to_display(celsius, unit)))


def display_range(lo_c: float, hi_c: float, unit: TempUnit) -> tuple[int, int]:
    """A zone's target range in whole display degrees, inside the stove's own range."""
    lo, hi = to_display(lo_c, unit), to_display(hi_c, unit)
    return math.ceil(lo - 1e-9), math.floor(hi + 1e-9)


_CELSIUS_IN_TEXT = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)(\s?)°C\b")


def localize_temps(text: str, unit: TempUnit) -> str:
    """Rewrite every "N °C" in a message into ``unit`` (whole degrees); °C text is returned as is."""
    if unit is TempUnit.CELSIUS or "°C" not in text:
        return text

    def convert(m: re.Match[str]) -> str:
        return f"{round(c_to_f(float(m.group(1))))}{m.group(2)}°F"

    return _CELSIUS_IN_TEXT.sub(convert, text)
