"""A recipe survives the app dying: the next start rebuilds the run from the database."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.engine import RecipeEngine
from kitchen_ui.recipes.model import RecipeError
from kitchen_ui.recipes.run_state import Phase, RunStatus
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.runs import RunStore

from .conftest import OIL_PAN, WATER_POT, make_stove, put_vessels, recipe

STEPS = [
    {"id": "oil", "text": "Heat the oil", "pot": "pan", "setting": {"mode": "target", "temp_c": 150}, "start": "target"},
    {"id": "sauce", "text": "Simmer the sauce", "pot": "pan", "setting": {"mode": "level", "level": 3},
     "duration_s": 1200, "on_end": "keep_warm"},
    {"id": "pasta", "text": "Cook the pasta", "pot": "pot", "setting": {"mode": "level", "level": 6},
     "duration_s": 540, "on_end": "off", "after": ["oil"]},
    {"id": "serve", "text": "Serve", "after": ["pasta", "sauce"]},
]


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    open_db(path, seed=False).close()
    return path


def test_kill_mid_step_then_resume_from_the_database(db_path):
    stove, clock = make_stove()
    store = RunStore(db_path)
    e = RecipeEngine(recipe(STEPS, [WATER_POT, OIL_PAN]), stove, clock, store=store)
    put_vessels(e, stove)
    e.start()
    while e.runs[2].phase is not Phase.RUNNING:
        stove.advance(1.0)
    stove.advance(300.0)
    left_pasta = 540 - e.runs[2].elapsed(clock.now())
    left_sauce = 1200 - e.runs[1].elapsed(clock.now())
    run_id = e.run_id
    # the kill: the engine object, its stove and its connection vanish without any goodbye
    e.close()
    del e
    stove.stop()
    store.close()

    stove2, clock2 = make_stove()                    # a new app: a new stove, a clock from zero
    store2 = RunStore(db_path)
    (saved,) = store2.unfinished()
    assert saved.run_id == run_id and saved.title == "Test"
    assert "Simmer the sauce" in saved.current
    e2 = store2.resume(run_id, stove2, clock2)
    assert e2.status is RunStatus.PAUSED
    assert "interrupted" in e2.paused_reason
    view = e2.view()
    by_id = {a.id: a for a in view.active}
    assert set(by_id) == {"sauce", "pasta"}
    # saved at most one stove second before the kill
    assert by_id["pasta"].remaining_s == pytest.approx(left_pasta, abs=1.0)
    assert by_id["sauce"].remaining_s == pytest.approx(left_sauce, abs=1.0)
    put_vessels(e2, stove2)
    e2.resume()
    stove2.pump()
    assert stove2.state.zones[e2.zone_plan["pot"]].level == 6     # the zones are set again
    assert stove2.state.zones[e2.zone_plan["pan"]].level == 3
    t_resume = clock2.now()
    while e2.runs[2].phase is Phase.RUNNING:
        stove2.advance(1.0)
    assert clock2.now() - t_resume == pytest.approx(by_id["pasta"].remaining_s, abs=1.0)
    while e2.status is RunStatus.RUNNING:
        stove2.advance(5.0)
        for a in e2.view().active:
            if a.confirm:
                e2.confirm(a.index)
    assert e2.status is RunStatus.COMPLETED
    assert store2.unfinished() == []
    stove2.stop()
    store2.close()


def test_saves_are_throttled_while_timers_run(db_path):
    stove, clock = make_stove()
    saves = []

    class Counting(RunStore):
        def save(self, snapshot):
            saves.append(snapshot["t"])
            super().save(snapshot)

    store = Counting(db_path)
    e = RecipeEngine(recipe([{"text": "Wait", "duration_s": 600}]), stove, clock, store=store)
    e.start()
    for _ in range(100):
        stove.advance(0.1)                 # ten telemetry messages a stove second
    assert 9 <= len(saves) <= 13           # about once a second, not ten times
    stove.stop()
    store.close()


def test_a_damaged_saved_run_is_refused_clearly(db_path):
    stove, clock = make_stove()
    with pytest.raises(RecipeError, match="saved run"):
        RecipeEngine.from_snapshot({"version": 99}, stove, clock)
    with pytest.raises(RecipeError, match="saved run: damaged"):
        RecipeEngine.from_snapshot({"version": 1, "recipe": {"title": "x", "steps": [{"text": "y"}]}}, stove, clock)
    stove.stop()


def test_discarding_a_run_stops_offering_it(db_path):
    stove, clock = make_stove()
    store = RunStore(db_path)
    e = RecipeEngine(recipe([{"text": "Wait", "duration_s": 600}]), stove, clock, store=store)
    e.start()
    assert len(store.unfinished()) == 1
    store.discard(e.run_id)
    assert store.unfinished() == []
    stove.stop()
    store.close()


def _fried_rice():
    from kitchen_ui.recipes.archive import starter_recipes
    return next(r for r in starter_recipes() if r.slug == "egg-fried-rice")


def test_resumed_on_a_cold_stove_a_timed_step_heats_back_before_its_timer_goes_on(db_path):
    """As it was found: the app died 60 s into "toss the rice at 220 °C for 3 min"; the next start
    has a cold wok. The step must heat back up first, then count down its remaining 2 min."""
    stove, clock = make_stove()
    store = RunStore(db_path)
    e = RecipeEngine(_fried_rice(), stove, clock, store=store)
    put_vessels(e, stove)
    rice = e.recipe.step_index("rice")
    e.start()
    while e.runs[rice].phase is not Phase.RUNNING:
        stove.advance(1.0)
        for a in e.view().active:
            if a.confirm:
                e.confirm(a.index)
    stove.advance(60.0)
    left = 180 - e.runs[rice].elapsed(clock.now())
    run_id = e.run_id
    e.close()
    stove.stop()
    store.close()

    stove2, clock2 = make_stove()                     # a cold stove
    store2 = RunStore(db_path)
    e2 = store2.resume(run_id, stove2, clock2)
    put_vessels(e2, stove2)
    zone = e2.zone_plan["wok"]
    stove2.pump()
    assert stove2.state.zones[zone].temp_c < 40
    e2.resume()
    assert e2.runs[rice].phase is Phase.HEATING
    (step,) = [a for a in e2.view().active if a.index == rice]
    assert step.remaining_s == pytest.approx(left, abs=1.0)
    while e2.runs[rice].phase is Phase.HEATING:
        stove2.advance(1.0)
        (step,) = [a for a in e2.view().active if a.index == rice]
        assert step.remaining_s == pytest.approx(left, abs=1.0)      # held while the wok heats
        assert clock2.now() < 1800, "the wok never got back to 220 °C"
    assert stove2.state.zones[zone].temp_c >= 218                    # there before the timer goes on
    back_at = clock2.now()
    temps = []
    while e2.runs[rice].phase is Phase.RUNNING:
        stove2.advance(1.0)
        temps.append(stove2.state.zones[zone].temp_c)
    assert clock2.now() - back_at == pytest.approx(left, abs=1.5)
    assert min(temps) > 200                                          # the rice tossed in a hot wok
    stove2.stop()
    store2.close()
