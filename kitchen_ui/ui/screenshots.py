"""Regenerate the documentation screenshots: ``python -m kitchen_ui.ui.screenshots [FOLDER]``.

Each one runs the real dashboard offscreen on the built-in simulated stove with ``--demo`` at a
high speed, the way ``python -m kitchen_ui --demo --speed 60 --screenshot ...`` does; the fault
shot also injects an open temperature sensor into one zone, as a failing probe would. Every run
gets a fresh temporary kitchen database; the recipes shot shows the library with a recipe open,
the cooking shot a two-pot recipe minutes into its run, the kiosk shot the wall touchscreen
(``--kiosk``: no frame or menus, the PIN-locked Settings button beside ALL OFF).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ..connect import open_simulated  # noqa: E402
from .app import DashboardOptions, run_dashboard  # noqa: E402

SPEED = 60.0
RUN_FOR_S = 8.0


def _inject_fault_later(window, model) -> None:
    from PySide6.QtCore import QTimer

    def inject() -> None:
        model.request("sim.inject_fault", {"zone": 2, "fault": "sensor_open"}, zone=2, action="inject a fault")

    QTimer.singleShot(int(RUN_FOR_S * 1000 * 0.6), inject)


def _show_recipe(window, model) -> None:
    page = window.kitchen.library_page
    window.show_page(page)
    page.select("spaghetti-al-pomodoro")
    page.view.set_servings(4)


def _allergy_warning(window, model) -> None:
    """Two people eating, one allergic to milk, one to eggs: the pancakes are marked and warned."""
    kitchen = window.kitchen
    store = kitchen.diet.household.store
    store.save("Ana", ["milk"])
    store.save("Leo", ["eggs"])
    page = kitchen.library_page
    window.show_page(page)
    page.select("buttermilk-pancakes")


def _cook(window, model) -> None:
    kitchen = window.kitchen
    kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    shots = (
        ("dashboard.png", (1280, 800), None),
        ("dashboard-1024x600.png", (1024, 600), None),
        ("dashboard-1920x1080.png", (1920, 1080), None),
        ("dashboard-fault.png", (1280, 800), _inject_fault_later),
        ("recipes.png", (1280, 800), _show_recipe),
        ("cooking.png", (1280, 800), _cook),
        ("allergy-warning.png", (1280, 800), _allergy_warning),
        ("kiosk.png", (1280, 800), None),
    )
    from ..storage.database import open_db

    for name, size, prepare in shots:
        stove = open_simulated(speed=SPEED)
        with tempfile.TemporaryDirectory(prefix="hearth-shot-") as tmp, open_db(Path(tmp) / "kitchen.sqlite3") as kdb:
            opts = DashboardOptions(size=size, run_for=RUN_FOR_S, screenshot=str(folder / name),
                                    demo=prepare not in (_show_recipe, _cook, _allergy_warning), speed=SPEED, kitchen_db=kdb,
                                    kiosk=name.startswith("kiosk"))
            code = run_dashboard(stove, opts, prepare=prepare)
        if code != 0:
            return code
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
