"""Geometry, °C/°F and the plot window come back in the next window (same temporary settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.settings import open_settings
from kitchen_ui.ui.units import TempUnit


def test_geometry_unit_and_plot_window_are_remembered_across_two_windows(qtbot, make_desktop, settings_path,
                                                                       sim_stove):
    first = make_desktop()
    first.resize(790, 690)          # within the offscreen screen (800x800): restoring clamps to it
    QApplication.processEvents()
    first.menus.actions["unit_F"].trigger()
    first.menus.actions["plot_1 h"].trigger()
    first.close()                                    # remembers the geometry as it closes
    QApplication.processEvents()                     # ... and stops listening
    display_prefs().set_unit(TempUnit.CELSIUS)       # a new run starts in °C until it reads the settings

    second = make_desktop(size=(640, 480))
    sim_stove.advance(1.0)
    assert (second.width(), second.height()) == (790, 690)
    assert display_prefs().unit is TempUnit.FAHRENHEIT
    assert second.cards.cards[0].unit.text() == "°F"
    assert second.menus.actions["unit_F"].isChecked()
    assert second.plot.window_s == 3600.0 and second.plot.window_buttons["1 h"].isChecked()


def test_nothing_is_written_outside_the_file_given(qtbot, make_desktop, settings_path):
    window = make_desktop()
    window.menus.actions["unit_F"].trigger()
    window.close()
    assert settings_path.is_file()
    assert "unit=F" in settings_path.read_text()


def test_a_nonsense_value_falls_back_with_a_warning(tmp_path, capsys):
    path = tmp_path / "s.ini"
    path.write_text("[display]\nunit=K\n[plot]\nwindow_s=17\n[kiosk]\ndim_after_s=soon\n")
    s = open_settings(path)
    assert s.unit() is TempUnit.CELSIUS and s.plot_window() == 900.0 and s.dim_after_s() == 120
    err = capsys.readouterr().err
    assert "display/unit" in err and "plot/window_s" in err and "kiosk/dim_after_s" in err and str(path) in err
    assert path.read_text().startswith("[display]\nunit=K")     # left as it was


def test_a_settings_path_that_is_a_folder_is_not_touched(tmp_path, capsys):
    s = open_settings(tmp_path)
    s.set_unit(TempUnit.FAHRENHEIT)
    s.sync()
    assert "is not a file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
