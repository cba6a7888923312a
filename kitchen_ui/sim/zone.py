"""One simulated burner zone: its controls (mode, level, boost, target, timer) and physics.

The zone decides how much power to draw from its mode; :mod:`kitchen_ui.sim.safety` watches
it after every physics step and may switch it off. Commands arrive already validated.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import ZoneInfo, ZoneState
from .control import PID_GAINS, TargetController, level_for_share
from .materials import LEVEL_FRACTION
from .physics import ZonePhysics

__all__ = ["PID_GAINS", "SensorFault", "SimZone"]


@dataclass
class SensorFault:
    kind: str                          # "sensor_open", "sensor_stuck", "heater_dead"
    stuck_at: float | None = None      # the frozen reading of a stuck sensor
    stuck_pan_at: float | None = None  # and its frozen pan reading


class SimZone:
    def __init__(self, info: ZoneInfo, ambient_c: float) -> None:
        self.info = info
        self.physics = ZonePhysics(info.kind, info.diameter_mm, ambient_c)
        self.mode = "off"
        self.level = 0
        self.boost = False
        self.target_c: float | None = None
        self.timer_end: float | None = None       # stove time when the timer fires
        self.last_command_t = 0.0
        self.boost_started_t: float | None = None
        self.fault: str | None = None              # reported fault
        self.injected: SensorFault | None = None   # what the simulator broke on purpose
        self.power_w = 0.0                         # drawn this step
        self.energy_wh = 0.0
        self.controller: TargetController | None = None
        self.control = 0.0                         # 0..1 share of max power in target mode
        self.pan_present = False                   # as the zone detects it

    # -- commands -------------------------------------------------------------------------------
    def touch(self, t: float) -> None:
        self.last_command_t = t

    def switch_off(self) -> bool:
        was_on = self.mode != "off"
        self.mode = "off"
        self.level = 0
        self.boost = False
        self.boost_started_t = None
        self.target_c = None
        self.controller = None
        self.control = 0.0
        self.power_w = 0.0
        self.timer_end = None   # a zone's timer belongs to its cooking: off cancels it
        return was_on

    def set_level(self, level: int, t: float) -> None:
        if level == 0:
            self.switch_off()
            return
        self.mode, self.level, self.boost, self.target_c, self.controller = "level", level, False, None, None
        self.boost_started_t = None
        self.control = 0.0

    def set_boost(self, on: bool, t: float) -> None:
        if on:
            if not self.boost:
                self.boost_started_t = t
            self.mode, self.level, self.boost, self.target_c, self.controller = "level", self.info.levels, True, None, None
            self.control = 0.0
        elif self.boost:
            self.boost, self.boost_started_t = False, None
            self.level = self.info.levels

    def set_target(self, temp_c: float, t: float) -> None:
        if self.mode != "target" or self.controller is None:
            self.controller = TargetController(self.info.kind, temp_c)
            self.level = 0
        self.controller.setpoint = temp_c
        self.mode, self.target_c, self.boost, self.boost_started_t = "target", float(temp_c), False, None

    def nominal_power_w(self) -> float:
        """What the zone's setting stands for, in watts (the child lock compares against it).

        In target mode that is the level the controller is at now: leaving target mode for a
        higher level raises the power.
        """
        if self.mode == "off":
            return 0.0
        if self.boost and self.info.boost_power_w:
            return self.info.boost_power_w
        return LEVEL_FRACTION[self.level] * self.info.max_power_w

    # -- readings -------------------------------------------------------------------------------
    def reading_c(self) -> float | None:
        """The sensor's reading, as the stove's controller sees it (may be wrong when broken)."""
        injected = self.injected
        if injected is not None:
            if injected.kind == "sensor_open":
                return None
            if injected.kind == "sensor_stuck":
                return injected.stuck_at
        return self.physics.reading_c

    def pan_reading_c(self) -> float | None:
        injected = self.injected
        if self.physics.pan is None or (injected is not None and injected.kind == "sensor_open"):
            return None
        if injected is not None and injected.kind == "sensor_stuck":
            return injected.stuck_pan_at
        return self.physics.pan_temp_c

    def detect_pan(self) -> bool:
        if self.info.kind == "induction":
            return self.physics.pan_magnetic
        return self.physics.pan is not None

    # -- physics --------------------------------------------------------------------------------
    def demanded_power_w(self, dt: float) -> float:
        """Power the controls ask for this step (before pan detection and heater faults)."""
        mode = self.mode
        if mode == "off":
            return 0.0
        if mode == "level":
            if self.boost and self.info.boost_power_w:
                return self.info.boost_power_w
            return LEVEL_FRACTION[self.level] * self.info.max_power_w
        if self.controller is None:
            return 0.0
        share = self.controller.update(self.reading_c(), dt)
        if share != self.control:
            self.control = share
            self.level = level_for_share(share)
        return share * self.info.max_power_w

    def drawn_power_w(self, demanded: float) -> float:
        """What actually flows: nothing into an induction coil without a pan or a dead heater."""
        if demanded and ((self.info.kind == "induction" and not self.pan_present)
                         or (self.injected is not None and self.injected.kind == "heater_dead")):
            return 0.0
        return demanded

    def refresh_power(self) -> None:
        """Show the power of a new setting, or of a lifted pan, at once (a command answers with
        the snapshot); target mode keeps the controller's last output until its next sample."""
        if self.mode == "level":
            demanded = self.demanded_power_w(0.0)
        elif self.mode == "target":
            demanded = self.control * self.info.max_power_w
        else:
            demanded = 0.0
        self.power_w = self.drawn_power_w(demanded)

    def step(self, dt: float) -> float:
        """Advance the physics; returns the power it asked for (the safety rules look at it)."""
        demanded = self.demanded_power_w(dt)
        drawn = self.drawn_power_w(demanded)
        self.physics.step(dt, drawn)
        self.power_w = drawn
        if drawn:
            self.energy_wh += drawn * dt / 3600.0
        return demanded

    def snapshot(self, t: float, residual_heat_c: float) -> ZoneState:
        sensor_faulted = self.fault in ("sensor_open", "sensor_stuck") or (
            self.injected is not None and self.injected.kind == "sensor_open")
        temp = None if sensor_faulted else self.reading_c()
        pan_temp = None if sensor_faulted else self.pan_reading_c()
        timer = None if self.timer_end is None else max(0.0, self.timer_end - t)
        return ZoneState(
            id=self.info.id, mode=self.mode, level=self.level, boost=self.boost,
            target_c=self.target_c,
            temp_c=None if temp is None else round(temp, 2),
            pan_temp_c=None if pan_temp is None else round(pan_temp, 2),
            power_w=round(self.power_w, 1), energy_wh=round(self.energy_wh, 3),
            pan=self.pan_present,
            residual_heat=self.mode == "off" and self.physics.hottest_c > residual_heat_c,
            timer_s=None if timer is None else round(timer, 1), fault=self.fault,
        )
