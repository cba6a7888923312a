"""The kiosk on the real simulated stove (manual clock), with a fake wall clock for the PIN
back-off and the dimming, a cheap scrypt cost, and settings in a temporary INI file: no test
sleeps, and none touches the user's settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitchen_ui.storage.database import open_db
from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.settings import WindowMemory, open_settings
from kitchen_ui.ui.units import TempUnit

CHEAP_SCRYPT = (2 ** 4, 1, 1)      # the real cost (2**14) is tested once, in test_pin_rules


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture(autouse=True)
def celsius_afterwards():
    yield
    display_prefs().set_unit(TempUnit.CELSIUS)


@pytest.fixture
def settings(tmp_path):
    return open_settings(tmp_path / "settings.ini")


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def kdb(tmp_path):
    db = open_db(tmp_path / "kitchen.sqlite3")
    yield db
    db.close()


def build_window(qtbot, stove, kdb, size):
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.recipes.alerts import AlertSound
    from kitchen_ui.ui.recipes.kitchen import Kitchen
    from kitchen_ui.ui.stove_model import StoveModel

    model = StoveModel(stove)
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.resize(*size)
    stove.start()
    kitchen = Kitchen(window, model, kdb, sound=AlertSound(enabled=False), flush_interval_s=0.05)
    return window, kitchen


@pytest.fixture
def make_kiosk(qtbot, sim_stove, kdb, settings, clock):
    made = []

    def make(size=(1280, 800), dim_after_s=None):
        from kitchen_ui.ui.kiosk import Kiosk

        window, kitchen = build_window(qtbot, sim_stove, kdb, size)
        WindowMemory(window, settings, restore_geometry=False)
        kiosk = Kiosk(window, settings, clock=clock, pin_cost=CHEAP_SCRYPT, dim_after_s=dim_after_s)
        kiosk.quits = []
        kiosk.on_quit = lambda: kiosk.quits.append(True)
        window.show()
        qtbot.waitExposed(window)
        made.append((kiosk, kitchen))
        return kiosk

    yield make
    for kiosk, kitchen in made:
        kiosk.stop()                      # the dimmer's filter leaves the application
        kiosk.quitting = True             # pytest-qt's own close came first and was refused (no PIN):
        kiosk.window.close()              # close it now, or its shortcuts outlive the test
        kitchen.close()
        kitchen.model.close()


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk()


def tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{getattr(widget, 'text', lambda: widget)()} cannot be tapped"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_on(qtbot, pad, digits: str, ok: bool = True):
    """Tap the keypad's keys, then OK."""
    for d in digits:
        tap(qtbot, pad.keys[d])
    if ok:
        tap(qtbot, pad.ok_button)
