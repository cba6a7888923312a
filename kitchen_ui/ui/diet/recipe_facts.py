"""A recipe's allergens, diets and nutrition per serving, as a section of the recipe view.

Everything comes from the Qt-free layer unchanged: allergens with the ingredients responsible
(:func:`kitchen_ui.diet.inference.recipe_diet`), nutrition per serving of the eight values of an
EU declaration (:func:`kitchen_ui.nutrition.calc.recipe_nutrition`) with how much of the recipe
they cover ("covers 75 % of the recipe; unknown: saffron"), so a figure never looks more complete
than it is. Per serving does not change with the servings chosen, so it is computed once a recipe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...recipes.model import Recipe
from ..zone_card import set_text
from .words import NUTRIENT_ROWS, allergen, diet, translate

if TYPE_CHECKING:  # the nutrition table and its parser load with the first recipe shown
    from ...nutrition.calc import RecipeNutrition


def load_table():
    """The nutrition table (:func:`kitchen_ui.nutrition.table.load_table`), imported when first needed."""
    from ...nutrition.table import load_table as load

    return load()


def coverage_line(n: RecipeNutrition) -> str:
    """"Covers 75 % of the recipe; unknown: saffron"."""
    line = translate("Diet", "Covers {p} % of the recipe").format(p=round(n.coverage * 100))
    groups: dict[str, list[str]] = {}
    for ln in n.not_counted:
        groups.setdefault(ln.status, []).append(ln.ingredient.name)
    parts = []
    for status, items in groups.items():
        if status == "unknown_food":
            word = translate("Diet", "unknown")
        elif status == "no_amount":
            word = translate("Diet", "no amount")
        else:
            word = translate("Diet", "unit not understood")
        parts.append(f"{word}: {', '.join(items)}")
    return line + ("; " + "; ".join(parts) if parts else "")


def _label(name: str = "", align_right: bool = False) -> QLabel:
    lab = QLabel("")
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(not align_right)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if align_right:
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return lab


class RecipeFacts(QWidget):
    """Allergens, diets, nutrition per serving and its coverage; ``values`` as shown, by nutrient."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipe: Recipe | None = None
        self.nutrition: RecipeNutrition | None = None
        self.values: dict[str, str] = {}
        self.allergens = _label()
        self.diets = _label()
        self.per_serving = _label("Section")
        self.coverage = _label("Hint")
        self.lower_bounds = _label("Hint")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.names: dict[str, QLabel] = {}
        self.cells: dict[str, QLabel] = {}
        for row, (key, words, _unit, _dec) in enumerate(NUTRIENT_ROWS):
            name = _label()
            name.setText(translate("Diet", words))
            if words.startswith("of which"):
                name.setIndent(18)
            cell = _label("NutrientValue", align_right=True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(cell, row, 1)
            self.names[key], self.cells[key] = name, cell
        self.grid.setColumnStretch(2, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.allergens)
        lay.addWidget(self.diets)
        lay.addWidget(self.per_serving)
        lay.addLayout(self.grid)
        lay.addWidget(self.coverage)
        lay.addWidget(self.lower_bounds)

    def set_recipe(self, recipe: Recipe | None) -> None:
        if recipe is not None and recipe == self.recipe:
            return
        self.recipe = recipe
        if recipe is None:
            self.nutrition, self.values = None, {}
            return
        from ...diet.inference import recipe_diet
        from ...nutrition.calc import recipe_nutrition
        from ...nutrition.table import NutritionDataError

        try:
            table = load_table()
            d = recipe_diet(recipe, table)
            n = recipe_nutrition(recipe, table)
        except NutritionDataError as exc:
            self.nutrition, self.values = None, {}
            set_text(self.allergens, translate("Diet", "Allergens and nutrition are unavailable: {reason}").format(
                reason=exc))
            for w in (self.diets, self.per_serving, self.coverage, self.lower_bounds, *self.names.values(),
                      *self.cells.values()):
                w.hide()
            return
        for w in (self.diets, self.per_serving, self.coverage, *self.names.values(), *self.cells.values()):
            w.show()
        self._show_diet(d)
        self._show_nutrition(n)

    def _show_diet(self, d) -> None:
        if d.allergens:
            items = [f"{allergen(a)} ({', '.join(d.sources[a])})" if d.sources.get(a) else allergen(a)
                     for a in d.allergens]
            words = translate("Diet", "Allergens: {list}").format(list="; ".join(items))
        else:
            words = translate("Diet", "Allergens: none of the 14 EU allergens found")
        if d.allergens_by_author:
            words += " " + translate("Diet", "(as its author lists them)")
        elif d.unknown:
            words += ". " + translate("Diet", "Not in the ingredient table, check yourself: {list}").format(
                list=", ".join(d.unknown))
        set_text(self.allergens, words)
        set_text(self.diets, translate("Diet", "Diets: {list}").format(list=", ".join(diet(x) for x in d.diets))
                 if d.diets else translate("Diet", "Diets: none certain"))

    def _show_nutrition(self, n: RecipeNutrition) -> None:
        self.nutrition = n
        per = n.per_serving
        set_text(self.per_serving, translate("Diet", "Nutrition per serving"))
        self.values = {}
        for key, _words, unit, dec in NUTRIENT_ROWS:
            shown = f"{per[key]:.{dec}f} {unit}"
            self.values[key] = shown
            set_text(self.cells[key], shown)
        set_text(self.coverage, coverage_line(n))
        lows = [translate("Diet", "{nutrient} is at least this: no figure for {list}").format(
                    nutrient=translate("Diet", words), list=", ".join(n.missing_values[key]))
                for key, words, _u, _d in NUTRIENT_ROWS if key in n.missing_values]
        set_text(self.lower_bounds, "\n".join(lows))
        self.lower_bounds.setVisible(bool(lows))
