"""Words and numbers as the dashboard shows them (plain functions, so they are easy to test).

Everything a cook reads goes through here: one way to write a temperature, a power, a time,
a level (``P`` for boost, as on a hob), a mode, a fault or a refused command. Words go through
Qt's translation (``QCoreApplication.translate``, context "Text"); temperatures are shown in the
display unit chosen with :func:`set_temp_unit` (the stove itself always speaks °C, see
:mod:`.units`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.errors import ERROR_NAMES, KspError, LinkError
from ..core.model import FAULT_TEXT, LinkState, LinkStatus, ZoneInfo, ZoneState
from .own_words import transport_name
from .units import TempUnit, localize_temps, whole

translate = QCoreApplication.translate

KIND_TEXT = {"induction": QT_TRANSLATE_NOOP("Text", "Induction"), "radiant": QT_TRANSLATE_NOOP("Text", "Radiant"),
             "gas": QT_TRANSLATE_NOOP("Text", "Gas")}
MODE_TEXT = {"off": QT_TRANSLATE_NOOP("Text", "Off"), "level": QT_TRANSLATE_NOOP("Text", "Manual level"),
             "target": QT_TRANSLATE_NOOP("Text", "Holding temperature")}
# the same words as kitchen_ui.core.model.FAULT_TEXT, marked for translation here (the core has no Qt)
FAULT_WORDS = {
    "sensor_open": QT_TRANSLATE_NOOP("Text", "Temperature sensor disconnected"),
    "sensor_stuck": QT_TRANSLATE_NOOP("Text", "Temperature sensor stuck"),
    "heater_dead": QT_TRANSLATE_NOOP("Text", "Heater not heating"),
    "overheat": QT_TRANSLATE_NOOP("Text", "Overheated: switched off"),
}
NO_VALUE = "--"

_unit = TempUnit.CELSIUS


def set_temp_unit(unit: TempUnit) -> None:
    """The unit every temperature is shown in from now on (the widgets redraw on ``prefs``)."""
    global _unit
    _unit = TempUnit(unit)


def temp_unit() -> TempUnit:
    return _unit


def unit_symbol() -> str:
    """"°C" or "°F"."""
    return _unit.symbol


def temp(v: float | None) -> str:
    """Whole degrees in the display unit: a cook reads 178, not 178.43."""
    w = whole(v, _unit)
    return NO_VALUE if w is None else str(w)


def degrees(v: float | None) -> str:
    """A temperature with its unit: "178 °C" (or "352 °F")."""
    return f"{temp(v)} {_unit.symbol}"


def setting(v: float) -> str:
    """A temperature someone chose (a recipe's 98.5 °C stays 98.5; °F in whole degrees)."""
    if _unit is TempUnit.CELSIUS:
        return f"{v:g} °C"
    return degrees(v)


def temps_in_text(message: str) -> str:
    """A message from the stove or a recipe with its °C values in the display unit."""
    return localize_temps(message, _unit)


def power(watts: float) -> str:
    if watts < 1:
        return "0 W"
    if watts < 1000:
        return f"{watts:.0f} W"
    return f"{watts / 1000:.1f} kW"


def clock(seconds: float | None) -> str:
    """Stove time or a timer as h:mm:ss (or m:ss under an hour)."""
    if seconds is None or not math.isfinite(seconds):
        return NO_VALUE
    s = max(0, int(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def axis_time(seconds: float, spacing: float) -> str:
    """Tick labels of the plot's time axis: m:ss under an hour, 1h05 (or 1h05:30) beyond."""
    s = int(round(seconds))
    sign = "-" if s < 0 else ""
    s = abs(s)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    if not h:
        return f"{sign}{m}:{sec:02d}"
    return f"{sign}{h}h{m:02d}" if spacing >= 60 else f"{sign}{h}h{m:02d}:{sec:02d}"


def level(z: ZoneState) -> str:
    """The hob's own display: 0-9, or P while boosting."""
    if z.boost:
        return "P"
    return str(z.level) if z.is_on else "0"


def mode(z: ZoneState) -> str:
    return translate("Text", MODE_TEXT[z.mode]) if z.mode in MODE_TEXT else z.mode


def kind(info: ZoneInfo) -> str:
    return translate("Text", KIND_TEXT[info.kind]) if info.kind in KIND_TEXT else info.kind


def fault(code: str | None) -> str:
    if code is None:
        return ""
    if code in FAULT_WORDS:
        return translate("Text", FAULT_WORDS[code])
    return FAULT_TEXT.get(code) or translate("Text", "Fault: {0}").format(code)


def zone_label(info: ZoneInfo | None, zone: int | None) -> str:
    if info is not None:
        return info.name
    return translate("Text", "stove") if zone is None else translate("Text", "zone {0}").format(zone)


def error_reason(exc: BaseException) -> str:
    """Why a command failed, in words (the stove's own message when it gave one)."""
    if isinstance(exc, KspError):
        return temps_in_text(exc.message) if exc.message else ERROR_NAMES.get(exc.code, f"error {exc.code}")
    if isinstance(exc, LinkError):
        if str(exc):
            return translate("Text", "no connection to the stove ({0})").format(exc)
        return translate("Text", "no connection to the stove")
    if isinstance(exc, TimeoutError):
        return translate("Text", "the stove did not answer in time")
    return str(exc) or type(exc).__name__


def link_summary(link: LinkState) -> str:
    """One line for the status bar: where, as what, and whether the values are live."""
    status = {LinkStatus.CONNECTING: translate("Text", "connecting"), LinkStatus.ONLINE: translate("Text", "online"),
              LinkStatus.LOST: translate("Text", "LINK LOST"),
              LinkStatus.CLOSED: translate("Text", "disconnected")}[link.status]
    roles = {"controller": translate("Text", "controller"), "observer": translate("Text", "observer")}
    parts = [transport_name(link.transport), status]
    if link.role:
        parts.insert(1, roles.get(link.role, link.role))
    return " · ".join(parts)
