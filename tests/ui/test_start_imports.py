"""The dashboard's first frame does not wait for what it does not show.

A real start (``python -m kitchen_ui`` in its own process, simulated stove, an existing kitchen
database) records which modules are loaded when the plot paints for the first time. Recipe
import, ingredient parsing, the nutrition table, allergy checks, energy tips, the alert chime's
QtMultimedia and the subcommands (serve-sim's asyncio) load later, when first used; the kitchen
database (sqlite-utils, its check) and the recipe pages come on a worker thread once the frame is
painted (tests/ui/test_kitchen_loader.py shows them joining).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow       # two real starts of the app: a few seconds on a busy machine

ROOT = Path(__file__).resolve().parents[2]

DRIVER = """
import json, sys
from kitchen_ui.ui import plot

seen = []
paint = plot.PlotView.paintEvent

def first_paint(self, ev):
    if not seen:
        seen.append(sorted(sys.modules))
    return paint(self, ev)

plot.PlotView.paintEvent = first_paint
from kitchen_ui.cli import main
code = main(sys.argv[1:])
print(json.dumps(seen[0] if seen else None))
sys.exit(code)
"""

NOT_BEFORE_FIRST_FRAME = (
    "recipe_scrapers", "ingredient_slicer", "PySide6.QtMultimedia",
    "kitchen_ui.nutrition.table", "kitchen_ui.nutrition.parse", "kitchen_ui.diet.filters",
    "kitchen_ui.energy.tips", "kitchen_ui.energy.report",
    "asyncio", "kitchen_ui.commands.serve_sim", "kitchen_ui.commands.recipes",
    "sqlite_utils", "kitchen_ui.ui.recipes.kitchen",
)


def modules_at_first_paint(tmp_path: Path) -> set[str]:
    db = tmp_path / "kitchen.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HEARTH_FIRST_PAINT="exit",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               HEARTH_SETTINGS=str(tmp_path / "settings.ini"), HEARTH_LOG_DIR=str(tmp_path))
    for _ in range(2):      # the first run creates the database; the second is a cook's usual start
        res = subprocess.run([sys.executable, "-c", DRIVER, "--size", "1024x600", "--db", str(db)],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=90)
        assert res.returncode == 0, res.stderr[-3000:]
    loaded = json.loads(res.stdout.strip().splitlines()[-1])
    assert loaded is not None, "the plot never painted"
    return set(loaded)


def test_the_first_frame_loads_only_what_it_shows(tmp_path):
    loaded = modules_at_first_paint(tmp_path)
    early = sorted(m for m in NOT_BEFORE_FIRST_FRAME if m in loaded)
    assert not early, f"loaded before the first frame although nothing on it needs them: {early}"
    # the window with its manual control is there
    assert {"kitchen_ui.ui.main_window", "kitchen_ui.ui.traditional"} <= loaded
