"""What the engine shows (``RunView``) and keeps (snapshots), kept apart from its decisions.

A snapshot is a JSON-ready dict holding the whole recipe, the zone plan, every step's phase
and timer, and which zones the run set; the database stores it as the run goes, and
:func:`restore` rebuilds a paused engine from it after a crash (timers where they were saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.clock import Clock
from ..core.stove import Stove
from .model import Recipe, RecipeError
from .run_state import ActiveStep, Phase, RunStatus, RunView, StepRun

if TYPE_CHECKING:  # pragma: no cover
    from .engine import ProgressStore, RecipeEngine

SNAPSHOT_VERSION = 1


def build_view(e: "RecipeEngine") -> RunView:
    now = e.clock.now()
    active: list[ActiveStep] = []
    for r in e.runs:
        if not r.phase.active:
            continue
        step = e.recipe.steps[r.index]
        zone = e._zone_of(r.index)
        pot = e.recipe.pot(step.pot)
        temp = None if zone is None else e.zones.temp(zone)
        target = step.setting.temp_c if step.setting is not None else None
        eta = None
        if zone is not None and target is not None and zone in e.zones.predictors:
            reached = temp is not None and (temp >= target - 2.0 if r.approach > 0 else temp <= target + 2.0)
            if r.phase is Phase.HEATING or not reached:
                eta = e.zones.predictors[zone].eta(target)
        elapsed = r.elapsed(now)
        remaining = None
        if step.duration_s is not None and (r.phase in (Phase.RUNNING, Phase.FINISHING)
                                            or (r.phase is Phase.HEATING and r.started_t is not None)):
            remaining = max(0.0, step.duration_s - elapsed)      # re-heating: what is left once there
        confirm = ""
        if r.phase is Phase.PROMPT:
            confirm = f"Start: {step.text}"
        elif r.phase is Phase.FINISHING:
            confirm = f"Done? {step.text}"
        active.append(ActiveStep(
            index=r.index, id=step.id, text=step.text, phase=r.phase, pot=step.pot,
            pot_label=(pot.label or pot.id) if pot else "", zone=zone,
            zone_name="" if zone is None else e.zones.label(zone),
            setting="" if step.setting is None else step.setting.describe(),
            duration_s=step.duration_s, elapsed_s=elapsed, remaining_s=remaining, temp_c=temp,
            target_c=target, eta_s=eta, confirm=confirm))
    waiting = {r.index for r in e.runs if r.phase.active or r.phase.ended}
    nxt = [(r.index, e.recipe.steps[r.index].text) for r in e.runs
           if r.phase is Phase.PENDING and all(d in waiting for d in e._deps[r.index])]
    return RunView(title=e.recipe.title, status=e.status, t=now, steps_total=len(e.runs),
                   steps_done=sum(1 for r in e.runs if r.phase.ended), active=tuple(active),
                   next=tuple(nxt[:3]), alerts=tuple(e._alerts[-5:]), paused_reason=e.paused_reason)


def snapshot_of(e: "RecipeEngine") -> dict[str, Any]:
    now = e.clock.now()
    return {
        "version": SNAPSHOT_VERSION, "run_id": e.run_id, "t": round(now, 3),
        "status": e.status.value, "paused_reason": e.paused_reason,
        "recipe": e.recipe.to_dict(), "zone_plan": dict(e.zone_plan),
        "steps": [r.to_dict(now) for r in e.runs],
        **e.zones.to_dict(), "end_seq": e._end_seq,
    }


def restore(cls: type["RecipeEngine"], snap: dict[str, Any], stove: Stove, clock: Clock,
            store: "ProgressStore | None", **kwargs: Any) -> "RecipeEngine":
    """A paused engine where the snapshot left off; :meth:`resume` carries on cooking."""
    if not isinstance(snap, dict) or snap.get("version") != SNAPSHOT_VERSION:
        raise RecipeError("saved run: not a recipe run this version of Hearth can resume")
    try:
        recipe = Recipe.from_dict(snap["recipe"])
        plan = {str(k): int(v) for k, v in snap["zone_plan"].items()}
        steps = snap["steps"]
        if len(steps) != len(recipe.steps):
            raise RecipeError("saved run: its steps do not match its recipe")
        e = cls(recipe, stove, clock, zone_plan=plan, store=store, run_id=str(snap["run_id"]), **kwargs)
        e.runs = [StepRun.from_dict(i, d) for i, d in enumerate(steps)]
        e.zones.load(snap)
        e._end_seq = int(snap.get("end_seq", 0))
        status = RunStatus(snap["status"])
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, RecipeError):
            raise
        raise RecipeError(f"saved run: damaged ({exc})") from exc
    if status.finished:
        e.status = status
    elif status is not RunStatus.READY:
        e.status = RunStatus.PAUSED
        e.paused_reason = "interrupted: Hearth stopped mid-recipe; resume to carry on"
    return e
