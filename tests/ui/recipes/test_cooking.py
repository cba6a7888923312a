"""Cooking a recipe from the dashboard, on the real simulated stove (manual clock, no sleeping)."""

from __future__ import annotations

from kitchen_ui.recipes.run_state import Phase, RunStatus

from .conftest import FRY, PAN, recipe, run_for, tap

CHOP_THEN_FRY = [{"id": "chop", "text": "Chop the onions"}] + [dict(FRY[0], duration_s=120)]
TWO_TIMED = [dict(FRY[0], duration_s=300),
             {"id": "simmer", "text": "Simmer gently", "pot": "pan", "setting": {"mode": "level", "level": 2},
              "duration_s": 300}]


def cards_text(kitchen) -> list[str]:
    return [f"{c.text.text()} | {c.big.text()} | {c.state.text()}" for c in kitchen.cooking.cards if not c.isHidden()]


def zone_of(kitchen, pot: str) -> int:
    return kitchen.engine.zone_plan[pot]


def test_start_from_the_recipe_view_sets_the_zones_and_shows_the_countdown(qtbot, kitchen, sim_stove):
    window = kitchen.window
    tap(qtbot, kitchen.recipes_tab)
    page = kitchen.library_page
    assert window.pages.currentWidget() is page and window.all_off_button.isVisible()
    page.select("spaghetti-al-pomodoro")
    tap(qtbot, page.view.start_button)
    engine = kitchen.engine
    assert engine is not None and engine.status is RunStatus.RUNNING
    assert window.pages.currentIndex() == 0 and window.side.showing == "recipe"
    assert window.recipe_area.title.text() == "Spaghetti al pomodoro"
    pasta, sauce = sim_stove.sim.zones[zone_of(kitchen, "pasta")], sim_stove.sim.zones[zone_of(kitchen, "sauce")]
    assert pasta.boost is True                                 # "boost until 98 °C"
    assert (sauce.mode, sauce.level) == ("level", 4)           # "level 4, 2:00"
    # the simulated pots are the recipe's: 2.5 kg of water in the large one
    assert sim_stove.sim.zones[zone_of(kitchen, "pasta")].physics.pan.contents_mass_kg == 2.5
    texts = cards_text(kitchen)
    assert any("Warm the olive oil" in t and "| 2:00 |" in t for t in texts), texts
    assert any("Fill the large pot" in t and "→ 98 °C" in t for t in texts), texts
    run_for(sim_stove, 30)
    texts = cards_text(kitchen)
    assert any("Warm the olive oil" in t and "| 1:30 |" in t for t in texts), texts
    heating = next(t for t in texts if "Fill the large pot" in t)
    assert "boils in ~" in heating, heating                    # the prediction, from telemetry
    # the step with the nearest timer is the large one; both pots are on screen
    assert "Warm the olive oil" in kitchen.cooking.cards[0].text.text()
    assert kitchen.cooking.cards[0].property("current") is True and len(texts) == 2
    assert "Next: Add the tomatoes" in kitchen.cooking.next_label.text()


