"""``recipes try``: cook a recipe on a fresh simulated stove as fast as the computer can.

The stove is an unthreaded :class:`~kitchen_ui.sim.local.LocalStove` on a
:class:`~kitchen_ui.core.clock.ManualClock`; the trial moves the clock on in small steps (jumping
straight to the next timer end when nothing is heating), puts each pot's vessel on its zone, and
confirms every prompt itself, as a cook standing at the hob would. The result is the timeline of
the run in stove seconds: every step's start and end, zone settings and stove events.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..core.clock import ManualClock
from ..core.model import StoveEvent
from ..sim.local import LocalStove
from ..sim.profiles import StoveProfile
from .engine import RecipeEngine
from .model import Recipe
from .run_state import Phase, RunLogEntry, RunStatus

HEAT_STEP_S = 1.0         # while a zone heats towards a temperature
IDLE_STEP_S = 5.0         # otherwise, bounded by the next timer end
DEFAULT_LIMIT_S = 12 * 3600.0
STALL_S, STALL_C = 900.0, 0.5  # waiting on a temperature that moved less than this in that long


@dataclass
class TrialResult:
    recipe: str
    profile: str
    status: str                  # "completed", or "paused"/"running" when it did not finish
    duration_s: float
    zones: dict[str, dict[str, Any]]
    timeline: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""
    wall_s: float = 0.0

    @property
    def completed(self) -> bool:
        return self.status == RunStatus.COMPLETED.value

    def to_dict(self) -> dict[str, Any]:
        return {"recipe": self.recipe, "profile": self.profile, "status": self.status,
                "duration_s": round(self.duration_s, 3), "zones": self.zones, "problem": self.problem,
                "timeline": self.timeline}


def run_trial(recipe: Recipe, profile: StoveProfile, *, limit_s: float = DEFAULT_LIMIT_S,
              watch: Callable[[LocalStove, RecipeEngine], None] | None = None) -> TrialResult:
    """Run ``recipe`` to the end on a simulated ``profile`` stove; never raises for a stuck recipe.

    ``watch``, if given, is called with the stove and the engine once the pans are on and after
    every step of the clock, to observe the simulation (energy tips read the zones' physics).
    """
    wall0 = time.perf_counter()
    clock = ManualClock()
    stove = LocalStove(profile, clock=clock, threaded=False)
    stove.start()
    timeline: list[dict[str, Any]] = []
    try:
        engine = RecipeEngine(recipe, stove, clock)
        info = {z.id: z for z in stove.info.zones}  # type: ignore[union-attr]
        zones = {pot: {"zone": z, "name": info[z].name, "kind": info[z].kind, "diameter_mm": info[z].diameter_mm}
                 for pot, z in engine.zone_plan.items()}
        for pot_id, zone in engine.zone_plan.items():
            pot = recipe.pot(pot_id)
            if pot is not None and pot.vessel is not None:
                stove.sim_set_pan(zone, pot.vessel.pan_params()).result()
                timeline.append({"t": 0.0, "kind": "pan_set", "zone": zone,
                                 "message": f"{info[zone].name}: {_vessel_text(pot.vessel)} for {pot.label or pot.id}"})

        def on_log(entry: RunLogEntry) -> None:
            if entry.kind != "event":          # stove events are recorded from the stove itself
                timeline.append(entry.to_dict())

        def on_event(ev: StoveEvent) -> None:
            timeline.append({"t": ev.t, "kind": "event", "event": ev.kind,
                             "zone": ev.zone, "message": ev.message})

        engine.log.connect(on_log)
        stove.event.connect(on_event)
        if watch is not None:
            watch(stove, engine)
        engine.start()
        stall = _StallWatch()
        problem = ""
        while not engine.status.finished and clock.now() < limit_s:
            if engine.status is RunStatus.PAUSED:
                break
            problem = stall.check(engine, clock.now())
            if problem:
                break
            waiting = [r.index for r in engine.runs if r.phase in (Phase.PROMPT, Phase.FINISHING)]
            if waiting:
                engine.confirm(waiting[0])
                continue
            heating = any(r.phase is Phase.HEATING for r in engine.runs)
            step = HEAT_STEP_S if heating else IDLE_STEP_S
            deadline = engine.next_deadline()
            if deadline is not None:
                step = min(step, max(deadline - clock.now(), 0.0))
            stove.advance(max(step, 1e-3))    # a timer due now ends on this telemetry
            if watch is not None:
                watch(stove, engine)
        status = engine.status.value
        if problem:
            pass
        elif engine.status is RunStatus.PAUSED:
            problem = f"the recipe paused at {clock.now():.0f} s: {engine.paused_reason}"
        elif not engine.status.finished:
            problem = f"the recipe did not finish within {limit_s / 3600:g} h of stove time"
        engine.close()
        return TrialResult(recipe=recipe.title, profile=profile.name, status=status, duration_s=clock.now(),
                           zones=zones, timeline=timeline, problem=problem, wall_s=time.perf_counter() - wall0)
    finally:
        stove.stop()


class _StallWatch:
    """Notices a step that waits for a temperature its zone has stopped approaching."""

    def __init__(self) -> None:
        self.marks: dict[int, tuple[float, float]] = {}     # step -> (time, temperature) of the last check

    def check(self, engine: RecipeEngine, now: float) -> str:
        for r in engine.runs:
            if r.phase is not Phase.HEATING:
                self.marks.pop(r.index, None)
                continue
            step = engine.recipe.steps[r.index]
            zone = engine.zone_plan[step.pot]  # type: ignore[index]
            temp = engine.zones.temp(zone)
            if temp is None:
                continue
            t0, temp0 = self.marks.setdefault(r.index, (now, temp))
            if now - t0 >= STALL_S:
                if abs(temp - temp0) < STALL_C:
                    return (f"step {r.index + 1} waits for {engine.zones.label(zone)} to reach "
                            f"{step.setting.temp_c:g} °C, but it stays at {temp:.0f} °C")  # type: ignore[union-attr]
                self.marks[r.index] = (now, temp)
        return ""


def _vessel_text(v: Any) -> str:
    what = v.material.replace("_", " ")
    if v.contents != "none" and v.contents_kg:
        return f"{what} pan ({v.mass_kg:g} kg) with {v.contents_kg:g} kg {v.contents}"
    return f"{what} pan ({v.mass_kg:g} kg)"


def clock_text(t: float) -> str:
    s = int(round(t))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def format_timeline(result: TrialResult) -> str:
    """The timeline as a cook would read it (``recipes try`` without ``--json``)."""
    lines = [f"{result.recipe} — simulated stove '{result.profile}'"]
    for pot, z in result.zones.items():
        lines.append(f"  pot {pot!r} on {z['name']} ({z['kind']}, {z['diameter_mm']} mm)")
    skip = {"heating", "timer_started"}
    for e in result.timeline:
        if e["kind"] in skip:
            continue
        where = f"step {e['step'] + 1}: " if "step" in e and e["kind"].startswith("step") else ""
        lines.append(f"{clock_text(e['t']):>8}  {e['kind']:<16} {where}{e['message']}")
    if result.completed:
        lines.append(f"completed in {clock_text(result.duration_s)} of stove time "
                     f"(computed in {result.wall_s:.2f} s)")
    else:
        lines.append(f"NOT completed: {result.problem}")
    return "\n".join(lines)
