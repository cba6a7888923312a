"""After a recipe: what it used, against the same recipe's earlier runs, and tips from the physics.

The figures are the session's saved energy (:func:`kitchen_ui.energy.report.after_recipe`, read
at once); the tips need the recipe cooked again on a simulated stove of the same zones
(:func:`kitchen_ui.energy.tips.recipe_tips`), which takes a moment, so that runs on a worker
thread and ``tips_ready`` arrives through ``post`` when done. A run replaced before its tips
arrive never gets stale ones. An aborted run shows what it used and is never compared.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from ..recipes.model import Recipe
from ..storage.database import KitchenDB
from .relay import Post

if TYPE_CHECKING:  # the report and the tips' simulations load once a recipe has finished
    from ..energy.report import AfterRecipe
    from ..energy.settings import EnergySettings
    from ..sim.profiles import StoveProfile


class AfterRecipeTips:
    report_ready = Signal(object, bool)       # (AfterRecipe, tips on their way)
    tips_ready = Signal(object, str)          # (tuple[Tip, ...], error or "")
    cleared = Signal()

    def __init__(self, post: Post) -> None:
        self.post = post
        self.report: AfterRecipe | None = None
        self.tips: tuple[Any, ...] = ()
        self.currency = ""                     # the settings' currency, where the report has none
        self.working = False
        self._serial = 0
        self._worker: threading.Thread | None = None

    def clear(self) -> None:
        self._serial += 1
        self.report, self.tips, self.working = None, (), False
        self.cleared.emit()

    def run(self, kdb: KitchenDB, session_id: int, recipe: Recipe, settings: EnergySettings,
            profile: StoveProfile | None = None, *, run_id: str | None = None, complete: bool = True) -> AfterRecipe:
        """The figures now, and the tips for ``recipe`` (as it was cooked) worked out meanwhile.

        With ``run_id`` the figures are the run's, over every session it was cooked in;
        ``complete`` False (aborted) gives what it used without comparing it.
        """
        from ..energy.report import after_recipe, profile_from_session
        from ..storage.sessions import session_info

        self._serial += 1
        serial = self._serial
        report = after_recipe(kdb, session_id, settings=settings, with_tips=False, run_id=run_id, complete=complete)
        self.report, self.tips, self.currency = report, (), settings.currency
        if profile is None:
            info = session_info(kdb, session_id)
            profile = profile_from_session(info) if info.zones else None
        self.working = profile is not None
        self.report_ready.emit(report, self.working)
        if profile is not None:
            self._worker = threading.Thread(target=self._compute, args=(serial, recipe, profile, settings),
                                            name="hearth-tips", daemon=True)
            self._worker.start()
        return report

    def wait(self, timeout: float | None = None) -> None:
        """Until the worker is done (a terminal program that exits right after)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def _compute(self, serial: int, recipe: Recipe, profile: StoveProfile, settings: EnergySettings) -> None:
        from ..energy.tips import recipe_tips

        try:
            tips: Any = tuple(recipe_tips(recipe, profile, settings))
            error = ""
        except Exception as exc:  # a failed simulation must say so, not leave "working…" forever
            tips, error = (), f"{type(exc).__name__}: {exc}"
        self.post(self._computed, serial, tips, error)

    def _computed(self, serial: int, tips: tuple[Any, ...], error: str) -> None:
        if serial != self._serial:
            return
        self.tips, self.working = tips, False
        self.tips_ready.emit(tips, error)
