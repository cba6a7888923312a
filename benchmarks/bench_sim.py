"""Simulated stove speed: one hour of stove time with all six zones of range-6 on.

Prints, for this machine:
1. wall time to integrate one stove hour in one ``update()`` call (physics, control and safety at
   every 0.5 s step) - target under 0.5 s - and stove seconds per wall second;
2. the same hour as the app sees it at 10 Hz and 100x speed (an update and a telemetry snapshot
   every 10 stove seconds);
3. cost per zone-step in microseconds.

The zones run a mix the hob sees while cooking: two big pots at levels 9 and 6 (one boils), a
pan of oil held at 180 °C in target mode, a small pot at level 3, a radiant ring at level 7 and
the gas wok burner at level 5. All six must still be on at the end (checked), so no zone idles.
Usage: python benchmarks/bench_sim.py [--repeat N]
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kitchen_ui.core.clock import ManualClock  # noqa: E402
from kitchen_ui.sim.physics import Pan  # noqa: E402
from kitchen_ui.sim.profiles import load_profile  # noqa: E402
from kitchen_ui.sim.stove import MAX_STEP_S, SimulatedStove  # noqa: E402

HOUR = 3600.0
REPEAT = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5

SETUP = [  # zone: (pan, command)
    (Pan("steel", 2.0, "water", 5.0), ("level", 9)),
    (Pan("steel", 1.1, "oil", 0.5), ("target", 180.0)),
    (Pan("steel", 1.5, "water", 3.0), ("level", 6)),
    (Pan("steel", 0.8, "water", 2.0), ("level", 3)),
    (Pan("steel", 1.5, "water", 4.0), ("level", 7)),
    (Pan("cast_iron", 3.0, "water", 5.0), ("level", 5)),
]


def cooking_stove() -> tuple[SimulatedStove, ManualClock]:
    clock = ManualClock()
    stove = SimulatedStove(load_profile("range-6"), clock)
    for i, (pan, (what, value)) in enumerate(SETUP):
        stove.set_pan(i, pan)
        if what == "level":
            stove.set_level(i, int(value))
        else:
            stove.set_target(i, value)
    return stove, clock


def one_hour(chunk: float | None) -> tuple[float, SimulatedStove]:
    stove, clock = cooking_stove()
    start = time.perf_counter()
    if chunk is None:
        clock.advance(HOUR)
        stove.update()
    else:
        while clock.now() < HOUR:
            clock.advance(chunk)
            stove.update()
            stove.snapshot()
    return time.perf_counter() - start, stove


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> int:
    print(f"machine: {machine()}")
    bulk = [one_hour(None) for _ in range(REPEAT)]
    walls = [w for w, _ in bulk]
    stove = bulk[-1][1]
    zones = stove.snapshot().zones
    on = sum(z.mode != "off" for z in zones)
    print(f"zones on after the hour: {on}/6 "
          + " ".join(f"[{z.mode} {z.level} {z.temp_c:.0f}°C]" for z in zones))
    if on != 6:
        print("error: a zone switched off, the figure would flatter the simulator", file=sys.stderr)
        return 1
    best, median = min(walls), statistics.median(walls)
    steps = HOUR / MAX_STEP_S
    print(f"one stove hour, 6 zones, one update(): best {best:.3f} s, median {median:.3f} s "
          f"(target < 0.5 s) -> {HOUR / median:,.0f} stove s per wall s")
    print(f"per zone-step: {median / (steps * 6) * 1e6:.1f} µs ({steps:.0f} steps of {MAX_STEP_S} s)")
    app = [one_hour(10.0)[0] for _ in range(REPEAT)]
    print(f"same hour as the app pumps it at 100x and 10 Hz (update + snapshot every 10 s): "
          f"median {statistics.median(app):.3f} s")
    return 0 if median < 0.5 else 2


if __name__ == "__main__":
    sys.exit(main())
