"""Shared helpers: a simulated stove on a manual clock and a loop that cooks until something happens."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.recipes.engine import RecipeEngine
from kitchen_ui.recipes.model import Recipe
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile


def make_stove(profile: str = "hybrid-4", clock: ManualClock | None = None) -> tuple[LocalStove, ManualClock]:
    clock = clock or ManualClock()
    stove = LocalStove(load_profile(profile), clock=clock, threaded=False)
    stove.start()
    return stove, clock


@pytest.fixture
def stove_clock():
    stove, clock = make_stove()
    yield stove, clock
    stove.stop()


def put_vessels(engine: RecipeEngine, stove: LocalStove) -> None:
    for pot_id, zone in engine.zone_plan.items():
        pot = engine.recipe.pot(pot_id)
        if pot is not None and pot.vessel is not None:
            stove.sim_set_pan(zone, pot.vessel.pan_params()).result()


def cook_until(stove: LocalStove, engine: RecipeEngine, done: Callable[[], bool], *, limit_s: float = 3 * 3600,
               step_s: float = 1.0) -> float:
    """Advance stove time in ``step_s`` steps until ``done()``; returns the stove time then."""
    clock: Any = stove.clock
    end = clock.now() + limit_s
    while not done():
        if clock.now() >= end:
            raise AssertionError(f"not done after {limit_s} s of stove time; view: {engine.view()}")
        stove.advance(step_s)
    return clock.now()


def recipe(steps: list[dict[str, Any]], pots: list[dict[str, Any]] | None = None, **kw: Any) -> Recipe:
    return Recipe.from_dict({"title": kw.pop("title", "Test"), "pots": pots or [], "steps": steps, **kw})


WATER_POT = {"id": "pot", "zone": "large", "vessel": {"material": "steel", "mass_kg": 1.2, "contents": "water",
                                                       "contents_kg": 1.5}}
OIL_PAN = {"id": "pan", "zone": "small", "vessel": {"material": "steel", "mass_kg": 1.0, "contents": "oil",
                                                     "contents_kg": 0.1}}
