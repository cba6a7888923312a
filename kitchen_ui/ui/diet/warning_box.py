"""The allergy warning as a cook reads it: the sign, what is in the dish, who must avoid it, the swap.

One widget, used wherever the warning must be seen: at the top of the recipe view, and in the
cooking area before the first step (:mod:`.allergy_gate`). It shows a
:class:`~kitchen_ui.diet.filters.RecipeCheck` as it is: each allergen with the ingredient lines
responsible and the people it matters to, the substitutions the archive knows (or that it knows
none), then diets the dish breaks. Hidden when the recipe suits everyone eating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..zone_card import set_text
from .household import swap_words
from .icons import warning_pixmap
from .words import allergen, diet, translate

if TYPE_CHECKING:
    from ...diet.filters import DietConflict, RecipeCheck

ICON_PX = 44


def allergy_lines(check: RecipeCheck) -> list[str]:
    out = []
    for c in check.allergen_conflicts:
        out.append(translate("Diet", "Contains {allergen} ({id}), which {who} must avoid — in: {ingredients}.").format(
            allergen=allergen(c.allergen), id=c.allergen, who=translate("Diet", " and ").join(c.who),
            ingredients=", ".join(c.ingredients) or translate("Diet", "the recipe says so")))
        swaps = swap_words(c)
        out.append(translate("Diet", "Instead: {swaps}.").format(swaps=swaps) if swaps else
                   translate("Diet", "No safe swap known: leave it out, or choose another recipe."))
    return out


def diet_line(check: RecipeCheck, d: DietConflict) -> str:
    who = translate("Diet", " and ").join(d.who)
    unknown = [i for i in d.ingredients if i in check.diet.unknown]
    if d.ingredients and len(unknown) == len(d.ingredients):
        return translate("Diet", "Maybe not {diet} for {who}: {ingredients} not in the ingredient table.").format(
            diet=diet(d.diet), who=who, ingredients=", ".join(unknown))
    if d.ingredients:
        return translate("Diet", "Not {diet} for {who}: {ingredients}.").format(
            diet=diet(d.diet), who=who, ingredients=", ".join(d.ingredients))
    return translate("Diet", "Not {diet} for {who}: its author does not list it as {diet}.").format(
        diet=diet(d.diet), who=who)


class WarningBox(QFrame):
    """The warning for one check; ``lines`` is exactly what the cook reads (tests read it too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AllergyWarning")
        self.check: RecipeCheck | None = None
        self.lines: list[str] = []
        self.icon = QLabel()
        self.icon.setPixmap(warning_pixmap(ICON_PX))
        self.icon.setFixedSize(ICON_PX, ICON_PX)
        self.icon.setAccessibleName(translate("Diet", "Warning"))
        self.heading = QLabel("")
        self.heading.setObjectName("WarningTitle")
        self.heading.setWordWrap(True)
        self.body = QLabel("")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.body)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(10)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(words, 1)
        self.hide()

    def show_check(self, check: RecipeCheck | None) -> None:
        self.check = check
        if check is None or check.fits:
            self.lines = []
            self.hide()
            return
        if check.allergen_conflicts:
            title = translate("Diet", "ALLERGY WARNING")
        else:
            title = translate("Diet", "Does not suit everyone eating")
        self.lines = allergy_lines(check) + [diet_line(check, d) for d in check.diet_conflicts]
        set_text(self.heading, title)
        set_text(self.body, "\n".join(self.lines))
        self.setProperty("allergy", bool(check.allergen_conflicts))
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def show_problem(self, words: str) -> None:
        """Allergies could not be checked: say so as loudly as a conflict."""
        self.check = None
        self.lines = [words]
        set_text(self.heading, translate("Diet", "ALLERGIES NOT CHECKED"))
        set_text(self.body, words)
        self.setProperty("allergy", True)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def text(self) -> str:
        return "\n".join([self.heading.text()] + self.lines) if self.lines else ""
