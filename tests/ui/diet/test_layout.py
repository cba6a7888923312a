"""The diet and energy views on a kitchen touchscreen: they fit the small screen, every button is
finger-sized, ALL OFF stays."""

from __future__ import annotations

import pytest

from ..recipes.conftest import make_kitchen
from ..recipes.test_layout import settle, small_buttons
from .conftest import peanut_noodles


@pytest.fixture
def kitchen_at(qtbot, sim_stove, kdb, request):
    # made at its size: a window resized while the Recipes page shows keeps the hidden dashboard's
    # minimum of the larger scale (so at HEAD before these views too), which is not what this tests
    k = make_kitchen(qtbot, sim_stove, kdb, size=request.param)
    yield k, request.param
    k.close()
    k.model.close()


@pytest.mark.parametrize("kitchen_at", [(1024, 600), (1280, 800)], indirect=True)
def test_household_editor_gate_and_week_fit_the_screen(qtbot, kitchen_at):
    kitchen, size = kitchen_at
    kitchen.library.add(peanut_noodles())
    store = kitchen.diet.household.store
    for name, allergies in (("Ana", ["peanuts"]), ("Ben", ["milk", "eggs"]), ("Cyrus", []), ("Dominika", ["sesame"])):
        store.save(name, allergies)
    window = kitchen.window
    page = kitchen.library_page
    window.show_page(page)
    page.select("peanut-noodles")
    checks = []
    checks.append(("library", lambda: None))
    checks.append(("household editor", kitchen.diet.edit_household))
    checks.append(("allergy gate", lambda: kitchen.start_recipe(page.view.scaled())))
    checks.append(("week", lambda: (window.show_page(kitchen.history_page), kitchen.diet.week_button.click())))
    for name, action in checks:
        action()
        settle(qtbot, window, size)
        _buttons, small = small_buttons(window)
        assert small == [], f"{name} at {size}: {small}"
        assert window.all_off_button.isVisible() and kitchen.diet.status.isVisible()
    assert kitchen.diet.gate.start_button.isVisible() is False             # on the dashboard page, now hidden
    window.show_page(0)
    assert kitchen.diet.gate.start_button.isVisible() and kitchen.diet.gate.start_button.height() >= 48


@pytest.mark.parametrize("kitchen_at", [(1024, 600), (1280, 800), (1920, 1080)], indirect=True)
def test_the_session_energy_fits_the_status_bar_beside_the_link(qtbot, kitchen_at, sim_stove):
    kitchen, size = kitchen_at
    kitchen.model.set_level(0, 9)
    for _ in range(60):
        sim_stove.advance(10.0)                     # ten minutes: the figures have their width
    bar, energy = kitchen.window.status, kitchen.diet.status
    qtbot.waitUntil(lambda: energy.width() >= energy.sizeHint().width(), timeout=1000)
    assert energy.geometry().right() < bar.width() and "CO₂" in energy.text()
    link = bar.link
    assert link.fontMetrics().horizontalAdvance(link.text()) <= link.contentsRect().width()   # none cut off
    assert link.text().startswith("● ") and link.text().endswith("controller · online")   # ends kept
    assert link.toolTip() == link.full_text and "Simulated hybrid hob" in link.full_text
    assert link.geometry().right() <= energy.geometry().left()
