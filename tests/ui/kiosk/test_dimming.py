"""The screen dims when idle, never while cooking, and the waking touch presses nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from .conftest import tap


def test_the_screen_dims_after_the_idle_time_and_not_before(qtbot, make_kiosk, clock):
    kiosk = make_kiosk(dim_after_s=120)
    clock.advance(119)
    kiosk.dimmer.check()
    assert not kiosk.dimmer.dimmed
    clock.advance(2)
    kiosk.dimmer.check()
    assert kiosk.dimmer.dimmed and kiosk.dimmer.cover.isVisible()
    assert kiosk.dimmer.cover.geometry() == kiosk.window.rect()       # ALL OFF too is under the veil


def test_a_touch_resets_the_idle_time(qtbot, make_kiosk, clock):
    kiosk = make_kiosk(dim_after_s=120)
    clock.advance(100)
    tap(qtbot, kiosk.window.nav_buttons[1])                           # the Recipes tab
    clock.advance(100)
    kiosk.dimmer.check()
    assert not kiosk.dimmer.dimmed
    clock.advance(21)
    kiosk.dimmer.check()
    assert kiosk.dimmer.dimmed


def test_never_dims_while_a_zone_is_on_and_counts_idle_from_when_it_went_off(qtbot, make_kiosk, clock, sim_stove):
    kiosk = make_kiosk(dim_after_s=120)
    tap(qtbot, kiosk.window.manual.level_buttons[3])
    sim_stove.advance(1.0)
    for _ in range(10):
        clock.advance(600)
        kiosk.dimmer.check()
        assert not kiosk.dimmer.dimmed
    sim_stove.all_off()
    sim_stove.advance(1.0)
    kiosk.dimmer.check()
    clock.advance(60)
    kiosk.dimmer.check()
    assert not kiosk.dimmer.dimmed
    clock.advance(61)
    kiosk.dimmer.check()
    assert kiosk.dimmer.dimmed


def test_never_dims_while_a_recipe_runs(qtbot, make_kiosk, clock, sim_stove):
    kiosk = make_kiosk(dim_after_s=60)
    kitchen = kiosk.window.kitchen
    engine = kitchen.start_recipe(kitchen.library.recipe("dippy-eggs"))
    assert engine is not None
    sim_stove.all_off()                       # even with every zone off (paused), the recipe is not over
    sim_stove.advance(1.0)
    clock.advance(3600)
    kiosk.dimmer.check()
    assert not kiosk.dimmer.dimmed


def test_a_zone_switched_on_elsewhere_wakes_the_screen(qtbot, make_kiosk, clock, sim_stove):
    kiosk = make_kiosk(dim_after_s=60)
    clock.advance(61)
    kiosk.dimmer.check()
    assert kiosk.dimmer.dimmed
    sim_stove.set_level(2, 5)                 # from another device, or the hob's own keys
    sim_stove.advance(1.0)
    assert not kiosk.dimmer.dimmed


def test_the_waking_touch_does_not_press_the_button_under_it(qtbot, make_kiosk, clock, sim_stove):
    kiosk = make_kiosk(dim_after_s=60)
    button = kiosk.window.manual.level_buttons[5]
    clock.advance(61)
    kiosk.dimmer.check()
    assert kiosk.dimmer.dimmed
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)            # press and release on "5"
    assert not kiosk.dimmer.dimmed
    assert sim_stove.sim.zones[0].mode == "off"                     # the zone was not switched on
    assert kiosk.dimmer.swallowed >= 2
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)            # awake: the next tap works
    assert (sim_stove.sim.zones[0].mode, sim_stove.sim.zones[0].level) == ("level", 5)


def test_waking_on_all_off_does_not_fire_it_but_the_next_tap_does(qtbot, make_kiosk, clock, sim_stove):
    kiosk = make_kiosk(dim_after_s=60)
    clicks = []
    kiosk.window.all_off_button.clicked.connect(lambda: clicks.append(1))
    clock.advance(61)
    kiosk.dimmer.check()
    qtbot.mousePress(kiosk.window.all_off_button, Qt.MouseButton.LeftButton)
    qtbot.mouseMove(kiosk.window.all_off_button, QPoint(5, 5))
    qtbot.mouseRelease(kiosk.window.all_off_button, Qt.MouseButton.LeftButton)
    assert clicks == [] and not kiosk.dimmer.dimmed
    tap(qtbot, kiosk.window.all_off_button)
    assert clicks == [1]


def test_never_is_a_choice(qtbot, make_kiosk, clock):
    kiosk = make_kiosk(dim_after_s=0)
    clock.advance(24 * 3600)
    kiosk.dimmer.check()
    assert not kiosk.dimmer.dimmed
