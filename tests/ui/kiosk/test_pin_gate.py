"""Settings and quitting are behind the PIN; cooking and ALL OFF never are."""

from __future__ import annotations

from kitchen_ui.ui.panels import SettingsPanel
from kitchen_ui.ui.pin import check_record

from .conftest import tap, type_on


def choose_pin(qtbot, kiosk, pin="2468"):
    tap(qtbot, kiosk.settings_button)
    pad = kiosk.window.overlays.panel
    assert pad.title.text() == "Choose a PIN"
    type_on(qtbot, pad, pin)
    again = kiosk.window.overlays.panel
    assert again.title.text() == "Type the new PIN again"
    type_on(qtbot, again, pin)


def test_the_pin_is_chosen_on_first_use_stored_hashed_and_settings_open(qtbot, kiosk, settings):
    assert not kiosk.lock.is_set
    choose_pin(qtbot, kiosk, "2468")
    assert isinstance(kiosk.window.overlays.panel, SettingsPanel)
    record = settings.pin_record()
    assert record.startswith("scrypt$") and "2468" not in record
    assert check_record(record, "2468") and not check_record(record, "2469")
    # a second PIN choice with another salt gives another record
    tap(qtbot, kiosk.panel.close_button)
    assert not kiosk.window.overlays.is_open()


def test_the_two_pins_must_match_and_a_pin_has_four_digits(qtbot, kiosk):
    tap(qtbot, kiosk.settings_button)
    type_on(qtbot, kiosk.window.overlays.panel, "12")
    pad = kiosk.window.overlays.panel
    assert pad.title.text() == "Choose a PIN" and "at least 4 digits" in pad.message.text()
    type_on(qtbot, pad, "1234")
    type_on(qtbot, kiosk.window.overlays.panel, "4321")
    pad = kiosk.window.overlays.panel
    assert pad.title.text() == "Choose a PIN" and "differ" in pad.message.text()
    assert not kiosk.lock.is_set


def test_a_wrong_pin_is_refused_and_says_so(qtbot, kiosk):
    choose_pin(qtbot, kiosk)
    tap(qtbot, kiosk.panel.close_button)
    tap(qtbot, kiosk.settings_button)
    pad = kiosk.window.overlays.panel
    assert pad.title.text().startswith("PIN for")
    type_on(qtbot, pad, "1111")
    assert kiosk.window.overlays.panel is pad                     # still asking
    assert "Wrong PIN" in pad.message.text() and pad.message.property("error") is True
    assert pad.value.text() == "–"                                # the wrong PIN is cleared
    type_on(qtbot, pad, "2468")
    assert isinstance(kiosk.window.overlays.panel, SettingsPanel)


def test_repeated_wrong_pins_back_off_and_even_the_right_pin_waits(qtbot, kiosk, clock):
    choose_pin(qtbot, kiosk)
    tap(qtbot, kiosk.panel.close_button)
    tap(qtbot, kiosk.settings_button)
    pad = kiosk.window.overlays.panel
    for _ in range(3):
        type_on(qtbot, pad, "0000")
    assert "Try again in 30 s" in pad.message.text()
    type_on(qtbot, pad, "2468")                                   # right, but not checked yet
    assert kiosk.window.overlays.panel is pad and "Try again in" in pad.message.text()
    clock.advance(29)
    type_on(qtbot, pad, "2468")
    assert kiosk.window.overlays.panel is pad
    clock.advance(2)
    type_on(qtbot, pad, "9999")                                   # one more wrong: the wait doubles
    assert "Try again in 1 min 00 s" in pad.message.text()
    clock.advance(61)
    type_on(qtbot, pad, "2468")
    assert isinstance(kiosk.window.overlays.panel, SettingsPanel)
    assert kiosk.lock.failures == 0


def test_quitting_needs_the_pin_even_when_the_window_is_closed_from_outside(qtbot, kiosk):
    choose_pin(qtbot, kiosk)
    tap(qtbot, kiosk.panel.close_button)
    assert kiosk.window.close() is False                           # Alt+F4 or the window manager
    assert kiosk.window.isVisible() and kiosk.quits == []
    pad = kiosk.window.overlays.panel
    assert pad.title.text() == "PIN for: quitting Hearth"
    type_on(qtbot, pad, "1357")
    assert kiosk.quits == []
    type_on(qtbot, pad, "2468")
    assert kiosk.quits == [True]


def test_quit_from_the_settings_panel(qtbot, kiosk):
    choose_pin(qtbot, kiosk)
    tap(qtbot, kiosk.panel.quit_button)
    assert kiosk.quits == [True]


def test_all_off_and_cooking_never_need_the_pin_even_with_the_pin_pad_open(qtbot, kiosk, sim_stove):
    window = kiosk.window
    tap(qtbot, window.manual.level_buttons[7])                    # cooking: no PIN
    assert sim_stove.sim.zones[0].mode == "level"
    tap(qtbot, kiosk.settings_button)
    assert window.overlays.is_open()
    # the overlay covers the body, never the header: ALL OFF is there and works
    assert window.overlays.backdrop.geometry().top() >= window.header.geometry().bottom()
    tap(qtbot, window.all_off_button)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
    assert not kiosk.lock.is_set                                   # nobody was asked for anything


def test_the_settings_panel_switches_to_fahrenheit_and_it_is_remembered(qtbot, kiosk, settings, sim_stove):
    choose_pin(qtbot, kiosk)
    from kitchen_ui.ui.units import TempUnit

    tap(qtbot, kiosk.panel.unit_buttons[TempUnit.FAHRENHEIT])
    sim_stove.advance(1.0)
    assert kiosk.window.cards.cards[0].unit.text() == "°F"
    assert settings.unit() is TempUnit.FAHRENHEIT
    tap(qtbot, kiosk.panel.dim_buttons[300])
    assert settings.dim_after_s() == 300 and kiosk.dimmer.timeout_s == 300
