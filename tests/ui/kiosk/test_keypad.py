"""The on-screen keypad: temperatures and timers typed with a finger reach the stove."""

from __future__ import annotations

import pytest

from kitchen_ui.ui.keypad import BACKSPACE, Keypad, NumberEntry, PinEntry, TimerEntry
from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.units import TempUnit, f_to_c

from .conftest import tap, type_on


def timer_s(stove, zone):
    """The zone's timer as the stove reports it (state.get)."""
    return stove.get_state().result()["zones"][zone]["timer_s"]


def test_a_typed_temperature_is_the_value_and_hold_holds_it_on_the_stove(qtbot, kiosk, sim_stove):
    manual = kiosk.window.manual
    tap(qtbot, kiosk.window.cards.cards[1])
    tap(qtbot, manual.target_value)
    pad = kiosk.window.overlays.panel
    assert isinstance(pad, Keypad) and pad.value.text() == "100 °C"        # starts at the value shown
    assert "30 to 250 °C" in pad.message.text()
    type_on(qtbot, pad, "185")
    assert not kiosk.window.overlays.is_open()
    assert sim_stove.sim.zones[1].mode == "off"                            # OK only set the value
    assert manual.target_value.text() == "185 °C" and manual.hold_button.text() == "Hold 185 °C"
    tap(qtbot, manual.hold_button)
    zone = sim_stove.sim.zones[1]
    assert (zone.mode, zone.target_c) == ("target", 185.0)
    sim_stove.advance(1.0)
    assert kiosk.window.cards.cards[1].target.text() == "Target 185 °C"


def test_a_temperature_out_of_the_zone_range_is_refused_and_the_pad_stays(qtbot, kiosk, sim_stove):
    tap(qtbot, kiosk.window.manual.target_value)
    pad = kiosk.window.overlays.panel
    type_on(qtbot, pad, "300")
    assert kiosk.window.overlays.panel is pad
    assert "300 °C is outside this zone's range, 30 to 250 °C" in pad.message.text()
    assert sim_stove.sim.zones[0].mode == "off"
    tap(qtbot, pad.keys[BACKSPACE])
    tap(qtbot, pad.keys[BACKSPACE])
    assert pad.value.text() == "3 °C"
    tap(qtbot, pad.cancel_button)
    assert not kiosk.window.overlays.is_open() and sim_stove.sim.zones[0].mode == "off"


def test_in_fahrenheit_the_keypad_takes_fahrenheit_and_the_stove_gets_celsius(qtbot, kiosk, sim_stove):
    display_prefs().set_unit(TempUnit.FAHRENHEIT)
    tap(qtbot, kiosk.window.manual.target_value)
    pad = kiosk.window.overlays.panel
    assert pad.value.text() == "212 °F" and "86 to 482 °F" in pad.message.text()
    type_on(qtbot, pad, "350")
    tap(qtbot, kiosk.window.manual.hold_button)
    assert sim_stove.sim.zones[0].target_c == pytest.approx(f_to_c(350))          # 176.67, not rounded
    sim_stove.advance(1.0)
    assert kiosk.window.cards.cards[0].target.text() == "Target 350 °F"


def test_a_zone_timer_is_typed_like_a_microwave_and_0_00_cancels_it(qtbot, kiosk, sim_stove):
    manual = kiosk.window.manual
    tap(qtbot, manual.level_buttons[4])
    tap(qtbot, manual.timer_button)
    pad = kiosk.window.overlays.panel
    type_on(qtbot, pad, "13", ok=False)
    assert pad.value.text() == "0:13"
    type_on(qtbot, pad, "0")
    assert timer_s(sim_stove, 0) == pytest.approx(90.0)
    sim_stove.advance(1.0)
    assert manual.timer_button.text() == "Timer 1:29"
    tap(qtbot, manual.timer_button)
    pad = kiosk.window.overlays.panel
    assert pad.value.text() == "1:29"
    tap(qtbot, pad.keys["C"])
    type_on(qtbot, pad, "0")
    assert timer_s(sim_stove, 0) is None and sim_stove.sim.zones[0].mode == "level"


def test_seconds_above_59_are_refused(qtbot, kiosk, sim_stove):
    tap(qtbot, kiosk.window.manual.level_buttons[2])
    tap(qtbot, kiosk.window.manual.timer_button)
    pad = kiosk.window.overlays.panel
    type_on(qtbot, pad, "175")
    assert kiosk.window.overlays.panel is pad and "00 to 59" in pad.message.text()
    assert timer_s(sim_stove, 0) is None


def test_the_keypad_cannot_be_opened_without_control_of_the_stove(qtbot, kiosk, sim_stove):
    sim_stove.stop()                                   # link closed: only Off and ALL OFF work
    assert not kiosk.window.manual.target_value.isEnabled()
    assert not kiosk.window.manual.timer_button.isEnabled()
    kiosk.window.manual.enter_target()
    assert not kiosk.window.overlays.is_open()


def test_entries_by_themselves():
    n = NumberEntry(3, "°C", "100")
    n.press("5")                                      # the first key replaces the value shown
    assert n.value_text == "5"
    for k in "5555":
        n.press(k)
    assert n.value_text == "555"                      # three digits at most
    t = TimerEntry(None)
    for k in "12345":
        t.press(k)
    assert t.display() == "123:45" and t.seconds() == 123 * 60 + 45
    p = PinEntry()
    for k in "0012":
        p.press(k)
    assert p.value_text == "0012" and p.display() == "●●●●"
