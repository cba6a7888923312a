"""Display choices every widget follows at once: today the temperature unit (°C or °F).

There is one :class:`DisplayPrefs` per application (:func:`display_prefs`). Setting the unit
changes how :mod:`.text` writes every temperature, then ``unit_changed`` tells the widgets to
redraw; the stove keeps speaking °C. Where the choice is remembered is the window's business
(:mod:`.settings`), so a test or a second window never writes the user's settings by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from . import text
from .units import TempUnit


class DisplayPrefs(QObject):
    unit_changed = Signal(object)        # TempUnit

    @property
    def unit(self) -> TempUnit:
        return text.temp_unit()

    def set_unit(self, unit: TempUnit | str) -> None:
        unit = unit if isinstance(unit, TempUnit) else TempUnit.parse(unit)
        if unit is text.temp_unit():
            return
        text.set_temp_unit(unit)
        self.unit_changed.emit(unit)


_prefs: DisplayPrefs | None = None


def display_prefs() -> DisplayPrefs:
    """The application's display preferences (made on first use)."""
    global _prefs
    if _prefs is None:
        _prefs = DisplayPrefs()
    return _prefs
