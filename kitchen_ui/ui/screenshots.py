"""Regenerate the documentation screenshots: ``python -m kitchen_ui.ui.screenshots [FOLDER]``.

Each one runs the real dashboard offscreen on the built-in simulated stove with ``--demo`` at a
high speed, the way ``python -m kitchen_ui --demo --speed 60 --screenshot ...`` does; the fault
shot also injects an open temperature sensor into one zone, as a failing probe would. Every run
gets a fresh temporary kitchen database; the recipes shot shows the library with a recipe open,
the cooking shot a two-pot recipe minutes into its run, the kiosk shot the wall touchscreen
(``--kiosk``: no frame or menus, the PIN-locked Settings button beside ALL OFF).

Two failure states at 1024x600, where room is scarcest: the link lost (the dashboard on the
simulated stove served over KSP/1 on loopback, whose server then goes away, as a stove that
loses power would) and the offer to resume a recipe cut short (a run started on a throwaway
stove and left unfinished in the kitchen database, as a killed app leaves it).

Two stoves in one window (``two-stoves-1280x800.png``): the one not shown cooks, then a sensor
fails on it; its switcher button and a banner naming it say so.
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


def _two_stoves(window, model) -> None:
    """The wok station (not shown) cooks, then its sensor fails: its button and a banner say so."""
    from PySide6.QtCore import QTimer

    from .multi import MultiStove

    wok = window.findChild(MultiStove).models[1]
    QTimer.singleShot(int(RUN_FOR_S * 1000 * 0.3), lambda: wok.set_level(0, 7))
    QTimer.singleShot(int(RUN_FOR_S * 1000 * 0.6), lambda: wok.request(
        "sim.inject_fault", {"zone": 1, "fault": "sensor_open"}, zone=1, action="inject a fault"))


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


def _interrupted_run(kdb) -> None:
    """Leave a run unfinished in ``kdb``, as an app killed mid-recipe does (no Qt, a manual clock)."""
    from ..core.clock import ManualClock
    from ..recipes.engine import RecipeEngine
    from ..recipes.stove_clock import clock_for
    from ..sim.local import LocalStove
    from ..sim.profiles import load_profile
    from ..storage.library import KitchenLibrary
    from ..storage.runs import RunStore

    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    runs = RunStore(kdb.path)
    try:
        recipe = KitchenLibrary(kdb).recipe("spaghetti-al-pomodoro")
        engine = RecipeEngine(recipe, stove, clock_for(stove), store=runs)
        engine.start()
        for _ in range(240):
            stove.advance(1.0)
        engine.close()                      # no finish: the next start offers to resume it
    finally:
        runs.close()
        stove.stop()


class _LosingLink:
    """The simulated stove served on loopback; the server stops a while into the run."""

    def __init__(self) -> None:
        from ..protocol.aio_server import ServerThread
        from ..protocol.network_stove import NetworkStove
        from ..sim.serve import build_sim_server
        from ..sim.profiles import load_profile

        self.server = ServerThread(build_sim_server(load_profile("hybrid-4"), speed=SPEED)).start()
        host, port = self.server.address
        self.stove = NetworkStove(f"ksp://{host}:{port}", connect_timeout_s=1.0, request_timeout_s=1.0)

    def prepare(self, window, model) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(RUN_FOR_S * 1000 * 0.5), self.server.stop)


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
        ("cooking-1024x600.png", (1024, 600), _cook),
        ("allergy-warning.png", (1280, 800), _allergy_warning),
        ("kiosk.png", (1280, 800), None),
        ("link-lost-1024x600.png", (1024, 600), _LosingLink),
        ("resume-offer-1024x600.png", (1024, 600), _interrupted_run),
        ("two-stoves-1280x800.png", (1280, 800), _two_stoves),
    )
    only = set(args[1:])                    # names of shots to make (default: all)
    from ..storage.database import open_db

    for name, size, prepare in shots:
        if only and name not in only:
            continue
        stove = None
        with tempfile.TemporaryDirectory(prefix="hearth-shot-") as tmp, open_db(Path(tmp) / "kitchen.sqlite3") as kdb:
            if prepare is _LosingLink:
                losing = _LosingLink()
                stove, prepare = losing.stove, losing.prepare
            elif prepare is _interrupted_run:
                _interrupted_run(kdb)
                prepare = None
            stove = stove or open_simulated(speed=SPEED)
            opts = DashboardOptions(size=size, run_for=RUN_FOR_S, screenshot=str(folder / name),
                                    demo=prepare not in (_show_recipe, _cook, _allergy_warning), speed=SPEED, kitchen_db=kdb,
                                    kiosk=name.startswith("kiosk"), network=not stove.__class__.__name__.startswith("Local"))
            if prepare is _two_stoves:
                opts.stove_name = "Main hob"
                opts.more_stoves = [("Wok station", open_simulated(zones=6, speed=SPEED))]
            code = run_dashboard(stove, opts, prepare=prepare)
        if code != 0:
            return code
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
