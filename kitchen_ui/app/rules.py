"""The rules of a recipe run that the cook's screens follow, as plain functions of the run.

Which zones a run is using (a tap on one of them is the cook taking over), where its pots go on
a simulated stove, whether an alert asks "is this step done?", and when a shown alert has been
answered and can go. The dashboard's banner and the terminal's prompts follow the same ones.
"""

from __future__ import annotations

from typing import Any

from ..recipes.engine import RecipeEngine
from ..recipes.run_state import Phase, RunAlert, RunStatus, RunView


def zones_in_use(engine: RecipeEngine | None) -> set[int]:
    if engine is None:
        return set()
    zones = {a.zone for a in engine.view().active if a.zone is not None}
    zones |= {z for z, s in dict(engine.zones.desired).items() if s is not None and s.mode != "off"}
    return zones


def pot_placements(engine: RecipeEngine) -> list[tuple[int, dict[str, Any], str]]:
    """(zone, pan parameters, the pot's name) for each pot with a vessel, as the cook would stand them."""
    out = []
    for pot_id, zone in engine.zone_plan.items():
        pot = engine.recipe.pot(pot_id)
        if pot is not None and pot.vessel is not None:
            out.append((zone, pot.vessel.pan_params(), pot.label or pot.id))
    return out


def asks_done(engine: RecipeEngine | None, alert: RunAlert) -> bool:
    """Does ``alert`` ask whether its step is done ("Done? …", "Time is up: …")?"""
    if engine is None or alert.step is None or alert.kind not in ("prompt", "timer"):
        return False
    return any(a.index == alert.step and a.phase is Phase.FINISHING for a in engine.view().active)


def answered(alert: RunAlert, view: RunView) -> bool:
    """What the alert said is answered: its step confirmed, ended or gone back, or the run over."""
    if view.status.finished:
        return True
    if alert.step is None:
        return False
    step = next((a for a in view.active if a.index == alert.step), None)
    return step is None or (alert.kind in ("prompt", "timer") and step.phase not in (Phase.PROMPT, Phase.FINISHING))


def resumed_past(alert: RunAlert, status: RunStatus) -> bool:
    """A paused run resumed: the warning that was why it paused is dealt with."""
    return status is RunStatus.RUNNING and alert.warning and alert.step is None
