"""The simulated stove: zones, commands with the stove's own rules, and stove time.

Everything here runs on an injected clock: ``update()`` integrates physics and safety in fixed
steps up to ``clock.now()``. Commands raise :class:`KspError` exactly as a KSP/1 stove answers
(locked, zone faulted, invalid value), so the in-process and network paths behave the same.
"""

from __future__ import annotations

import math
from typing import Any

from psygnal import Signal

from ..core.clock import Clock
from ..core.errors import INVALID_PARAMS, LOCKED, ZONE_FAULTED, KspError
from ..core.model import StoveEvent, StoveInfo, StoveState, ZoneInfo, ZoneState
from ..core.ksp import SIM_FAULTS
from .materials import LEVEL_FRACTION, LEVELS
from .physics import Pan, pan_from_json
from .profiles import StoveProfile
from .safety import ZoneSafety, next_deadline, timer_check
from .zone import SensorFault, SimZone

# Longest physics step. The fault rule's 90 s window is then detected within 0.6 %; timers,
# boost and auto-off end a step exactly at their deadline, so they fire on time whatever the step.
MAX_STEP_S = 0.5
FIRMWARE = "0.1.0"
FAULT_KINDS = SIM_FAULTS


class SimulatedStove:
    event = Signal(object)  # StoveEvent, emitted from whichever thread calls update()/commands

    def __init__(self, profile: StoveProfile, clock: Clock, *, ambient_c: float = 20.0,
                 stove_id: str = "sim-1", max_pan_temp_c: float = 300.0,
                 residual_heat_c: float = 60.0, with_pans: bool = True) -> None:
        self.profile = profile
        self.clock = clock
        self.max_pan_temp_c = max_pan_temp_c
        self.residual_heat_c = residual_heat_c
        self.t0 = clock.now()
        self.t = 0.0
        self.locked = False
        self.ambient_c = ambient_c
        self.zone_infos = tuple(
            ZoneInfo(id=i, name=z.name, kind=z.kind, diameter_mm=z.diameter_mm, max_power_w=z.max_power_w,
                     boost_power_w=z.boost_power_w, levels=LEVELS, min_target_c=z.min_target_c,
                     max_target_c=z.max_target_c)
            for i, z in enumerate(profile.zones))
        self.zones = [SimZone(info, ambient_c) for info in self.zone_infos]
        self.safety = [ZoneSafety() for _ in self.zones]
        self._deadline: float | None = None   # earliest timed rule over all zones
        self._deadline_dirty = True
        self.info = StoveInfo(id=stove_id, model=profile.model, firmware=FIRMWARE, sim=True,
                              zones=self.zone_infos, max_pan_temp_c=max_pan_temp_c,
                              residual_heat_c=residual_heat_c)
        if with_pans:
            for zone, spec in zip(self.zones, profile.zones):
                parsed = pan_from_json(spec.pan) if spec.pan else None
                if parsed is not None:
                    zone.physics.set_pan(*parsed)
                    zone.pan_present = zone.detect_pan()

    # -- time -----------------------------------------------------------------------------------
    def update(self) -> None:
        """Run physics and safety up to the clock's present."""
        target = self.clock.now() - self.t0
        while self.t < target - 1e-9:
            if self._deadline_dirty:
                deadlines = [d for d in map(next_deadline, self.zones) if d is not None]
                self._deadline = min(deadlines) if deadlines else None
                self._deadline_dirty = False
            end = min(self.t + MAX_STEP_S, target)
            deadline = self._deadline
            if deadline is not None and self.t < deadline < end:
                end = deadline
            dt = end - self.t
            self.t = end
            self._step(dt)

    def _step(self, dt: float) -> None:
        t = self.t
        max_pan = self.max_pan_temp_c
        for zone, safety in zip(self.zones, self.safety):
            demanded = zone.step(dt)
            raised = safety.check(zone, t, demanded, max_pan)
            if zone.timer_end is not None:
                raised += timer_check(zone, t)
            if raised:
                self._deadline_dirty = True
                for r in raised:
                    self._emit(r.kind, zone.info.id, r.message)

    def _emit(self, kind: str, zone: int | None, message: str) -> None:
        self.event.emit(StoveEvent(t=round(self.t, 3), kind=kind, zone=zone, message=message))

    # -- reading --------------------------------------------------------------------------------
    def zone_snapshot(self, zone: int) -> ZoneState:
        return self.zones[zone].snapshot(self.t, self.residual_heat_c)

    def snapshot(self) -> StoveState:
        return StoveState(t=round(self.t, 3), locked=self.locked,
                          zones=tuple(z.snapshot(self.t, self.residual_heat_c) for z in self.zones))

    # -- commands (validated types; rules of the stove enforced here) ---------------------------
    # -- commands (validated types; rules of the stove enforced here) ---------------------------
    def _zone(self, zone: Any) -> SimZone:
        if isinstance(zone, bool) or not isinstance(zone, int) or not 0 <= zone < len(self.zones):
            raise KspError(INVALID_PARAMS, f"zone: no zone {zone!r} (zones are 0..{len(self.zones) - 1})")
        return self.zones[zone]

    def _commanded(self, z: SimZone) -> ZoneState:
        """Every command to a zone restarts its auto-off clock; answer with its snapshot."""
        z.touch(self.t)
        z.refresh_power()
        self._deadline_dirty = True
        return z.snapshot(self.t, self.residual_heat_c)

    def _may_switch_on(self, z: SimZone) -> None:
        if z.fault is not None:
            raise KspError(ZONE_FAULTED, f"zone {z.info.id} ({z.info.name}) is faulted: {z.fault}")

    def _may_raise(self, z: SimZone, new_power_w: float) -> None:
        if self.locked and new_power_w > z.nominal_power_w() + 1e-9:
            raise KspError(LOCKED, "the stove is locked (child lock); only lowering and off are allowed")

    def set_level(self, zone: int, level: int) -> ZoneState:
        self.update()
        z = self._zone(zone)
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= z.info.levels:
            raise KspError(INVALID_PARAMS, f"level: must be an integer 0..{z.info.levels}, not {level!r}")
        if level > 0:
            self._may_switch_on(z)
            self._may_raise(z, LEVEL_FRACTION[level] * z.info.max_power_w)
        z.set_level(level, self.t)
        return self._commanded(z)

    def set_boost(self, zone: int, on: bool) -> ZoneState:
        self.update()
        z = self._zone(zone)
        if not isinstance(on, bool):
            raise KspError(INVALID_PARAMS, f"on: must be true or false, not {on!r}")
        if on:
            if z.info.boost_power_w is None:
                raise KspError(INVALID_PARAMS, f"zone: zone {zone} ({z.info.name}) has no boost")
            self._may_switch_on(z)
            self._may_raise(z, z.info.boost_power_w)
        z.set_boost(on, self.t)
        return self._commanded(z)

    def set_target(self, zone: int, temp_c: float | None) -> ZoneState:
        self.update()
        z = self._zone(zone)
        if temp_c is None:
            z.switch_off()
            return self._commanded(z)
        if isinstance(temp_c, bool) or not isinstance(temp_c, (int, float)) or not math.isfinite(temp_c):
            raise KspError(INVALID_PARAMS, f"temp_c: must be a number or null, not {temp_c!r}")
        if not z.info.min_target_c <= temp_c <= z.info.max_target_c:
            raise KspError(INVALID_PARAMS, f"temp_c: {temp_c:g} is out of this zone's range "
                                           f"{z.info.min_target_c:g}..{z.info.max_target_c:g} °C")
        self._may_switch_on(z)
        if self.locked and not (z.mode == "target" and z.target_c is not None and temp_c <= z.target_c):
            raise KspError(LOCKED, "the stove is locked (child lock); only lowering and off are allowed")
        z.set_target(float(temp_c), self.t)
        return self._commanded(z)

    def zone_off(self, zone: int) -> ZoneState:
        self.update()
        z = self._zone(zone)
        z.switch_off()
        return self._commanded(z)

    def set_timer(self, zone: int, seconds: float | None) -> ZoneState:
        self.update()
        z = self._zone(zone)
        if seconds is None:
            z.timer_end = None
        elif isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0 \
                or not math.isfinite(seconds):
            raise KspError(INVALID_PARAMS, f"seconds: must be a number above 0 or null, not {seconds!r}")
        else:
            z.timer_end = self.t + float(seconds)
        return self._commanded(z)

    def all_off(self) -> int:
        self.update()
        n = 0
        for z in self.zones:
            n += z.switch_off()
            self._commanded(z)
        on = "none was on" if n == 0 else "1 was on" if n == 1 else f"{n} were on"
        self._emit("all_off", None, f"all zones switched off ({on})")
        return n

    def set_lock(self, locked: bool) -> bool:
        self.update()
        if not isinstance(locked, bool):
            raise KspError(INVALID_PARAMS, f"locked: must be true or false, not {locked!r}")
        if locked != self.locked:
            self.locked = locked
            self._emit("lock_changed", None, "child lock on" if locked else "child lock off")
        return self.locked

    # -- simulation controls --------------------------------------------------------------------
    def _check_now(self, zone: int) -> None:
        """Apply the safety rules at once after the simulator changed the zone's hardware."""
        z = self.zones[zone]
        for r in self.safety[zone].check(z, self.t, 0.0, self.max_pan_temp_c):
            self._emit(r.kind, zone, r.message)
        z.refresh_power()
        self._deadline_dirty = True

    def set_pan(self, zone: int, pan: Pan | None, contents_temp_c: float | None = None) -> ZoneState:
        self.update()
        z = self._zone(zone)
        try:
            z.physics.set_pan(pan, contents_temp_c)
        except ValueError as exc:
            raise KspError(INVALID_PARAMS, f"pan: {exc}") from None
        self._check_now(zone)
        return self.zone_snapshot(zone)

    def inject_fault(self, zone: int, fault: str) -> ZoneState:
        self.update()
        z = self._zone(zone)
        if fault not in FAULT_KINDS:
            raise KspError(INVALID_PARAMS, f"fault: must be one of {', '.join(FAULT_KINDS)}, not {fault!r}")
        stuck = fault == "sensor_stuck"
        z.injected = SensorFault(fault, stuck_at=z.physics.reading_c if stuck else None,
                                 stuck_pan_at=z.pan_reading_c() if stuck else None)
        self._check_now(zone)
        return self.zone_snapshot(zone)

    def clear_fault(self, zone: int) -> ZoneState:
        """Repair what the simulator broke; an overheat fault still clears only by cooling."""
        self.update()
        z = self._zone(zone)
        z.injected = None
        self.safety[zone].reset()
        if z.fault is not None and z.fault != "overheat":
            z.fault = None
            self._emit("fault_cleared", zone, f"{z.info.name}: fault cleared")
        return self.zone_snapshot(zone)

    def set_ambient(self, temp_c: float) -> float:
        self.update()
        if isinstance(temp_c, bool) or not isinstance(temp_c, (int, float)) or not -40 <= temp_c <= 60:
            raise KspError(INVALID_PARAMS, f"temp_c: ambient must be a number -40..60, not {temp_c!r}")
        self.ambient_c = float(temp_c)
        for z in self.zones:
            z.physics.ambient_c = self.ambient_c
        return self.ambient_c
