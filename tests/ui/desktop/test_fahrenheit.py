"""°F: every temperature a cook reads follows the switch; the stove keeps getting °C."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.run_state import ActiveStep, Phase
from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.units import TempUnit, c_to_f, f_to_c

from .conftest import tap


@pytest.fixture
def fahrenheit():
    display_prefs().set_unit(TempUnit.FAHRENHEIT)


def test_cards_plot_and_manual_panel_show_fahrenheit(qtbot, desktop, sim_stove, fahrenheit):
    manual = desktop.manual
    tap(qtbot, manual.level_buttons[9])
    for _ in range(30):
        sim_stove.advance(2.0)
    desktop.plot.refresh()
    zone = sim_stove.get_state().result()["zones"][0]
    card = desktop.cards.cards[0]
    assert card.unit.text() == "°F"
    assert card.temp.text() == str(round(c_to_f(zone["temp_c"])))
    assert desktop.plot.view.getPlotItem().getAxis("left").labelText == "°F"
    assert desktop.plot.legend[0].text().endswith(f"{round(c_to_f(zone['temp_c']))} °F")
    _x, y = desktop.plot.curve_data(0)
    assert y[-1] == pytest.approx(c_to_f(zone["temp_c"]), abs=2.0)        # the curve is drawn in °F
    assert manual.target_value.text() == "212 °F"                            # 100 °C
    tap(qtbot, manual.step_buttons[1])
    assert manual.target_value.text() == "213 °F"
    tap(qtbot, manual.hold_button)
    assert sim_stove.sim.zones[0].target_c == pytest.approx(f_to_c(213))     # the stove gets °C
    sim_stove.advance(1.0)
    assert card.target.text() == "Target 213 °F"


def test_switching_back_redraws_everything_in_celsius(qtbot, desktop, sim_stove, fahrenheit):
    sim_stove.advance(1.0)
    assert desktop.cards.cards[0].unit.text() == "°F"
    desktop.menus.toggle_unit()
    assert desktop.cards.cards[0].unit.text() == "°C"
    assert desktop.manual.target_value.text() == "100 °C"
    assert desktop.plot.view.getPlotItem().getAxis("left").labelText == "°C"


def test_stove_messages_and_recipe_steps_follow_too(qtbot, desktop, fahrenheit):
    from kitchen_ui.core.model import StoveEvent
    from kitchen_ui.ui.recipes.cooking_view import big_and_state

    desktop.model.event_received.emit(StoveEvent(t=1.0, kind="overheat", zone=0,
                                                 message="front-left: pan above 300 °C; zone switched off"))
    assert "pan above 572 °F" in desktop.notices.label.text()
    step = ActiveStep(index=0, id="fry", text="Fry", phase=Phase.HEATING, pot="pan", pot_label="Pan", zone=0,
                      zone_name="front-left", setting="180 °C", duration_s=None, elapsed_s=0.0, remaining_s=None,
                      temp_c=54.0, target_c=180.0, eta_s=75.0, confirm="")
    big, state = big_and_state(step)
    assert big == "129 °F" and state == "→ 356 °F · there in ~1:15"
    running = ActiveStep(index=0, id="fry", text="Fry", phase=Phase.RUNNING, pot="pan", pot_label="Pan", zone=0,
                         zone_name="front-left", setting="180 °C", duration_s=600.0, elapsed_s=60.0,
                         remaining_s=540.0, temp_c=180.0, target_c=180.0, eta_s=None, confirm="")
    assert big_and_state(running) == ("9:00", "left · 356 °F now")


def test_the_history_plot_follows_the_switch(qtbot, desktop, sim_stove):
    desktop.manual.select_zone(0)
    tap(qtbot, desktop.manual.level_buttons[9])
    for _ in range(60):
        sim_stove.advance(1.0)
    kitchen = desktop.kitchen
    kitchen.sessions.flush()
    tap(qtbot, kitchen.history_tab)
    page = kitchen.history_page
    _x, celsius = page.curves[0].getOriginalDataset()
    assert page.view.getPlotItem().getAxis("left").labelText == "°C"
    desktop.menus.toggle_unit()
    _x, fahrenheit = page.curves[0].getOriginalDataset()
    assert fahrenheit[-1] == pytest.approx(c_to_f(celsius[-1])) and fahrenheit[-1] > celsius[-1]
    assert page.view.getPlotItem().getAxis("left").labelText == "°F"
