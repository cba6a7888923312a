"""°C/°F conversion: one Qt-free place, exact both ways, whole degrees on screen."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kitchen_ui.ui.units import (
    TempUnit, c_to_f, delta_to_display, display_range, f_to_c, from_display, localize_temps, to_display, whole,
)


def test_known_points_and_round_trips():
    assert c_to_f(100) == 212 and c_to_f(0) == 32 and c_to_f(-40) == -40
    assert f_to_c(350) == pytest.approx(176.6667, abs=1e-4)
    for c in (-40.0, 0.0, 36.6, 100.0, 250.0):
        assert from_display(to_display(c, TempUnit.FAHRENHEIT), TempUnit.FAHRENHEIT) == pytest.approx(c)
        assert from_display(to_display(c, TempUnit.CELSIUS), TempUnit.CELSIUS) == c
    assert delta_to_display(10, TempUnit.FAHRENHEIT) == 18


def test_whole_degrees_and_ranges():
    assert whole(178.43, TempUnit.CELSIUS) == 178 and whole(178.43, TempUnit.FAHRENHEIT) == 353
    assert whole(None, TempUnit.FAHRENHEIT) is None and whole(float("nan"), TempUnit.CELSIUS) is None
    assert display_range(30, 250, TempUnit.FAHRENHEIT) == (86, 482)
    assert display_range(30.2, 249.9, TempUnit.CELSIUS) == (31, 249)        # never outside the stove's range


def test_messages_from_the_stove_are_rewritten():
    assert localize_temps("pan above 300 °C; zone switched off", TempUnit.FAHRENHEIT) == \
        "pan above 572 °F; zone switched off"
    assert localize_temps("reached 98.5 °C and 100°C", TempUnit.FAHRENHEIT) == "reached 209 °F and 212°F"
    assert localize_temps("pan above 300 °C", TempUnit.CELSIUS) == "pan above 300 °C"
    assert localize_temps("level 5, no temperature", TempUnit.FAHRENHEIT) == "level 5, no temperature"


def test_parse_names_the_wrong_value():
    assert TempUnit.parse("°F") is TempUnit.FAHRENHEIT and TempUnit.parse("celsius") is TempUnit.CELSIUS
    with pytest.raises(ValueError, match="C or F, not 'K'"):
        TempUnit.parse("K")


def test_the_conversion_imports_no_qt():
    code = ("import sys, kitchen_ui.ui.units; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
