"""A recipe cut short (the app killed mid-step) is offered again at the next start, and resumes."""

from __future__ import annotations

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.energy.store import load_session_energy
from kitchen_ui.recipes.run_state import Phase, RunStatus
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


def test_resumed_on_a_cold_stove_the_wok_heats_back_first_and_the_energy_before_the_crash_counts(
        qtbot, kdb, db_path):
    """As found: egg fried rice, the app killed 60 s into "toss the rice at 220 °C for 3 min", the
    stove cold at the next start. The step heats back before its timer goes on, and what the
    cooking used before the crash is in the run's total."""
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    kitchen = make_kitchen(qtbot, stove, kdb)
    engine = kitchen.start_recipe(kitchen.library.recipe("egg-fried-rice"))
    rice = engine.recipe.step_index("rice")
    for _ in range(1800):
        if engine.runs[rice].phase is Phase.RUNNING:
            break
        if kitchen.cooking.confirm_button.isEnabled():           # "Done?" of the preparation
            tap(qtbot, kitchen.cooking.confirm_button)
        stove.advance(1.0)
    run_for(stove, 60)
    assert kitchen.cooking.cards[0].big.text() == "2:00"
    first_session = kitchen.sessions.session_id
    recorder = kitchen.sessions.recorder
    kitchen.sessions.flush()                  # what the recorder had written by then (every 0.05 s)
    before_crash_wh = kitchen.diet.energy.reading.energy_wh
    assert before_crash_wh > 20
    # the kill: nothing is closed, saved or ended; the dead app's pieces just stop hearing the stove
    kitchen.relay.close()                     # the run's signals no longer reach the views
    engine.close()
    kitchen.model.close()
    stove.stop()
    kitchen.window.close()

    stove2 = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    kdb2 = open_db(db_path)
    kitchen2 = make_kitchen(qtbot, stove2, kdb2)
    try:
        tap(qtbot, kitchen2.idle.resume)
        engine2 = kitchen2.engine
        zone = engine2.zone_plan["wok"]
        assert stove2.state.zones[zone].temp_c < 40                  # a cold wok
        assert engine2.runs[rice].phase is Phase.HEATING
        card = kitchen2.cooking.cards[0]
        assert "→ 220 °C" in card.state.text() and "then 2:00 to go" in card.state.text()
        while engine2.runs[rice].phase is Phase.HEATING:
            stove2.advance(1.0)
            assert "then 2:00 to go" in card.state.text() or engine2.runs[rice].phase is Phase.RUNNING
            assert stove2.clock.now() < 1800, "the wok never got back to 220 °C"
        assert stove2.state.zones[zone].temp_c >= 218                # there before the timer goes on
        assert card.big.text() in ("2:00", "1:59")
        for _ in range(600):
            if engine2.status.finished:
                break
            if kitchen2.cooking.confirm_button.isEnabled():
                tap(qtbot, kitchen2.cooking.confirm_button)
            stove2.advance(1.0)
        assert engine2.status is RunStatus.COMPLETED
        after_wh = kitchen2.diet.energy.reading.energy_wh
        panel = kitchen2.diet.after
        assert panel.isVisible()
        assert panel.report.used.energy_wh == pytest.approx(before_crash_wh + after_wh, rel=0.01)
        assert panel.used.text().startswith(f"{panel.report.used.energy_wh / 1000:.3f} kWh")    # what the cook reads
        assert load_session_energy(kdb2, first_session).energy_wh == pytest.approx(before_crash_wh, rel=0.01)
    finally:
        kitchen2.close()
        kitchen2.model.close()
        stove2.stop()
        recorder.stop()
        kdb2.close()
