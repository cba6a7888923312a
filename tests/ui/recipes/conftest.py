"""The dashboard with its kitchen on the real simulated stove (manual clock) and a temporary
kitchen database: every test here gets its own file, never the user's."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from kitchen_ui.recipes.model import Recipe
from kitchen_ui.storage.database import open_db


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "kitchen.sqlite3"


@pytest.fixture
def kdb(db_path):
    kdb = open_db(db_path)
    yield kdb
    kdb.close()


def make_kitchen(qtbot, stove, kdb, size=(1280, 800)):
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.recipes.alerts import AlertSound
    from kitchen_ui.ui.recipes.kitchen import Kitchen
    from kitchen_ui.ui.stove_model import StoveModel

    model = StoveModel(stove)
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.resize(*size)
    stove.start()
    kitchen = Kitchen(window, model, kdb, sound=AlertSound(enabled=True), flush_interval_s=0.05)
    window.show()
    qtbot.waitExposed(window)
    return kitchen


@pytest.fixture
def kitchen(qtbot, sim_stove, kdb):
    k = make_kitchen(qtbot, sim_stove, kdb)
    yield k
    k.close()
    k.model.close()


def tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{getattr(widget, 'text', lambda: widget)()} cannot be tapped"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def recipe(steps: list[dict[str, Any]], pots: list[dict[str, Any]] | None = None, **kw: Any) -> Recipe:
    return Recipe.from_dict({"title": kw.pop("title", "Test dish"), "pots": pots or [], "steps": steps, **kw})


PAN = {"id": "pan", "label": "Frying pan", "zone": "small"}
FRY = [{"id": "fry", "text": "Fry the onions", "pot": "pan", "setting": {"mode": "level", "level": 5},
        "duration_s": 600}]


def run_for(stove, seconds: float, step: float = 1.0) -> None:
    """Stove time passes (telemetry every ``step`` seconds), as it would while the cook waits."""
    n = int(round(seconds / step))
    for _ in range(n):
        stove.advance(step)
