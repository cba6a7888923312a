"""The kitchen's pages on a kitchen touchscreen: ALL OFF on every page, every button finger-sized."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from .conftest import tap


def settle(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0], timeout=1000)
    QApplication.processEvents()
    central = window.centralWidget()

    def fits():
        need, have = central.minimumSizeHint(), central.size()
        return need.width() <= have.width() and need.height() <= have.height()

    qtbot.waitUntil(fits, timeout=2000)
    window.grab()


def small_buttons(window):
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    return buttons, [(b.text(), b.width(), b.height()) for b in buttons if b.height() < 48 or b.width() < 48]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600), (1920, 1080)])
def test_every_page_keeps_all_off_and_finger_sized_buttons(qtbot, kitchen, sim_stove, size):
    window = kitchen.window
    kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))     # two pots at once
    sim_stove.advance(1.0)
    for page in (kitchen.library_page, kitchen.history_page, window.dashboard_page):
        window.show_page(page)
        if page is kitchen.library_page:
            page.select("risotto-ai-funghi")
        settle(qtbot, window, size)
        buttons, small = small_buttons(window)
        assert small == [], f"{page.__class__.__name__} at {size}: {small}"
        assert window.all_off_button.isVisible() and window.all_off_button.height() >= 48
        assert all(b.isVisible() for b in window.nav_buttons)
    # the cooking view: both pots, the controls, manual control one tap away
    assert window.side.showing == "recipe"
    assert sum(not c.isHidden() for c in kitchen.cooking.cards) == 2
    for b in (kitchen.cooking.confirm_button, kitchen.cooking.pause_button, kitchen.cooking.skip_button,
              kitchen.cooking.abort_button, window.side.manual_tab):
        assert b.isVisible() and b.height() >= 48
    tap(qtbot, window.side.manual_tab)
    settle(qtbot, window, size)
    assert window.manual.isVisible() and window.cards.isVisible() and window.plot.isVisible()
    _buttons, small = small_buttons(window)
    assert small == [], f"manual control while cooking at {size}: {small}"


def test_all_off_from_another_page_switches_everything_off_and_the_recipe_pauses(qtbot, kitchen, sim_stove):
    engine = kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))
    sim_stove.advance(1.0)
    tap(qtbot, kitchen.recipes_tab)
    tap(qtbot, kitchen.window.all_off_button)
    sim_stove.advance(0.5)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
    assert engine.status.value == "paused" and "switched off" in engine.paused_reason
    assert kitchen.banner.isVisible()                          # seen on whatever page is showing