def test_confirm_starts_the_step_after_a_step_for_the_cook(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    view = kitchen.cooking
    assert cards_text(kitchen) == ["Chop the onions | Done? | Tap Confirm when it is done"]
    zone = engine.zone_plan["pan"]
    assert sim_stove.sim.zones[zone].mode == "off"
    tap(qtbot, view.confirm_button)
    assert engine.runs[0].phase is Phase.DONE
    assert (sim_stove.sim.zones[zone].mode, sim_stove.sim.zones[zone].level) == ("level", 5)
    assert cards_text(kitchen)[0].startswith("Fry the onions | 2:00")
    assert not view.confirm_button.isEnabled()                # nothing waits for the cook now
    assert view.progress.text() == "1 of 2 steps done"


def test_pause_freezes_the_countdown_and_resume_carries_on(qtbot, kitchen, sim_stove):
    kitchen.start_recipe(recipe(FRY, [PAN]))
    view = kitchen.cooking
    run_for(sim_stove, 60)
    assert view.cards[0].big.text() == "9:00"
    tap(qtbot, view.pause_button)
    assert kitchen.engine.status is RunStatus.PAUSED
    assert view.paused_bar.isVisible() and "paused by the cook" in view.paused_label.text()
    assert view.pause_button.text() == "Resume"
    run_for(sim_stove, 120)
    assert view.cards[0].big.text() == "9:00"
    tap(qtbot, view.pause_button)
    assert kitchen.engine.status is RunStatus.RUNNING and not view.paused_bar.isVisible()
    run_for(sim_stove, 60)
    assert view.cards[0].big.text() == "8:00"


def test_skip_ends_the_current_step(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(TWO_TIMED, [PAN]))
    run_for(sim_stove, 10)
    tap(qtbot, kitchen.cooking.skip_button)
    assert engine.runs[0].phase is Phase.SKIPPED and engine.runs[1].phase is Phase.RUNNING
    assert cards_text(kitchen)[0].startswith("Simmer gently | 5:00")
    assert sim_stove.sim.zones[engine.zone_plan["pan"]].level == 2


def test_abort_asks_first_then_leaves_the_zones_off(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe(FRY, [PAN]))
    zone = engine.zone_plan["pan"]
    view = kitchen.cooking
    tap(qtbot, view.abort_button)
    assert view.abort_box.isVisible() and "zones switch off" in view.abort_question.text()
    assert engine.status is RunStatus.RUNNING and sim_stove.sim.zones[zone].mode == "level"
    tap(qtbot, view.abort_no)                                  # changed their mind
    assert engine.status is RunStatus.RUNNING and view.abort_button.isVisible()
    tap(qtbot, view.abort_button)
    tap(qtbot, view.abort_yes)
    assert engine.status is RunStatus.ABORTED
    assert sim_stove.sim.zones[zone].mode == "off"
    sim_stove.advance(1.0)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
    assert view.done_bar.isVisible() and "aborted" in view.done_label.text()
    tap(qtbot, view.close_button)                              # put away: the area is free again
    assert kitchen.window.recipe_area.content is kitchen.idle and kitchen.engine is None
    assert kitchen.window.side.showing == "both"


def test_touching_the_manual_control_of_the_recipes_zone_pauses_it_and_says_why(qtbot, kitchen, sim_stove):
    window = kitchen.window
    engine = kitchen.start_recipe(recipe(FRY, [PAN]))
    zone = engine.zone_plan["pan"]
    name = sim_stove.info.zones[zone].name
    sim_stove.advance(1.0)
    tap(qtbot, window.cards.cards[zone])                       # one tap: its manual controls
    assert window.side.showing == "manual" and window.manual.zone == zone
    tap(qtbot, window.manual.level_buttons[2])
    assert engine.status is RunStatus.PAUSED
    assert name in engine.paused_reason and "by hand" in engine.paused_reason
    assert kitchen.banner.isVisible() and kitchen.banner.property("warning") is True
    assert name in kitchen.banner.label.text()
    assert window.side.recipe_tab.property("attention") is True  # the recipe tab lights up
    run_for(sim_stove, 30)                                     # nothing fights the cook
    assert sim_stove.sim.zones[zone].level == 2
    tap(qtbot, window.side.recipe_tab)
    assert kitchen.cooking.paused_bar.isVisible() and "by hand" in kitchen.cooking.paused_label.text()
    tap(qtbot, kitchen.cooking.pause_button)                   # Resume: the recipe sets it again
    assert sim_stove.sim.zones[zone].level == 5


def test_a_zone_changed_at_the_hob_pauses_the_recipe(qtbot, kitchen, sim_stove):
    """The engine notices by itself a zone it did not set (no tap in the dashboard at all)."""
    engine = kitchen.start_recipe(recipe(FRY, [PAN]))
    zone = engine.zone_plan["pan"]
    run_for(sim_stove, 2)
    sim_stove.set_level(zone, 8)                               # someone turned the knob at the hob
    sim_stove.advance(0.5)
    assert engine.status is RunStatus.PAUSED
    assert "was changed at the stove" in kitchen.cooking.paused_label.text()
    assert kitchen.banner.isVisible() and "changed at the stove" in kitchen.banner.label.text()
    run_for(sim_stove, 10)
    assert sim_stove.sim.zones[zone].level == 8


def test_a_reminder_is_seen_and_heard(qtbot, kitchen, sim_stove):
    steps = [dict(FRY[0], alerts=[{"at_s": 30, "message": "Stir the onions"}])]
    kitchen.start_recipe(recipe(steps, [PAN]))
    before = kitchen.sound.played
    assert not kitchen.banner.isVisible()
    run_for(sim_stove, 31)
    assert kitchen.banner.isVisible() and "Stir the onions" in kitchen.banner.label.text()
    assert kitchen.banner.property("warning") is False and kitchen.banner.flashing
    assert kitchen.sound.played == before + 1
    assert kitchen.cooking.flashing_card() is kitchen.cooking.cards[0]
    tap(qtbot, kitchen.banner.ok)
    assert not kitchen.banner.isVisible()


def test_a_step_waiting_for_the_cook_is_announced_once(qtbot, kitchen, sim_stove):
    kitchen.start_recipe(recipe([dict(FRY[0], duration_s=60, on_end="wait"),
                                 {"id": "serve", "text": "Serve", "pot": "pan", "start": "confirm"}], [PAN]))
    before = kitchen.sound.played
    run_for(sim_stove, 61)
    assert "Time is up: Fry the onions" in kitchen.banner.label.text()
    assert kitchen.sound.played == before + 1                  # not a second chime for the same news
    tap(qtbot, kitchen.cooking.confirm_button)
    assert "Start: Serve" in kitchen.banner.label.text() and kitchen.sound.played == before + 2
    assert kitchen.cooking.flashing_card() is kitchen.cooking.cards[0]


def test_a_finished_recipe_says_so_and_frees_the_area(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(recipe([dict(FRY[0], duration_s=60, on_end="off")], [PAN]))
    run_for(sim_stove, 61)
    assert engine.status is RunStatus.COMPLETED
    assert "is ready" in kitchen.cooking.done_label.text()
    assert sim_stove.sim.zones[engine.zone_plan["pan"]].mode == "off"
    tap(qtbot, kitchen.cooking.close_button)
    assert kitchen.idle.isVisible() and kitchen.idle.choose.isVisible()
    tap(qtbot, kitchen.idle.choose)
    assert kitchen.window.pages.currentWidget() is kitchen.library_page


def test_only_one_recipe_at_a_time(qtbot, kitchen, sim_stove):
    kitchen.start_recipe(recipe(FRY, [PAN]))
    page = kitchen.library_page
    kitchen.window.show_page(page)
    page.select("crepes")
    assert not page.view.start_button.isEnabled()
    assert "is cooking" in page.view.start_note.text()
    assert kitchen.start_recipe(page.view.scaled()) is None
