"""Safety rules the stove applies by itself after every physics step (KSP/1 section 5).

They run on stove time and trust no client: overheat cut-off, automatic switch-off per level,
heater or sensor fault detection, boil-dry, boost limit, timers and pan detection. Each rule
returns the events it raised; the stove publishes them.

The overheat cut-off watches the pan's true temperature, like the separate thermal cut-out of a
real hob: it still works when the temperature sensor that reports ``pan_temp_c`` is broken.
"""

from __future__ import annotations

from dataclasses import dataclass

from .zone import SimZone

# automatic switch-off after this long without a command (stove seconds), by level; KSP/1 5
AUTO_OFF_S = {
    1: 8 * 3600 + 40 * 60, 2: 6 * 3600 + 45 * 60, 3: 5 * 3600 + 15 * 60, 4: 4 * 3600 + 20 * 60,
    5: 3 * 3600 + 30 * 60, 6: 2 * 3600 + 45 * 60, 7: 2 * 3600 + 20 * 60, 8: 3600 + 45 * 60,
    9: 3600 + 30 * 60,
}
AUTO_OFF_TARGET_S = 2 * 3600
BOOST_LIMIT_S = 600.0
OVERHEAT_HYSTERESIS_C = 30.0
FAULT_WINDOW_S = 90.0
FAULT_RISE_C = 2.0
FAULT_BELOW_C = 90.0
FAULT_MIN_SHARE = 0.5
BOIL_DRY_C = 120.0
# a drawn power below this share of the demand means the heater takes no current (or no flame)
HEATER_DEAD_SHARE = 0.1


@dataclass
class Raised:
    kind: str
    message: str


def auto_off_limit_s(z: SimZone) -> float:
    """How long the zone may stay in its current setting without a command."""
    if z.mode == "target":
        return AUTO_OFF_TARGET_S
    return AUTO_OFF_S[z.level]   # boost counts as level 9


def next_deadline(z: SimZone) -> float | None:
    """The earliest stove time at which a timed rule (timer, boost, auto-off) fires for ``z``.

    The stove ends a physics step there, so these rules fire on time to the millisecond.
    """
    deadline = z.timer_end
    if z.mode != "off":
        d = z.last_command_t + auto_off_limit_s(z)
        if deadline is None or d < deadline:
            deadline = d
        if z.boost and z.boost_started_t is not None:
            d = z.boost_started_t + BOOST_LIMIT_S
            if d < deadline:
                deadline = d
    return deadline


class ZoneSafety:
    """Per-zone watchdog state (the fault-detection window)."""

    def __init__(self) -> None:
        self.window_start_t: float | None = None
        self.window_reading = 0.0
        self.window_pan_reading: float | None = None

    def reset(self) -> None:
        self.window_start_t = None

    def check(self, z: SimZone, t: float, demanded_w: float, max_pan_c: float) -> list[Raised]:
        out: list[Raised] = []
        name = z.info.name

        # pan detection (induction senses the pan's iron; others report what sits there)
        present = z.detect_pan()
        if present != z.pan_present:
            z.pan_present = present
            if z.info.kind == "induction":
                out.append(Raised("pan_detected" if present else "pan_removed",
                                  f"{name}: pan {'detected' if present else 'removed'}"))

        # an open sensor is seen at once
        if z.injected is not None and z.injected.kind == "sensor_open" and z.fault is None:
            z.fault = "sensor_open"
            z.switch_off()
            self.reset()
            out.append(Raised("fault", f"{name}: temperature sensor open; zone switched off"))
            return out

        # overheat cut-off, latched until the pan cools well below the limit
        physics = z.physics
        if z.fault == "overheat":
            if physics.pan is None or physics.pan_temp_c < max_pan_c - OVERHEAT_HYSTERESIS_C:
                z.fault = None
                out.append(Raised("fault_cleared", f"{name}: cooled down; overheat cleared"))
        elif physics.pan is not None and physics.pan_temp_c > max_pan_c:
            z.switch_off()
            z.fault = "overheat"
            self.reset()
            out.append(Raised("overheat", f"{name}: pan above {max_pan_c:.0f} °C; zone switched off"))
            return out

        if z.mode == "off":
            self.reset()
            return out

        # boost ends by itself
        if z.boost and z.boost_started_t is not None and t - z.boost_started_t >= BOOST_LIMIT_S - 1e-6:
            z.set_boost(False, t)
            out.append(Raised("boost_ended", f"{name}: boost ended after 10 minutes; back to level 9"))

        # automatic switch-off when nobody touched the zone for too long
        limit = auto_off_limit_s(z)
        if t - z.last_command_t >= limit - 1e-6:
            z.switch_off()
            self.reset()
            out.append(Raised("auto_off", f"{name}: switched off after {_hours(limit)} without a command"))
            return out

        reading = z.reading_c()
        fault = self._heating_fault(z, t, demanded_w, reading)
        if fault is not None:
            out.append(fault)
            return out

        # boil-dry: the water plateau is over and the reading climbs on
        if physics.boiled and reading is not None and reading > BOIL_DRY_C:
            z.switch_off()
            physics.boiled = False
            self.reset()
            out.append(Raised("boil_dry", f"{name}: boiled dry; zone switched off"))
        return out

    def _heating_fault(self, z: SimZone, t: float, demanded_w: float, reading: float | None) -> Raised | None:
        """Heater or sensor fault: at least half power, reading below 90 °C, no 2 °C rise in 90 s.

        Warming of the pan reading counts as well as of the contents: under a big pot of cold
        water the pan shows the heater works before the water moves. In target mode a reading
        already near the target is not expected to rise. The stove tells a dead heater (it draws
        no current, or the flame is out) from a stuck sensor (power flows, nothing changes).
        """
        if (demanded_w < FAULT_MIN_SHARE * z.info.max_power_w or not z.pan_present or reading is None
                or reading >= FAULT_BELOW_C
                or (z.target_c is not None and reading >= z.target_c - FAULT_RISE_C)):
            self.reset()
            return None
        pan_reading = z.pan_reading_c()
        if (self.window_start_t is None or reading >= self.window_reading + FAULT_RISE_C
                or (pan_reading is not None and self.window_pan_reading is not None
                    and pan_reading >= self.window_pan_reading + FAULT_RISE_C)):
            self.window_start_t, self.window_reading, self.window_pan_reading = t, reading, pan_reading
            return None
        if t - self.window_start_t < FAULT_WINDOW_S - 1e-6:
            return None
        kind = "heater_dead" if z.power_w < HEATER_DEAD_SHARE * demanded_w else "sensor_stuck"
        z.fault = kind
        z.switch_off()
        self.reset()
        what = "heater is not heating" if kind == "heater_dead" else "temperature sensor is stuck"
        return Raised("fault", f"{z.info.name}: {what}; zone switched off")


def timer_check(z: SimZone, t: float) -> list[Raised]:
    if z.timer_end is not None and t >= z.timer_end - 1e-6:
        z.timer_end = None
        z.switch_off()
        return [Raised("timer_elapsed", f"{z.info.name}: timer finished; zone switched off")]
    return []


def _hours(seconds: float) -> str:
    h, m = divmod(round(seconds / 60), 60)
    return f"{h} h {m:02d} min" if m else f"{h} h"
