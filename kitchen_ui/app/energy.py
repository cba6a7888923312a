"""The energy of a stove's cooking session under way, live, saved with the session.

:class:`SessionEnergy` follows its stove's recording sessions: for each it runs an
:class:`~kitchen_ui.energy.meter.EnergyMeter` on the stove's own telemetry, so the figures are
the stove's ``energy_wh`` counters (network stove or simulator, counter resets handled there).
The meter speaks on the stove's thread; readings are posted to the host's thread, and a reading
from a meter already replaced is dropped. When the session ends (and whenever asked, e.g. when a
recipe finishes) the reading is saved with the session, at the tariffs it was costed at.

Problems are ``problem(what, reason)``: ``what`` is ``"settings"`` (unreadable, default prices
used), ``"save"`` (not saved) or ``"settle"`` (an earlier session of a resumed run not counted);
the view words them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from psygnal import Signal

from ..core.stove import Stove
from ..energy.meter import EnergyMeter, EnergyReading
from ..energy.settings import EnergySettings, EnergySettingsError, load_settings
from ..energy.store import save_session_energy, settle_session
from ..storage.database import KitchenDB
from .relay import Post


class SessionEnergy:
    reading_changed = Signal(object)      # EnergyReading, on the host's thread
    session_saved = Signal(int)           # its energy is in the database
    problem = Signal(str, str)            # (what, reason): see the module's docstring

    def __init__(self, kdb: KitchenDB, stove: Stove, post: Post) -> None:
        self.kdb = kdb
        self.stove = stove
        self.post = post
        self.meter: EnergyMeter | None = None
        self.session_id: int | None = None
        self.reading: EnergyReading | None = None     # the session under way, or the last one
        self.live = False
        self._serial = 0

    def settings(self) -> EnergySettings:
        try:
            return load_settings(self.kdb)
        except EnergySettingsError as exc:
            self.problem.emit("settings", str(exc))
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
        meter.changed.connect(lambda reading: self.post(self._deliver, serial, reading))
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
            self.problem.emit("save", str(exc))
            return False
        self.session_saved.emit(self.session_id)
        return True

    def settle(self, sessions: list[int]) -> None:
        """Earlier sessions of a resumed run that died with their app get their energy from their
        samples now, so it counts for the run (and the week)."""
        for sid in sessions:
            if sid == self.session_id:
                continue
            try:
                settle_session(self.kdb, sid, self.settings())
            except (sqlite3.Error, LookupError) as exc:
                self.problem.emit("settle", str(exc))

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

    def _deliver(self, serial: int, reading: EnergyReading) -> None:
        if serial != self._serial:
            return
        self.reading = reading
        self.reading_changed.emit(reading)
