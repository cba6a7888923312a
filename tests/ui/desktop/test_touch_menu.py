"""Issue 9: the ☰ menu of a short window (a kitchen panel) had rows ~25 px high; a finger
needs 48. With the menu bar (a taller desktop window) the menus stay desktop-sized."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def row_heights(menu):
    menu.ensurePolished()
    menu.adjustSize()
    return [menu.actionGeometry(a).height() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_the_menu_button_opens_finger_sized_rows(qtbot, make_desktop):
    window = make_desktop(size=(1024, 600))
    QApplication.processEvents()
    menus = window.menus
    assert menus.menu_button.isVisible()
    for menu in (menus.compact_menu, *menus.menus):
        heights = row_heights(menu)
        assert heights and min(heights) >= 48, f"{menu.title() or '☰'}: rows {heights}"


def test_with_a_menu_bar_the_menus_stay_compact(qtbot, make_desktop):
    window = make_desktop(size=(1280, 800))
    QApplication.processEvents()
    assert window.menuBar().isVisible()
    assert max(row_heights(window.menus.menus[0])) < 48
