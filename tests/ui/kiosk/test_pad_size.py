"""Issue 9: the keypad and the PIN pad kept resizing between steps (a message line came and
went, a long hint wrapped): the keys moved under the finger. Now every step has one size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from .conftest import tap, type_on


def frame(window, pad):
    QApplication.processEvents()
    window.grab()
    keys = {k: QRect(b.mapTo(window, QPoint(0, 0)), b.size()) for k, b in pad.keys.items()}
    ok = QRect(pad.ok_button.mapTo(window, QPoint(0, 0)), pad.ok_button.size())
    return pad.size(), keys, ok


@pytest.mark.xvfb
def test_every_step_of_choosing_and_giving_a_pin_has_one_size(qtbot, kiosk):
    window = kiosk.window
    tap(qtbot, kiosk.settings_button)                     # first use: choose a PIN (a long hint)
    seen = [("choose", frame(window, kiosk.gate.pad))]
    type_on(qtbot, kiosk.gate.pad, "12")                  # too short: an error line
    assert "at least" in kiosk.gate.pad.message.text()
    seen.append(("too short", frame(window, kiosk.gate.pad)))
    type_on(qtbot, kiosk.gate.pad, "2468")
    seen.append(("again", frame(window, kiosk.gate.pad)))  # no hint at all on this step
    type_on(qtbot, kiosk.gate.pad, "2469")                # differs: back to choosing, with why
    assert "differ" in kiosk.gate.pad.message.text()
    seen.append(("differ", frame(window, kiosk.gate.pad)))
    first = seen[0][1]
    for step, got in seen[1:]:
        assert got == first, f"the pad changed between choosing and {step!r}"


def test_the_temperature_keypad_keeps_its_size_when_it_says_no(qtbot, kiosk):
    window = kiosk.window
    tap(qtbot, window.manual.target_value)
    pad = window.overlays.panel
    before = frame(window, pad)
    type_on(qtbot, pad, "999")
    assert "outside this zone's range" in pad.message.text()
    assert frame(window, pad) == before
    tap(qtbot, pad.keys["C"])
    assert frame(window, pad) == before
