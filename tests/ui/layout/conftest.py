"""The whole dashboard (kitchen included) on a fake stove we steer, at a chosen size, and the
geometry checks the layout tests share: what a finger can reach, where, and how large.

Tests marked ``xvfb`` also run on a real X server (``make test`` runs them again under
``xvfb-run`` with ``QT_QPA_PLATFORM=xcb`` where xvfb-run exists; CI installs it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from kitchen_ui.storage.database import open_db
from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.settings import open_settings
from kitchen_ui.ui.units import TempUnit

SIZES = ((1024, 600), (1280, 800), (1920, 1080))
CHEAP_SCRYPT = (2 ** 4, 1, 1)


@pytest.fixture(autouse=True)
def celsius_afterwards():
    yield
    display_prefs().set_unit(TempUnit.CELSIUS)


@dataclass
class Rig:
    window: object
    kitchen: object
    stove: object
    kiosk: object = None


@pytest.fixture
def make_rig(qtbot, tmp_path):
    """make_rig(size, kiosk=False) -> Rig: the real window, kitchen (and kiosk) on a FakeStove."""
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.recipes.alerts import AlertSound
    from kitchen_ui.ui.recipes.kitchen import Kitchen
    from kitchen_ui.ui.stove_model import StoveModel

    from ..fake_stove import FakeStove

    made = []

    def make(size, kiosk=False):
        stove = FakeStove(zones=4)
        kdb = open_db(tmp_path / f"kitchen-{len(made)}.sqlite3")
        model = StoveModel(stove)
        window = MainWindow(model)
        qtbot.addWidget(window)
        window.resize(*size)
        stove.start()
        kitchen = Kitchen(window, model, kdb, sound=AlertSound(enabled=False), flush_interval_s=0.05)
        k = None
        if kiosk:
            from kitchen_ui.ui.kiosk import Kiosk

            k = Kiosk(window, open_settings(tmp_path / f"settings-{len(made)}.ini"), pin_cost=CHEAP_SCRYPT)
            window.move(0, 0)
        window.show()
        qtbot.waitExposed(window)
        rig = Rig(window, kitchen, stove, k)
        made.append((rig, kdb, model))
        settle(qtbot, window)
        return rig

    yield make
    for rig, kdb, model in made:
        if rig.kiosk is not None:
            rig.kiosk.stop()
            rig.kiosk.quitting = True
        rig.window.close()
        rig.kitchen.close()
        model.close()
        rig.stove.stop()
        kdb.close()


def settle(qtbot, window) -> None:
    """Let every pending layout and restyle happen, as a paint would."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(1)
    window.grab()
    QApplication.processEvents()


def window_rect(w: QWidget, window: QWidget) -> QRect:
    return QRect(w.mapTo(window, QPoint(0, 0)), w.size())


def visible_rect(w: QWidget, window: QWidget) -> QRect:
    """The part of ``w`` its ancestors let show (a scroll area's viewport clips, for one)."""
    r = window_rect(w, window)
    p = w.parentWidget()
    while p is not None and p is not window:
        r = r.intersected(window_rect(p, window))
        p = p.parentWidget()
    return r.intersected(window.rect())


def ancestors(w: QWidget) -> list[QWidget]:
    out, p = [], w.parentWidget()
    while p is not None:
        out.append(p)
        p = p.parentWidget()
    return out


def in_scroll_area(w: QWidget) -> bool:
    return any(isinstance(p, QAbstractScrollArea) for p in ancestors(w))


def manual_controls(window) -> dict[str, QWidget]:
    m = window.manual
    named = {f"zone tab {i}": b for i, b in enumerate(m.zone_tabs)}
    named["Off"] = m.off_button
    named |= {f"level {lvl}": b for lvl, b in m.level_buttons.items()}
    named["P"] = m.boost_button
    named |= {f"step {s:+d}": b for s, b in m.step_buttons.items()}
    named |= {"temperature": m.target_value, "Hold": m.hold_button, "Timer": m.timer_button}
    return named


def describe(w: QWidget) -> str:
    label = w.text() if isinstance(w, QAbstractButton) else ""
    return f"{type(w).__name__}#{w.objectName()} {label!r}"


def geometry_problems(window, min_px: int = 0, manual_may_scroll: bool = False) -> list[str]:
    """Every visible control on the window: overlapping another, clipped, covered, or too small.

    Controls partly scrolled out of view are fine, but manual control's only where the window is
    too short for it (``manual_may_scroll``)."""
    controls = [w for w in window.findChildren(QAbstractButton) if w.isVisible() and w.width() > 0]
    problems = []
    rects = [(w, window_rect(w, window)) for w in controls]
    for i, (a, ra) in enumerate(rects):
        seen = visible_rect(a, window)
        if seen != ra and in_scroll_area(a) and (manual_may_scroll or window.manual not in ancestors(a)):
            continue      # scrolled partly out of view: a drag brings it back (manual control: never)
        elif seen != ra:
            problems.append(f"{describe(a)} clipped: {ra.width()}x{ra.height()} shows {seen.width()}x{seen.height()}")
            continue
        top = window.childAt(ra.center())
        if top is not None and top is not a and not a.isAncestorOf(top):
            problems.append(f"{describe(a)} is covered by {describe(top)}")
        if min_px and (ra.width() < min_px or ra.height() < min_px):
            problems.append(f"{describe(a)} is {ra.width()}x{ra.height()}, under {min_px} px")
        for b, rb in rects[i + 1:]:
            if ra.intersects(rb) and not (a.isAncestorOf(b) or b.isAncestorOf(a)):
                problems.append(f"{describe(a)} overlaps {describe(b)}")
    return problems
