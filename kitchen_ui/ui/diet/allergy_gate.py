"""Before the first step: the allergy warning again, and nothing on the stove until the cook says so.

When a recipe about to start conflicts with the allergies (or diets) of someone eating, the
kitchen shows this in the cooking area instead of starting: the same warning as the recipe view,
the first step, and two touch-sized answers. Only "I have checked — start cooking" lets the
kitchen create the run; until then no zone is set and no pot is placed. "Back" returns to the
recipe, and nothing happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...recipes.model import Recipe
from ..recipes.recipe_view import step_line, vertical_scroll
from ..zone_card import set_text
from .warning_box import WarningBox
from .words import translate

if TYPE_CHECKING:
    from ...diet.filters import RecipeCheck


class AllergyGate(QWidget):
    acknowledged = Signal(object)      # the recipe, as it was to start (scaled)
    cancelled = Signal(object)         # the recipe

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipe: Recipe | None = None
        self.warning = WarningBox()
        self.first_step = QLabel("")
        self.first_step.setObjectName("NextStep")
        self.first_step.setWordWrap(True)
        self.first_step.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel(translate("Diet", "Nothing on the stove is switched on until you confirm."))
        self.note.setObjectName("Hint")
        self.note.setWordWrap(True)
        self.start_button = QPushButton(translate("Diet", "I have checked — start cooking"))
        self.start_button.setObjectName("Primary")
        self.back_button = QPushButton(translate("Diet", "Back to the recipe"))
        for b in (self.start_button, self.back_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.clicked.connect(self._start)
        self.back_button.clicked.connect(self._back)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.setContentsMargins(0, 0, 4, 0)
        il.addWidget(self.warning)
        il.addWidget(self.first_step)
        il.addStretch(1)
        scroll = vertical_scroll(inner)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.start_button)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        buttons.addLayout(row)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.note)
        lay.addLayout(buttons)

    def show_for(self, recipe: Recipe, check: RecipeCheck | None, problem: str = "") -> None:
        """The warning of ``check``, or ``problem`` when allergies could not be checked at all."""
        self.recipe = recipe
        if check is None:
            self.warning.show_problem(problem)
        else:
            self.warning.show_check(check)
        first = step_line(recipe, 0) if recipe.steps else ""
        set_text(self.first_step, translate("Diet", "First step: {step}").format(step=first) if first else "")

    def _start(self) -> None:
        recipe, self.recipe = self.recipe, None
        if recipe is not None:
            self.acknowledged.emit(recipe)

    def _back(self) -> None:
        recipe, self.recipe = self.recipe, None
        self.cancelled.emit(recipe)
