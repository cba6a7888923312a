"""After a recipe: what it used, against the same recipe's earlier runs, and tips from the physics.

Shown under "… is ready" in the cooking view. The figures are the session's saved energy
(:func:`kitchen_ui.energy.report.after_recipe`, read at once); the tips need the recipe cooked
again on a simulated stove of the same zones (:func:`kitchen_ui.energy.tips.recipe_tips`), which
takes a moment, so that runs on a worker thread and the tips appear when ready (the panel says
it is working meanwhile). A run that is replaced before its tips arrive never shows stale ones.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...recipes.model import Recipe
from ...storage.database import KitchenDB
from ..recipes.recipe_view import vertical_scroll
from ..zone_card import set_text
from .words import co2, energy_line, kwh, money, percent_change, translate

if TYPE_CHECKING:  # the report and the tips' simulations load once a recipe has finished
    from ...energy.report import AfterRecipe
    from ...energy.settings import EnergySettings
    from ...energy.tips import Tip
    from ...sim.profiles import StoveProfile


def _label(name: str = "") -> QLabel:
    lab = QLabel("")
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


def compare_line(report: AfterRecipe) -> str:
    if not report.complete:
        return translate("Diet", "Not compared with earlier runs: this one did not cook the whole recipe.")
    avg = report.earlier_average_wh
    change = report.change_vs_earlier
    if avg is None or change is None:
        return translate("Diet", "The first recorded run of this recipe: nothing to compare with yet.")
    return translate("Diet", "Earlier runs of this recipe: {n}, on average {avg}. This run used {change}.").format(
        n=len(report.earlier), avg=kwh(avg), change=percent_change(change))


def tip_line(tip: Tip, currency: str) -> str:
    saving = translate("Diet", "Saves up to {energy} · {money} · {co2}").format(
        energy=kwh(tip.saving_wh), money=money(tip.saving_cost, currency), co2=co2(tip.saving_co2_g))
    return f"• {tip.text}\n   {saving}"


class AfterRecipePanel(QFrame):
    tips_ready = Signal(object)              # tuple[Tip, ...] now shown
    _computed = Signal(int, object, str)      # (run serial, tips, error) from the worker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AfterRecipe")
        self.report: AfterRecipe | None = None
        self.tips: tuple[Tip, ...] = ()
        self._serial = 0
        self._worker: threading.Thread | None = None
        self.title = _label("Section")
        self.title.setText(translate("Diet", "Energy of this run"))
        self.used = _label("EnergyUsed")
        self.compare = _label()
        self.tips_title = _label("Section")
        self.tips_title.setText(translate("Diet", "Tips from the simulator"))
        self.tips_label = _label()
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.setContentsMargins(0, 4, 4, 4)
        il.setSpacing(4)
        for w in (self.title, self.used, self.compare, self.tips_title, self.tips_label):
            il.addWidget(w)
        il.addStretch(1)
        scroll = vertical_scroll(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        self._computed.connect(self._on_computed)
        self.hide()

    def clear(self) -> None:
        self._serial += 1
        self.report, self.tips = None, ()
        self.hide()

    def show_run(self, kdb: KitchenDB, session_id: int, recipe: Recipe, settings: EnergySettings,
                 profile: StoveProfile | None = None, *, run_id: str | None = None,
                 complete: bool = True) -> AfterRecipe:
        """Show the figures now and start working out the tips for ``recipe`` (as it was cooked).

        With ``run_id`` the figures are the run's, over every session it was cooked in;
        ``complete`` False (aborted) shows what it used without comparing it.
        """
        from ...energy.report import after_recipe, profile_from_session
        from ...storage.sessions import session_info

        self._serial += 1
        serial = self._serial
        report = after_recipe(kdb, session_id, settings=settings, with_tips=False, run_id=run_id, complete=complete)
        self.report, self.tips = report, ()
        u = report.used
        set_text(self.used, energy_line(u.energy_wh, u.cost, u.currency or settings.currency, u.co2_g))
        set_text(self.compare, compare_line(report))
        if profile is None:
            info = session_info(kdb, session_id)
            profile = profile_from_session(info) if info.zones else None
        if profile is None:
            set_text(self.tips_label, translate("Diet", "No tips: the session does not say which zones the stove had."))
        else:
            set_text(self.tips_label, translate("Diet", "Working out tips on the simulated stove…"))
            self._worker = threading.Thread(target=self._compute, args=(serial, recipe, profile, settings),
                                            name="hearth-tips", daemon=True)
            self._worker.start()
        self.show()
        return report

    def _compute(self, serial: int, recipe: Recipe, profile: StoveProfile, settings: EnergySettings) -> None:
        from ...energy.tips import recipe_tips

        try:
            tips: Any = tuple(recipe_tips(recipe, profile, settings))
            error = ""
        except Exception as exc:  # a failed simulation must say so, not leave "working…" forever
            tips, error = (), f"{type(exc).__name__}: {exc}"
        try:
            self._computed.emit(serial, tips, error)
        except RuntimeError:                       # the window closed meanwhile
            pass

    @Slot(int, object, str)
    def _on_computed(self, serial: int, tips: tuple[Tip, ...], error: str) -> None:
        if serial != self._serial:
            return
        self.tips = tips
        currency = self.report.used.currency if self.report is not None else ""
        if error:
            words = translate("Diet", "No tips: the simulation failed ({reason}).").format(reason=error)
        elif not tips:
            words = translate("Diet", "No tips this time: the simulator found nothing to save on this recipe.")
        else:
            words = "\n".join(tip_line(t, currency) for t in tips)
        set_text(self.tips_label, words)
        self.tips_ready.emit(tips)
