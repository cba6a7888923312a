"""The desktop window: menus, keyboard shortcuts (All off whatever has the focus), panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import tap


def menu_titles(window):
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_the_menus_are_there(qtbot, desktop):
    assert desktop.menuBar().isVisible()
    assert menu_titles(desktop) == ["File", "Stove", "View", "Help"]
    items = {a.text().replace("&", "") for m in desktop.menuBar().actions() for a in m.menu().actions()}
    assert {"Quit", "All off", "Connection…", "Plot window", "Degrees Celsius (°C)", "Degrees Fahrenheit (°F)",
            "About Hearth", "Keyboard shortcuts"} <= items


def test_the_all_off_shortcut_works_whatever_has_the_focus(qtbot, desktop, sim_stove):
    tap(qtbot, desktop.manual.level_buttons[6])
    desktop.manual.select_zone(2)
    tap(qtbot, desktop.manual.level_buttons[4])
    assert sum(z.mode != "off" for z in sim_stove.sim.zones) == 2
    # the recipe search field has the keyboard: typing there must not matter
    desktop.show_page(desktop.kitchen.library_page)
    search = desktop.kitchen.library_page.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=1000)
    qtbot.keyClicks(search, "egg")
    assert search.text() == "egg"
    qtbot.keyClick(search, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
    assert search.text() == "egg"                               # the shortcut typed nothing


def test_the_all_off_menu_item_and_the_button_are_one_action(qtbot, desktop, sim_stove):
    tap(qtbot, desktop.manual.level_buttons[2])
    desktop.menus.actions["all_off"].trigger()
    assert sim_stove.sim.zones[0].mode == "off"
    assert desktop.menus.actions["all_off"].shortcut().toString() == "Ctrl+Shift+O"


def test_page_and_plot_shortcuts(qtbot, desktop):
    qtbot.keyClick(desktop, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert desktop.pages.currentWidget() is desktop.kitchen.library_page
    qtbot.keyClick(desktop, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert desktop.pages.currentIndex() == 0
    desktop.menus.actions["plot_1 h"].trigger()
    assert desktop.plot.window_s == 3600.0 and desktop.plot.window_buttons["1 h"].isChecked()
    desktop.plot.set_window(300.0)                         # the buttons and the menu agree
    assert desktop.menus.actions["plot_5 min"].isChecked()


def test_connection_and_about_open_over_the_body_and_close(qtbot, desktop):
    panel = desktop.menus.show_connection()
    assert "in the app" in panel.body.text() and "Simulated" in panel.body.text()
    assert "front-left (Induction)" in panel.body.text()
    tap(qtbot, panel.close_button)
    assert not desktop.overlays.is_open()
    panel = desktop.menus.show_about()
    assert "Ctrl+Shift+O" in panel.body.text()


def test_quit_closes_the_window(qtbot, desktop):
    desktop.menus.actions["quit"].trigger()
    QApplication.processEvents()
    assert not desktop.isVisible()


def test_on_a_short_window_the_menus_move_to_a_header_button_and_everything_fits(qtbot, make_desktop):
    window = make_desktop(size=(1024, 600))
    QApplication.processEvents()
    assert not window.menuBar().isVisible() and window.menus.menu_button.isVisible()
    assert window.menus.menu_button.height() >= 48
    titles = [a.text().replace("&", "") for a in window.menus.compact_menu.actions()]
    assert titles == ["File", "Stove", "View", "Help"]
    central = window.centralWidget()
    for page in range(window.pages.count()):
        window.show_page(page)
        QApplication.processEvents()
        assert central.minimumSizeHint().height() <= central.height(), f"page {page} does not fit at 1024x600"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)    # shortcuts work without the bar
    assert window.pages.currentWidget() is window.kitchen.library_page
    window.resize(1280, 800)
    QApplication.processEvents()
    assert window.menuBar().isVisible() and not window.menus.menu_button.isVisible()
