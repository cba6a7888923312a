"""A recipe's nutrition per serving, line by line, saying what it could not count.

Each ingredient line is matched to a food of the table and its amount turned into grams
(:mod:`.units`). A line is *counted* only when both work; otherwise it is listed with its status
(``unknown_food``, ``no_amount``, ``unknown_unit``) and the reason, and left out of the totals.
``coverage`` is the share of the recipe's lines that were counted (1.0: every line), so a total
never looks more complete than it is. Where a counted food's USDA record lacks a figure (SR
reports no sugars for some foods), ``missing_values`` names the nutrient and the ingredient:
that total is a lower bound.

Lines whose structure is missing (an imported line kept as text, no quantity) are read with the
ingredient parser first (:func:`.parse.parse_line`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..recipes.model import Ingredient, Recipe
from .parse import UnparsableLine, parse_line
from .table import NUTRIENTS, Food, FoodTable, load_table
from .units import Grams, to_grams

JSON_KEYS = {"kcal": "kcal", "protein_g": "protein_g", "fat_g": "fat_g", "saturated_fat_g": "saturated_fat_g",
             "carbohydrate_g": "carbohydrate_g", "sugars_g": "sugars_g", "fibre_g": "fibre_g", "salt_g": "salt_g"}


@dataclass(frozen=True)
class LineNutrition:
    ingredient: Ingredient
    status: str                       # "counted", "unknown_food", "no_amount", "unknown_unit"
    food: Food | None = None
    grams: float | None = None
    how: str = ""                     # how the grams were found, or why not
    nutrients: dict[str, float] = field(default_factory=dict)

    @property
    def counted(self) -> bool:
        return self.status == "counted"

    def to_dict(self) -> dict[str, Any]:
        return {"ingredient": self.ingredient.name, "status": self.status,
                "food": None if self.food is None else self.food.key,
                "fdc_id": None if self.food is None else self.food.fdc_id,
                "grams": None if self.grams is None else round(self.grams, 1), "how": self.how}


@dataclass(frozen=True)
class RecipeNutrition:
    servings: int
    lines: tuple[LineNutrition, ...]
    total: dict[str, float]
    missing_values: dict[str, tuple[str, ...]]

    @property
    def per_serving(self) -> dict[str, float]:
        return {k: v / self.servings for k, v in self.total.items()}

    @property
    def coverage(self) -> float:
        """Share of the ingredient lines counted in the totals (1.0 for a recipe without any)."""
        if not self.lines:
            return 1.0
        return sum(1 for ln in self.lines if ln.counted) / len(self.lines)

    @property
    def not_counted(self) -> list[LineNutrition]:
        return [ln for ln in self.lines if not ln.counted]

    def to_dict(self, *, lines: bool = True) -> dict[str, Any]:
        per = self.per_serving
        d: dict[str, Any] = {
            "per_serving": {JSON_KEYS[k]: round(per[k], 1 if k == "kcal" else 2) for k in NUTRIENTS},
            "coverage": round(self.coverage, 3),
            "servings": self.servings,
            "not_counted": [{"ingredient": ln.ingredient.name, "status": ln.status, "reason": ln.how}
                            for ln in self.not_counted],
            "missing_values": {k: list(v) for k, v in self.missing_values.items()},
        }
        if lines:
            d["lines"] = [ln.to_dict() for ln in self.lines]
        return d


def line_nutrition(ing: Ingredient, table: FoodTable) -> LineNutrition:
    if ing.quantity is None and not ing.unit:
        try:                               # an imported line kept whole as its name
            parsed = parse_line(ing.name)
        except UnparsableLine:
            parsed = None
        if parsed is not None and parsed.quantity is not None:
            ing = Ingredient(name=parsed.name, quantity=parsed.quantity, unit=parsed.unit,
                             note=", ".join(x for x in (ing.note, parsed.note) if x))
    food = table.match(ing.name)
    if food is None:
        return LineNutrition(ing, "unknown_food", how=f"{ing.name!r} is not in the ingredient table")
    amount = to_grams(ing.quantity, ing.unit, food)
    if not isinstance(amount, Grams):
        status = "no_amount" if ing.quantity is None else "unknown_unit"
        return LineNutrition(ing, status, food, how=amount.reason)
    g = amount.grams
    values = {k: v * g / 100.0 for k, v in food.per_100g.items() if v is not None}
    return LineNutrition(ing, "counted", food, g, amount.how, values)


def recipe_nutrition(recipe: Recipe, table: FoodTable | None = None) -> RecipeNutrition:
    """Nutrition of ``recipe`` (all its servings); see the module docstring for what counts."""
    table = table or load_table()
    lines = tuple(line_nutrition(i, table) for i in recipe.ingredients)
    total = {k: 0.0 for k in NUTRIENTS}
    missing: dict[str, list[str]] = {}
    for ln in lines:
        if not ln.counted:
            continue
        for k in NUTRIENTS:
            if k in ln.nutrients:
                total[k] += ln.nutrients[k]
            else:
                missing.setdefault(k, []).append(ln.ingredient.name)
    return RecipeNutrition(recipe.servings, lines, total, {k: tuple(v) for k, v in missing.items()})
