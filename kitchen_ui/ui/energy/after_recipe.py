"""After a recipe: what it used, against the same recipe's earlier runs, and tips from the physics.

Shown under "… is ready" in the cooking view, a view of the stove's
:class:`~kitchen_ui.app.after.AfterRecipeTips`: the figures show at once, the tips (worked out on
a simulated stove, which takes a moment) when they arrive; meanwhile the panel says it is working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...app.after import AfterRecipeTips
from ...core.signals import disconnect_all
from ..diet.words import co2, energy_line, kwh, money, percent_change, translate
from ..recipes.recipe_view import vertical_scroll
from ..zone_card import set_text

if TYPE_CHECKING:  # the report and the tips load once a recipe has finished
    from ...energy.report import AfterRecipe
    from ...energy.tips import Tip


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

    def __init__(self, after: AfterRecipeTips, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AfterRecipe")
        self.after = after
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
        after.report_ready.connect(self._on_report)
        after.tips_ready.connect(self._on_tips)
        after.cleared.connect(self._on_cleared)
        self.hide()

    @property
    def report(self) -> AfterRecipe | None:
        return self.after.report

    @property
    def tips(self) -> tuple[Tip, ...]:
        return self.after.tips

    def close_view(self) -> None:
        disconnect_all([(self.after.report_ready, self._on_report), (self.after.tips_ready, self._on_tips),
                        (self.after.cleared, self._on_cleared)])

    def _on_cleared(self) -> None:
        self.hide()

    def _on_report(self, report: AfterRecipe, tips_coming: bool) -> None:
        u = report.used
        set_text(self.used, energy_line(u.energy_wh, u.cost, u.currency or self.after.currency, u.co2_g))
        set_text(self.compare, compare_line(report))
        if tips_coming:
            set_text(self.tips_label, translate("Diet", "Working out tips on the simulated stove…"))
        else:
            set_text(self.tips_label, translate("Diet", "No tips: the session does not say which zones the stove had."))
        self.show()

    def _on_tips(self, tips: tuple[Tip, ...], error: str) -> None:
        currency = self.report.used.currency if self.report is not None else ""
        if error:
            words = translate("Diet", "No tips: the simulation failed ({reason}).").format(reason=error)
        elif not tips:
            words = translate("Diet", "No tips this time: the simulator found nothing to save on this recipe.")
        else:
            words = "\n".join(tip_line(t, currency) for t in tips)
        set_text(self.tips_label, words)
        self.tips_ready.emit(tips)
