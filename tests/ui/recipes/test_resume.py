"""A recipe cut short (the app killed mid-step) is offered again at the next start, and resumes."""

from __future__ import annotations

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.recipes.run_state import RunStatus
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db

from .conftest import FRY, PAN, make_kitchen, recipe, run_for, tap


def cook_then_die(qtbot, kdb, steps=FRY):
    """The first app: starts a recipe, cooks 200 s, and stops without finishing it."""
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    kitchen = make_kitchen(qtbot, stove, kdb)
    kitchen.start_recipe(recipe(steps, [PAN], title="Onions"))
    run_for(stove, 200)
    left = kitchen.cooking.cards[0].big.text()
    # nothing says goodbye to the run: its last saved state is all the next app gets
    kitchen.close()
    kitchen.model.close()
    kitchen.window.close()
    stove.stop()
    return left


@pytest.fixture
def second_start(qtbot, kdb, db_path):
    """The next app: a new stove (its clock from zero) and the same kitchen database."""
    left = cook_then_die(qtbot, kdb)
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    kdb2 = open_db(db_path)
    kitchen = make_kitchen(qtbot, stove, kdb2)
    yield kitchen, stove, left
    kitchen.close()
    kitchen.model.close()
    stove.stop()
    kdb2.close()


def test_the_next_start_offers_to_resume_and_resuming_restores_the_timers(qtbot, second_start):
    kitchen, stove, left = second_start
    assert left == "6:40"
    idle = kitchen.idle
    assert idle.offer.isVisible()
    assert "“Onions” was interrupted at step 1: Fry the onions" in idle.offer_label.text()
    assert all(z.mode == "off" for z in stove.sim.zones)       # nothing switched on by itself
    tap(qtbot, idle.resume)
    engine = kitchen.engine
    assert engine is not None and engine.status is RunStatus.RUNNING
    assert kitchen.window.side.showing == "recipe"
    zone = engine.zone_plan["pan"]
    assert (stove.sim.zones[zone].mode, stove.sim.zones[zone].level) == ("level", 5)
    assert kitchen.cooking.cards[0].big.text() in ("6:40", "6:41")   # saved at most 1 s before
    run_for(stove, 100)
    assert kitchen.cooking.cards[0].big.text() in ("5:00", "5:01")
    assert kitchen.runs.unfinished()[0].run_id == engine.run_id


def test_discarding_the_offer_forgets_the_run(qtbot, second_start):
    kitchen, stove, _left = second_start
    tap(qtbot, kitchen.idle.discard)
    assert not kitchen.idle.offer.isVisible()
    assert kitchen.runs.unfinished() == []
    assert kitchen.engine is None and all(z.mode == "off" for z in stove.sim.zones)


def test_the_offer_reads_as_one_sentence_when_the_step_ends_with_a_full_stop(qtbot, kdb, db_path):
    steps = [dict(FRY[0], text="Toss until every grain is hot and separate.")]
    cook_then_die(qtbot, kdb, steps)
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    kdb2 = open_db(db_path)
    kitchen = make_kitchen(qtbot, stove, kdb2)
    try:
        words = kitchen.idle.offer_label.text()
        assert "at step 1: Toss until every grain is hot and separate. Resume where it was" in words
        assert ".." not in words
    finally:
        kitchen.close()
        kitchen.model.close()
        stove.stop()
        kdb2.close()
