"""The kitchen database opens on a worker thread: the window (and its manual control) never waits
for it, the kitchen joins when the file has passed its check, and a damaged file is refused by
name while manual control goes on working. Runs the real ``run_dashboard`` in-process."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from kitchen_ui.connect import open_simulated
from kitchen_ui.storage.opening import OpeningDatabase
from kitchen_ui.ui.app import DashboardOptions, run_dashboard
from kitchen_ui.ui.crash import ErrorBanner
from storage.conftest import damage_middle, make_kitchen_with_sessions   # tests/ is on sys.path


class GatedOpening(OpeningDatabase):
    """An opening that takes as long as the test says (a year-sized integrity check, say)."""

    def __init__(self, path) -> None:
        self.gate = threading.Event()
        super().__init__(path)

    def _open(self) -> None:
        self.gate.wait(30)
        super()._open()


def _at(ms: int, fn) -> None:
    QTimer.singleShot(ms, fn)


def test_the_window_does_not_wait_for_a_slow_check_and_the_kitchen_joins_after_it(qapp, tmp_path):
    opening = GatedOpening(tmp_path / "kitchen.sqlite3")
    stove = open_simulated(speed=1.0)
    seen: dict = {}

    def prepare(window, model) -> None:
        def while_checking() -> None:
            seen["shown"] = window.isVisible()
            seen["kitchen_while_checking"] = window.kitchen
            window.manual.select_zone(0)
            window.manual.level_buttons[4].click()          # manual control works meanwhile
            opening.gate.set()

        def after() -> None:
            seen["level"] = stove.sim.zones[0].level
            seen["kitchen"] = window.kitchen
            seen["tabs"] = [b.text() for b in window.nav_buttons]
            seen["search_hidden"] = window.kitchen is not None and window.kitchen.library_page.search.isHidden()

        _at(400, while_checking)
        _at(1400, after)

    code = run_dashboard(stove, DashboardOptions(size=(1280, 800), run_for=1.8, kitchen_db=opening, kiosk=True),
                         prepare=prepare)
    opening.close()
    assert code == 0
    assert seen["shown"] and seen["kitchen_while_checking"] is None
    assert seen["level"] == 4
    assert seen["kitchen"] is not None and seen["tabs"] == ["Dashboard", "Recipes", "History"]
    assert seen["search_hidden"]                            # the kiosk adapted the late kitchen too


def test_a_damaged_database_is_refused_by_name_and_manual_control_goes_on(qapp, tmp_path, capfd):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    before = damage_middle(path)
    opening = OpeningDatabase(path)
    stove = open_simulated(speed=1.0)
    seen: dict = {}

    def prepare(window, model) -> None:
        def check() -> None:
            banners = [b for b in window.findChildren(ErrorBanner) if b.isVisible()]
            seen["banner"] = banners[0].label.text() if banners else ""
            seen["kitchen"] = window.kitchen
            window.manual.select_zone(1)
            window.manual.level_buttons[6].click()

        _at(600, check)
        _at(1100, lambda: seen.setdefault("level", stove.sim.zones[1].level))

    code = run_dashboard(stove, DashboardOptions(size=(1024, 600), run_for=1.4, kitchen_db=opening), prepare=prepare)
    opening.close()
    err = capfd.readouterr().err
    assert code == 1
    assert f"{path} is damaged" in err and "kitchen-ui db restore" in err
    assert f"{path} is damaged" in seen["banner"] and seen["kitchen"] is None
    assert seen["level"] == 6
    assert path.read_bytes() == before


def test_the_dashboard_s_own_opening_begins_after_the_first_frame(qapp, tmp_path):
    """An opening thread started with the window would compete with its imports for the
    interpreter: the command's opening waits for the first paint, then the kitchen joins."""
    opening = OpeningDatabase(tmp_path / "kitchen.sqlite3", start=False)
    stove = open_simulated(speed=1.0)
    seen: dict = {}

    def prepare(window, model) -> None:
        seen["started_before_show"] = opening._started
        window.plot.view.after_first_paint.insert(0, lambda: seen.setdefault("kitchen_at_first_paint", window.kitchen))
        _at(900, lambda: seen.setdefault("kitchen", window.kitchen))

    code = run_dashboard(stove, DashboardOptions(size=(1280, 800), run_for=1.2, kitchen_db=opening), prepare=prepare)
    opening.close()
    assert code == 0
    assert seen["started_before_show"] is False and seen["kitchen_at_first_paint"] is None
    assert seen["kitchen"] is not None
