"""The energy of the cooking session under way, live, and its line in the status bar.

:class:`SessionEnergy` follows the kitchen's recording sessions (a session starts when a zone
goes on or a recipe starts): for each it runs an :class:`~kitchen_ui.energy.meter.EnergyMeter`
on the stove's own telemetry, so the figures are the stove's ``energy_wh`` counters, network
stove or simulator, with counter resets handled there. The meter speaks on the stove's thread;
readings are re-emitted here on the GUI thread, and a reading from a meter already replaced is
dropped. When the session ends (and whenever asked, e.g. when a recipe finishes) the reading is
saved with the session, at the tariffs it was costed at.

:class:`EnergyStatus` is the status-bar line, short because the bar is shared: "⚡ 0.123 kWh ·
0.04 EUR · 31 g CO₂" while a session runs, "⚡ Last: …" after it (the tooltip says which).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from ...core.stove import Stove
from ...energy.meter import EnergyMeter, EnergyReading
from ...energy.settings import EnergySettings, EnergySettingsError, load_settings
from ...energy.store import save_session_energy
from ...storage.database import KitchenDB
from ..zone_card import set_text
from .words import energy_line, translate


class SessionEnergy(QObject):
    reading_changed = Signal(object)      # EnergyReading, on the GUI thread
    session_saved = Signal(int)           # its energy is in the database
    problem = Signal(str)                 # settings unreadable, energy not saved
    _incoming = Signal(int, object)       # (meter serial, reading) from any thread

    def __init__(self, kdb: KitchenDB, stove: Stove, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kdb = kdb
        self.stove = stove
        self.meter: EnergyMeter | None = None
        self.session_id: int | None = None
        self.reading: EnergyReading | None = None     # the session under way, or the last one
        self.live = False
        self._serial = 0
        self._incoming.connect(self._deliver)

    def settings(self) -> EnergySettings:
        try:
            return load_settings(self.kdb)
        except EnergySettingsError as exc:
            self.problem.emit(translate("Diet", "Energy costs use the default prices: {reason}").format(reason=exc))
            return EnergySettings()

    # -- sessions ------------------------------------------------------------------------------
    def begin(self, session_id: int) -> None:
        """Meter from now on (the stove's counters now are the session's zero)."""
        self.end()
        self._serial += 1
        serial = self._serial
        meter = EnergyMeter(self.settings())
        if self.stove.state is not None:
            meter.feed(self.stove.state)        # the baseline, before any newer telemetry can arrive
        meter.changed.connect(lambda reading: self._post(serial, reading))
        meter.attach(self.stove)
        self.meter, self.session_id, self.live = meter, session_id, True
        self.reading = meter.reading()
        self.reading_changed.emit(self.reading)

    def save(self) -> bool:
        """Keep the session's energy so far with it (again later replaces it)."""
        if self.meter is None or self.session_id is None:
            return False
        try:
            save_session_energy(self.kdb, self.session_id, self.meter.reading(), self.meter.settings)
        except (sqlite3.Error, LookupError) as exc:
            self.problem.emit(translate("Diet", "The session's energy could not be saved: {reason}").format(reason=exc))
            return False
        self.session_saved.emit(self.session_id)
        return True

    def end(self, *_args: Any) -> None:
        """The session is over: save its energy and stop metering (its figures stay shown)."""
        meter = self.meter
        if meter is None:
            return
        self.save()
        meter.detach()
        self.reading = meter.reading()
        self.meter, self.session_id, self.live = None, None, False
        self._serial += 1                       # readings still on their way are stale now
        self.reading_changed.emit(self.reading)

    # -- from the meter (any thread) -----------------------------------------------------------
    def _post(self, serial: int, reading: EnergyReading) -> None:
        try:
            self._incoming.emit(serial, reading)
        except RuntimeError:                  # closing
            pass

    @Slot(int, object)
    def _deliver(self, serial: int, reading: EnergyReading) -> None:
        if serial != self._serial:
            return
        self.reading = reading
        self.reading_changed.emit(reading)


class EnergyStatus(QLabel):
    """The status bar's energy line."""

    def __init__(self, energy: SessionEnergy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.energy = energy
        self.setObjectName("EnergyStatus")
        self.setToolTip(translate("Diet", "Energy, cost and CO₂ of the cooking session, from the stove's meters"))
        energy.reading_changed.connect(self.show_reading)
        self.show_reading(energy.reading)

    def show_reading(self, reading: EnergyReading | None) -> None:
        if reading is None:
            set_text(self, "⚡ " + translate("Diet", "No cooking yet"))
            return
        figures = energy_line(reading.energy_wh, reading.cost, reading.currency, reading.co2_g)
        if self.energy.live:
            words = figures
            tip = translate("Diet", "This cooking session so far: {figures}, from the stove's meters")
        else:
            words = translate("Diet", "Last: {figures}").format(figures=figures)
            tip = translate("Diet", "The last cooking session used {figures}")
        set_text(self, "⚡ " + words)
        self.setToolTip(tip.format(figures=figures))
