"""Issue 9, item 3: entering a value never lights a burner; only Hold (or a level) heats.

Also: the value to hold stays the cook's after ALL OFF, and a timer is not offered on a zone
that is off (it would count down for nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kitchen_ui.ui.keypad import Keypad


def tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{widget.text()} cannot be tapped"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_ok(qtbot, pad, digits):
    for d in digits:
        tap(qtbot, pad.keys[d])
    tap(qtbot, pad.ok_button)


def test_ok_on_the_temperature_keypad_sets_the_value_and_heats_nothing(qtbot, dashboard, sim_stove):
    manual = dashboard.manual
    tap(qtbot, manual.target_value)
    pad = dashboard.overlays.panel
    assert isinstance(pad, Keypad) and "Hold heats" in pad.message.text()
    type_ok(qtbot, pad, "150")
    assert not dashboard.overlays.is_open()
    sim_stove.advance(2.0)
    zone = sim_stove.sim.zones[0]
    assert (zone.mode, zone.level, zone.power_w) == ("off", 0, 0.0)                # no burner lit
    assert manual.target_value.text() == "150 °C" and manual.hold_button.text() == "Hold 150 °C"
    tap(qtbot, manual.hold_button)                                                # now, and only now
    assert (zone.mode, zone.target_c) == ("target", 150.0)


def test_the_hold_value_survives_all_off(qtbot, dashboard, sim_stove):
    manual = dashboard.manual
    tap(qtbot, manual.target_value)
    type_ok(qtbot, dashboard.overlays.panel, "165")
    tap(qtbot, manual.hold_button)
    sim_stove.advance(1.0)
    tap(qtbot, dashboard.all_off_button)
    sim_stove.advance(1.0)
    assert sim_stove.sim.zones[0].mode == "off"
    assert manual.target_value.text() == "165 °C" and manual.hold_button.text() == "Hold 165 °C"
    tap(qtbot, manual.hold_button)
    assert sim_stove.sim.zones[0].target_c == 165.0


def test_a_dialled_value_survives_all_off_too(qtbot, dashboard, sim_stove):
    manual = dashboard.manual
    tap(qtbot, manual.step_buttons[10])
    tap(qtbot, dashboard.all_off_button)
    sim_stove.advance(1.0)
    assert manual.target_value.text() == "110 °C"


def test_no_timer_on_a_zone_that_is_off(qtbot, dashboard, sim_stove):
    manual = dashboard.manual
    assert not manual.timer_button.isEnabled()                    # zone 0 is off
    assert "switch it on" in manual.timer_button.toolTip()
    tap(qtbot, manual.level_buttons[3])
    sim_stove.advance(0.5)
    assert manual.timer_button.isEnabled()
    tap(qtbot, manual.timer_button)
    pad = dashboard.overlays.panel
    for d in "100":
        tap(qtbot, pad.keys[d])
    sim_stove.all_off()                                          # switched off meanwhile (at the hob)
    sim_stove.advance(0.5)
    tap(qtbot, pad.ok_button)
    assert dashboard.overlays.panel is pad and "is off: switch it on first" in pad.message.text()
    assert sim_stove.get_state().result()["zones"][0]["timer_s"] is None
