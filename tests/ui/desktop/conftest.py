"""The desktop window (menus, remembered settings) on the real simulated stove, with settings in
a temporary INI file, never the user's."""

from __future__ import annotations

import pytest

from kitchen_ui.storage.database import open_db
from kitchen_ui.ui.prefs import display_prefs
from kitchen_ui.ui.settings import open_settings
from kitchen_ui.ui.units import TempUnit

from ..kiosk.conftest import build_window, tap  # noqa: F401  (tap is for the tests)


@pytest.fixture(autouse=True)
def celsius_afterwards():
    yield
    display_prefs().set_unit(TempUnit.CELSIUS)


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def kdb(tmp_path):
    db = open_db(tmp_path / "kitchen.sqlite3")
    yield db
    db.close()


@pytest.fixture
def make_desktop(qtbot, sim_stove, kdb, settings_path):
    made = []

    def make(size=(1280, 800), restore_geometry=True):
        from kitchen_ui.ui.menus import DesktopMenus
        from kitchen_ui.ui.settings import WindowMemory

        window, kitchen = build_window(qtbot, sim_stove, kdb, size)
        settings = open_settings(settings_path)
        window.memory = WindowMemory(window, settings, restore_geometry=restore_geometry)
        window.menus = DesktopMenus(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(kitchen)
        return window

    yield make
    for kitchen in made:
        kitchen.close()
        kitchen.model.close()


@pytest.fixture
def desktop(make_desktop):
    return make_desktop()
