"""Kiosk at 1920x1080: every control a finger can use is at least 48 px, on every page and
panel, and nothing needs a keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget,
)

from kitchen_ui.ui.kiosk import visible_text_inputs
from kitchen_ui.ui.zone_card import ZoneCard

from .conftest import tap

MIN_PX = 48
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider, ZoneCard)


def settle(qtbot, window):
    QApplication.processEvents()
    central = window.centralWidget()
    qtbot.waitUntil(lambda: central.minimumSizeHint().height() <= central.height(), timeout=2000)
    window.grab()                                  # lays out and paints everything shown


def touchable(w: QWidget) -> bool:
    """Shown, and it takes a finger (scroll bars in the kiosk only show where you are)."""
    if not w.isVisible() or not w.isEnabled():
        return False
    p = w
    while p is not None:
        if p.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            return False
        p = p.parentWidget()
    return True


def too_small(window) -> list[str]:
    """Every interactive widget and list row under 48 px, described so a failure says which."""
    small = []
    for w in window.findChildren(QWidget):
        if isinstance(w, INTERACTIVE) and touchable(w) and (w.height() < MIN_PX or w.width() < MIN_PX):
            label = w.text() if hasattr(w, "text") and callable(w.text) else ""
            small.append(f"{type(w).__name__}#{w.objectName()} {label!r} {w.width()}x{w.height()}")
        if isinstance(w, QAbstractItemView) and touchable(w):
            model = w.model()
            for row in range(model.rowCount() if model is not None else 0):
                rect = w.visualRect(model.index(row, 0))
                if rect.isValid() and rect.height() < MIN_PX:
                    small.append(f"row {row} of {type(w).__name__}#{w.objectName()} is {rect.height()} px high")
    return small


@pytest.mark.xvfb
def test_every_control_on_every_page_and_panel_is_finger_sized_at_1080p(qtbot, make_kiosk, sim_stove):
    kiosk = make_kiosk(size=(1920, 1080))
    window, kitchen = kiosk.window, kiosk.window.kitchen
    sim_stove.advance(1.0)
    walked = []

    def check(where):
        settle(qtbot, window)
        walked.append(where)
        assert too_small(window) == [], where
        assert visible_text_inputs(window) == [], f"{where}: a text field needs a keyboard"
        assert window.all_off_button.isVisible(), where

    check("dashboard")
    for page in (kitchen.library_page, kitchen.history_page):
        window.show_page(page)
        check(type(page).__name__)
    kitchen.library_page.select("risotto-ai-funghi")
    window.show_page(kitchen.library_page)
    check("a recipe open")
    kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))
    sim_stove.advance(1.0)
    check("cooking")
    tap(qtbot, window.side.manual_tab)
    check("manual control while cooking")
    tap(qtbot, window.manual.target_value)
    check("temperature keypad")
    window.overlays.close()
    tap(qtbot, window.manual.timer_button)
    check("timer keypad")
    window.overlays.close()
    tap(qtbot, kiosk.settings_button)
    check("choose a PIN")
    pad = window.overlays.panel
    for _ in range(2):
        for d in "2468":
            tap(qtbot, window.overlays.panel.keys[d])
        tap(qtbot, window.overlays.panel.ok_button)
    assert window.overlays.panel is not pad
    check("settings")
    tap(qtbot, kiosk.panel.about_button)
    check("about")
    assert len(walked) == 11


def test_the_kiosk_has_no_frame_no_menu_and_hides_keyboard_only_things(qtbot, kiosk):
    from PySide6.QtCore import Qt

    window = kiosk.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.menuBar().isVisible()
    assert not window.kitchen.library_page.search.isVisible()
    window.show_page(window.kitchen.history_page)
    assert not window.kitchen.history_page.export_button.isVisible()
    window.show_page(window.kitchen.library_page)
    eaters = window.kitchen.diet.eaters
    assert eaters.isVisible() and not eaters.edit_button.isVisible()     # naming a profile needs a keyboard
    eaters.household.changed.emit()                                       # the bar rebuilds: still hidden
    assert not eaters.edit_button.isVisible()
