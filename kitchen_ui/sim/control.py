"""Closed-loop control of a zone on its cooking temperature (``zone.set_target``).

A PID (simple-pid) with derivative on the measurement, sampled every ``CONTROL_PERIOD_S`` of
stove time whatever the physics step, so the result does not depend on how often the stove is
updated. Anti-windup is conditional integration: the integral only grows within
``INTEGRAL_BAND_C`` of the target and never while the output is saturated in the direction the
error pushes. During the long climb from room temperature nothing accumulates, so a pan of oil
arrives without the ~10 °C overshoot a plain clamped integral gives; and a target above 100 °C
on water (the plateau never reaches it) leaves no wound-up integral behind.

Gains were tuned on the simulator for each kind of zone (tests/sim/test_sim_control.py):
induction and gas respond at once; a radiant element keeps heating after it is cut, so it gets a
strong derivative and a slow integral. Measured: 0.5 kg of oil in a 1.0-1.2 kg steel pan on a
2.3 kW induction zone reaches 180 °C in ~2.3 min with under 0.5 °C overshoot and then holds
within 0.1 °C; radiant and gas stay under 2 °C of overshoot (their tests allow 8 °C, ±4 °C).
"""

from __future__ import annotations

from simple_pid import PID

from .materials import LEVEL_FRACTION

CONTROL_PERIOD_S = 0.5
INTEGRAL_BAND_C = 10.0

# (Kp per °C, Ki per °C*s, Kd s/°C) on a 0..1 share of the zone's maximum power
PID_GAINS: dict[str, tuple[float, float, float]] = {
    "induction": (0.2, 0.002, 0.5),
    "radiant": (0.1, 0.0005, 4.0),
    "gas": (0.2, 0.002, 0.5),
}


class TargetController:
    """Share of full power (0..1) that brings the reading to ``setpoint`` and holds it there."""

    def __init__(self, kind: str, setpoint: float) -> None:
        kp, self._ki, kd = PID_GAINS[kind]
        self._pid = PID(kp, 0.0, kd, setpoint=setpoint, output_limits=(0.0, 1.0), sample_time=None)
        self.output = 0.0
        self._since = CONTROL_PERIOD_S   # compute on the first call

    @property
    def setpoint(self) -> float:
        return self._pid.setpoint

    @setpoint.setter
    def setpoint(self, value: float) -> None:
        self._pid.setpoint = value

    @property
    def integral(self) -> float:
        """The integral term (the share of power it holds on its own); for tests and display."""
        return self._pid.components[1]

    def update(self, reading: float | None, dt: float) -> float:
        """Advance ``dt`` seconds; returns the output to apply until the next call."""
        if reading is None:                       # no reading, no heating
            self.output = 0.0
            return 0.0
        self._since += dt
        if self._since < CONTROL_PERIOD_S - 1e-9:
            return self.output
        elapsed, self._since = self._since, 0.0
        error = self._pid.setpoint - reading
        saturated = (self.output >= 1.0 and error > 0) or (self.output <= 0.0 and error < 0)
        self._pid.Ki = self._ki if abs(error) < INTEGRAL_BAND_C and not saturated else 0.0
        self.output = float(self._pid(reading, dt=elapsed))
        return self.output


def level_for_share(share: float) -> int:
    """The power level (0..LEVELS) whose share of full power is closest to ``share``."""
    if share < LEVEL_FRACTION[1] / 2:
        return 0
    return min(range(1, len(LEVEL_FRACTION)), key=lambda lv: abs(LEVEL_FRACTION[lv] - share))
