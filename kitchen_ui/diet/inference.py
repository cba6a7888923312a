"""A recipe's allergens and diets, from its ingredients, unless its author says otherwise.

Each ingredient line is matched to a food of the ingredient table
(:meth:`kitchen_ui.nutrition.table.FoodTable.match`), which carries its allergens and origin.
The recipe's allergens are the union over its ingredients, each with the ingredient lines
responsible; its diets are those every ingredient allows. An ingredient the table does not know
makes no diet certain: :attr:`RecipeDiet.unknown` lists it, and diets that depend on it are left
out (a recipe with an unknown ingredient is not called vegan). The recipe file's ``dietary``
object (:class:`kitchen_ui.recipes.dietary.Dietary`) replaces either part when present.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..nutrition.table import FoodTable, load_table
from ..recipes.model import Recipe
from ..recipes.vocabulary import ALLERGENS, DIETS


@dataclass(frozen=True)
class RecipeDiet:
    allergens: tuple[str, ...]                          # effective (author's list if given)
    diets: tuple[str, ...]                              # effective
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)   # allergen -> ingredient names
    unknown: tuple[str, ...] = ()                       # ingredient names not in the table
    inferred_allergens: tuple[str, ...] = ()
    inferred_diets: tuple[str, ...] = ()
    allergens_by_author: bool = False
    diets_by_author: bool = False
    foods: dict[str, str] = field(default_factory=dict)  # ingredient name -> food key

    def to_dict(self) -> dict[str, Any]:
        return {"allergens": list(self.allergens), "diets": list(self.diets),
                "allergen_sources": {a: list(v) for a, v in self.sources.items()},
                "unknown_ingredients": list(self.unknown),
                "inferred": {"allergens": list(self.inferred_allergens), "diets": list(self.inferred_diets)},
                "by_author": {"allergens": self.allergens_by_author, "diets": self.diets_by_author}}


def recipe_diet(recipe: Recipe, table: FoodTable | None = None) -> RecipeDiet:
    table = table or load_table()
    sources: dict[str, list[str]] = {}
    diets = set(DIETS)
    unknown: list[str] = []
    foods: dict[str, str] = {}
    for ing in recipe.ingredients:
        food = table.match(ing.name)
        if food is None:
            unknown.append(ing.name)
            continue
        foods[ing.name] = food.key
        for a in food.allergens:
            sources.setdefault(a, []).append(ing.name)
        diets &= food.diets
    if unknown:
        diets = set()
    order = list(ALLERGENS)
    inferred_a = tuple(sorted(sources, key=order.index))
    inferred_d = tuple(d for d in DIETS if d in diets)
    author = recipe.dietary
    allergens = inferred_a if author is None or author.allergens is None else author.allergens
    eff_diets = inferred_d if author is None or author.diets is None else author.diets
    return RecipeDiet(
        allergens=tuple(allergens), diets=tuple(eff_diets),
        sources={a: tuple(v) for a, v in sources.items() if a in allergens},
        unknown=tuple(unknown), inferred_allergens=inferred_a, inferred_diets=inferred_d,
        allergens_by_author=author is not None and author.allergens is not None,
        diets_by_author=author is not None and author.diets is not None, foods=foods)
