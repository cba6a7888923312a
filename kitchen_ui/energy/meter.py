"""Energy per zone and per cooking session, live from the stove's telemetry (no Qt).

A stove reports ``energy_wh`` per zone, counted since the stove started. :class:`ZoneCounter`
turns those readings into the energy used since metering began: it adds each increase, and when
a reading drops (the stove restarted and its counter began again at zero) it counts the new
reading as used since the restart and notes a reset. Nothing is lost across a reconnection, and
nothing is counted twice.

:class:`EnergyMeter` is the model a view binds to::

    meter = EnergyMeter(load_settings(kdb))
    meter.attach(stove)            # stove.telemetry -> meter.feed
    meter.changed.connect(view.show)   # an EnergyReading after every telemetry message
    ...
    meter.detach(); save_session_energy(kdb, session_id, meter.reading(), meter.settings)

``changed`` is emitted on the thread that delivered the telemetry (the stove's worker for an
in-process or network stove); the Qt layer re-emits it on the GUI thread, as for the stove.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from psygnal import Signal

from ..core.model import StoveInfo, StoveState
from ..core.signals import disconnect_all
from ..core.stove import Stove
from .settings import EnergySettings

RESET_TOLERANCE_WH = 1e-3     # rounding of the counter in telemetry (3 decimals)


class ZoneCounter:
    """Energy used from a monotonic-until-restart counter."""

    def __init__(self) -> None:
        self.last: float | None = None
        self.used_wh = 0.0
        self.resets = 0

    def feed(self, counter_wh: float) -> float:
        """Take one reading; returns the energy it adds."""
        if self.last is None:
            added = 0.0                       # the baseline: what the stove used before we looked
        elif counter_wh + RESET_TOLERANCE_WH < self.last:
            added = counter_wh                # the stove restarted: its counter began again at 0
            self.resets += 1
        else:
            added = max(0.0, counter_wh - self.last)
        self.last = counter_wh
        self.used_wh += added
        return added


@dataclass(frozen=True)
class ZoneEnergy:
    zone: int
    kind: str
    energy_wh: float
    cost: float
    co2_g: float
    resets: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"zone": self.zone, "kind": self.kind, "energy_wh": round(self.energy_wh, 3),
                "cost": round(self.cost, 4), "co2_g": round(self.co2_g, 1), "resets": self.resets}


@dataclass(frozen=True)
class EnergyReading:
    t: float | None                                   # stove time of the last telemetry
    zones: tuple[ZoneEnergy, ...] = ()
    currency: str = ""
    power_w: float = 0.0                              # drawn now, all zones
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def energy_wh(self) -> float:
        return sum(z.energy_wh for z in self.zones)

    @property
    def kwh(self) -> float:
        return self.energy_wh / 1000.0

    @property
    def cost(self) -> float:
        return sum(z.cost for z in self.zones)

    @property
    def co2_g(self) -> float:
        return sum(z.co2_g for z in self.zones)

    def to_dict(self) -> dict[str, Any]:
        return {"t": self.t, "kwh": round(self.kwh, 4), "cost": round(self.cost, 4), "currency": self.currency,
                "co2_g": round(self.co2_g, 1), "power_w": round(self.power_w, 1),
                "zones": [z.to_dict() for z in self.zones]}


class EnergyMeter:
    changed = Signal(object)      # EnergyReading

    def __init__(self, settings: EnergySettings | None = None, info: StoveInfo | None = None) -> None:
        self.settings = settings or EnergySettings()
        self._kinds: dict[int, str] = {}
        self._counters: dict[int, ZoneCounter] = {}
        self._lock = threading.Lock()
        self._stove: Stove | None = None
        self._t: float | None = None
        self._power = 0.0
        if info is not None:
            self.set_info(info)

    # -- wiring ---------------------------------------------------------------------------------
    def attach(self, stove: Stove) -> None:
        self._stove = stove
        if stove.info is not None:
            self.set_info(stove.info)
        stove.info_changed.connect(self.set_info)
        stove.telemetry.connect(self.feed)

    def detach(self) -> None:
        if self._stove is None:
            return
        disconnect_all(((self._stove.telemetry, self.feed), (self._stove.info_changed, self.set_info)))
        self._stove = None

    def set_info(self, info: StoveInfo) -> None:
        with self._lock:
            self._kinds = {z.id: z.kind for z in info.zones}

    # -- metering -------------------------------------------------------------------------------
    def feed(self, state: StoveState) -> None:
        with self._lock:
            for z in state.zones:
                self._counters.setdefault(z.id, ZoneCounter()).feed(z.energy_wh)
            self._t = state.t
            self._power = state.total_power_w
        self.changed.emit(self.reading())

    def reading(self) -> EnergyReading:
        s = self.settings
        with self._lock:
            zones = []
            for zid in sorted(self._counters):
                c = self._counters[zid]
                kind = self._kinds.get(zid, "induction")
                zones.append(ZoneEnergy(zid, kind, c.used_wh, s.cost(kind, c.used_wh), s.co2_g(kind, c.used_wh),
                                        c.resets))
            return EnergyReading(self._t, tuple(zones), s.currency, self._power)
