"""Safety rules the stove applies by itself after every physics step (KSP/1 section 5).

They run on stove time and trust no client: overheat cut-off, automatic switch-off per level,
heater or sensor fault detection, boil-dry, boost limit, timers and pan detection. Each rule
returns the events it raised; the stove publishes them.
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
BOIL_DRY_C = 120.0


@dataclass
class Raised:
    kind: str
    message: str


class ZoneSafety:
    """Per-zone watchdog state (the fault-detection window)."""

    def __init__(self) -> None:
        self.window_start_t: float | None = None
        self.window_start_reading = 0.0

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
        if z.injected is not None and z.injected.kind == "sensor_open" and z.fault != "sensor_open":
            z.fault = "sensor_open"
            z.switch_off()
            self.reset()
            out.append(Raised("fault", f"{name}: temperature sensor open; zone switched off"))
            return out

        # overheat cut-off, latched until the pan cools well below the limit
        pan_t = z.physics.pan_temp_c if z.physics.pan is not None else None
        if z.fault == "overheat":
            if pan_t is None or pan_t < max_pan_c - OVERHEAT_HYSTERESIS_C:
                z.fault = None
                out.append(Raised("fault_cleared", f"{name}: cooled down; overheat cleared"))
        elif pan_t is not None and pan_t > max_pan_c:
            z.switch_off()
            z.fault = "overheat"
            self.reset()
            out.append(Raised("overheat", f"{name}: pan above {max_pan_c:.0f} °C; zone switched off"))
            return out

        if z.mode == "off":
            self.reset()
            return out

        # boost ends by itself
        if z.boost and z.boost_started_t is not None and t - z.boost_started_t >= BOOST_LIMIT_S:
            z.set_boost(False, t)
            out.append(Raised("boost_ended", f"{name}: boost ended after 10 minutes; back to level 9"))

        # automatic switch-off when nobody touched the zone for too long
        limit = AUTO_OFF_TARGET_S if z.mode == "target" else AUTO_OFF_S.get(z.level, AUTO_OFF_S[9])
        if t - z.last_command_t >= limit:
            z.switch_off()
            self.reset()
            out.append(Raised("auto_off", f"{name}: switched off after {limit / 3600:.1f} h without a command"))
            return out

        # a pan that does not warm under half power or more: heater or sensor fault
        reading = z.reading_c()
        if (demanded_w >= 0.5 * z.info.max_power_w and z.pan_present and reading is not None
                and reading < FAULT_BELOW_C):
            if self.window_start_t is None or reading >= self.window_start_reading + FAULT_RISE_C:
                self.window_start_t, self.window_start_reading = t, reading
            elif t - self.window_start_t >= FAULT_WINDOW_S:
                kind = "heater_dead" if (z.injected and z.injected.kind == "heater_dead") else "sensor_stuck"
                z.fault = kind
                z.switch_off()
                self.reset()
                what = "heater is not heating" if kind == "heater_dead" else "temperature sensor is stuck"
                out.append(Raised("fault", f"{name}: {what}; zone switched off"))
                return out
        else:
            self.reset()

        # boil-dry: the water plateau is over and the reading climbs on
        if z.physics.boiled and reading is not None and reading > BOIL_DRY_C:
            z.switch_off()
            z.physics.boiled = False
            self.reset()
            out.append(Raised("boil_dry", f"{name}: boiled dry; zone switched off"))
        return out


def timer_check(z: SimZone, t: float) -> list[Raised]:
    if z.timer_end is not None and t >= z.timer_end:
        z.timer_end = None
        z.switch_off()
        return [Raised("timer_elapsed", f"{z.info.name}: timer finished; zone switched off")]
    return []
