"""The alert banner goes once what it says is answered: a step confirmed (also by OK on a "Done?"
banner), the step over, a paused run resumed, the run completed or aborted."""

from __future__ import annotations

from kitchen_ui.recipes.run_state import Phase, RunStatus

from .conftest import FRY, PAN, recipe, run_for, tap

TASTE_THEN_FRY = [{"id": "taste", "text": "Taste the sauce", "on_end": "wait"}, dict(FRY[0], duration_s=120)]
OIL_PAN = dict(PAN, vessel={"material": "steel", "mass_kg": 1.0, "contents": "oil", "contents_kg": 0.1})
SEAR = [{"id": "sear", "text": "Sear the steak", "pot": "pan", "setting": {"mode": "target", "temp_c": 190},
         "start": "target", "duration_s": 120}]


def banner_text(kitchen) -> str:
    return kitchen.banner.label.text() if kitchen.banner.isVisible() else ""


def test_a_done_banner_goes_when_the_step_is_confirmed(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(TASTE_THEN_FRY, [PAN]))
    assert "Done? Taste the sauce" in banner_text(kitchen)
    tap(qtbot, kitchen.cooking.confirm_button)
    assert engine.runs[0].phase is Phase.DONE and engine.status is RunStatus.RUNNING
    assert banner_text(kitchen) == ""
    run_for(sim_stove, 10)
    assert banner_text(kitchen) == ""


def test_ok_on_a_done_banner_confirms_the_step(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(TASTE_THEN_FRY, [PAN]))
    assert "Done? Taste the sauce" in banner_text(kitchen)
    assert kitchen.banner.ok.toolTip() == "Done: confirm this step"
    tap(qtbot, kitchen.banner.ok)
    assert engine.runs[0].phase is Phase.DONE
    assert engine.runs[1].phase is Phase.RUNNING
    assert sim_stove.sim.zones[engine.zone_plan["pan"]].level == 5          # the next step took over
    assert kitchen.cooking.cards[0].text.text() == "Fry the onions"


def test_ok_on_a_reminder_only_hides_it(qtbot, kitchen, sim_stove):
    steps = [dict(FRY[0], on_end="wait", alerts=[{"at_s": 30, "message": "Stir the onions"}])]
    engine = kitchen.start_recipe(recipe(steps, [PAN]))
    run_for(sim_stove, 31)
    assert "Stir the onions" in banner_text(kitchen)
    assert kitchen.banner.ok.toolTip() == "Seen: hide this alert"
    tap(qtbot, kitchen.banner.ok)
    assert banner_text(kitchen) == "" and engine.runs[0].phase is Phase.RUNNING


def test_the_last_done_banner_goes_when_the_recipe_ends(qtbot, kitchen, sim_stove):
    steps = [dict(FRY[0], duration_s=60), {"id": "serve", "text": "Serve with butter", "on_end": "wait"}]
    engine = kitchen.start_recipe(recipe(steps, [PAN]))
    run_for(sim_stove, 61)
    assert "Done? Serve with butter" in banner_text(kitchen)
    tap(qtbot, kitchen.cooking.confirm_button)
    assert engine.status is RunStatus.COMPLETED and "is ready" in kitchen.cooking.done_label.text()
    assert banner_text(kitchen) == ""


def test_a_zone_at_its_temperature_banner_goes_with_an_abort(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(SEAR, [OIL_PAN]))
    name = sim_stove.info.zones[engine.zone_plan["pan"]].name
    for _ in range(900):
        if engine.runs[0].phase is Phase.RUNNING:
            break
        sim_stove.advance(1.0)
    assert f"{name} is at 190 °C: Sear the steak" in banner_text(kitchen)
    tap(qtbot, kitchen.cooking.abort_button)
    tap(qtbot, kitchen.cooking.abort_yes)
    assert engine.status is RunStatus.ABORTED
    assert banner_text(kitchen) == ""


def test_a_pause_warning_goes_when_the_cook_resumes(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(FRY, [PAN]))
    zone = engine.zone_plan["pan"]
    run_for(sim_stove, 2)
    sim_stove.set_level(zone, 8)                               # changed at the hob: the recipe pauses
    sim_stove.advance(0.5)
    assert engine.status is RunStatus.PAUSED and "changed at the stove" in banner_text(kitchen)
    tap(qtbot, kitchen.cooking.pause_button)                   # Resume
    assert engine.status is RunStatus.RUNNING and banner_text(kitchen) == ""


def test_nothing_is_announced_as_next_once_the_run_is_aborted(qtbot, kitchen, sim_stove):
    steps = [dict(FRY[0], duration_s=60), {"id": "serve", "text": "Serve with butter", "on_end": "wait"}]
    engine = kitchen.start_recipe(recipe(steps, [PAN]))
    assert kitchen.cooking.next_label.isVisibleTo(kitchen.cooking)
    assert "Next: Serve with butter" in kitchen.cooking.next_label.text()
    tap(qtbot, kitchen.cooking.abort_button)
    tap(qtbot, kitchen.cooking.abort_yes)
    assert engine.status is RunStatus.ABORTED and "aborted" in kitchen.cooking.done_label.text()
    assert not kitchen.cooking.next_label.isVisibleTo(kitchen.cooking)


def test_a_german_banner_asks_in_german_and_keeps_the_recipe_s_own_words(qtbot, german, kitchen, sim_stove):
    kitchen.start_recipe(recipe(TASTE_THEN_FRY, [PAN]))
    assert banner_text(kitchen) == "● Fertig? Taste the sauce"
