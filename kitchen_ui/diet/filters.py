"""Who is eating: does a recipe suit everyone, and if not, what is wrong and what could be swapped.

:func:`check_recipe` answers for one recipe and one or more profiles (plus allergens excluded
outright): every :class:`AllergenConflict` names the allergen, the people it matters to, the
ingredient lines responsible and the substitutions the archive knows
(``resources/nutrition/substitutions.json``) that are safe for everyone eating; every
:class:`DietConflict` names the diet and the ingredients that break it. A view shows these as
they are; :meth:`RecipeCheck.to_dict` is the same data as JSON.

A substitution marked ``not_when_main`` is left out when that ingredient makes up more than a
seventh of the recipe's counted weight or is named in its title (a flax egg will bind pancakes,
not make an omelette or egg fried rice).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ..nutrition.calc import line_nutrition
from ..nutrition.table import FoodTable, NutritionDataError, load_table
from ..recipes.model import Recipe
from ..recipes.vocabulary import ALLERGENS
from ..resources import resource_path
from .inference import RecipeDiet, recipe_diet
from .profiles import Profile

EXCLUDED = "--exclude-allergens"     # who an allergen matters to when excluded on the command line
MAIN_SHARE = 0.15


@dataclass(frozen=True)
class Substitution:
    ingredient: str
    text: str
    food: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ingredient": self.ingredient, "use": self.text, "food": self.food}


@dataclass(frozen=True)
class AllergenConflict:
    allergen: str
    who: tuple[str, ...]
    ingredients: tuple[str, ...]
    substitutions: tuple[Substitution, ...] = ()

    def describe(self) -> str:
        text = f"contains {ALLERGENS[self.allergen]} ({', '.join(self.ingredients) or 'says the recipe'})" \
               f" — {', '.join(self.who)}"
        if self.substitutions:
            text += "; instead: " + "; ".join(f"{s.ingredient} -> {s.text}" for s in self.substitutions)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"allergen": self.allergen, "who": list(self.who), "ingredients": list(self.ingredients),
                "substitutions": [s.to_dict() for s in self.substitutions]}


@dataclass(frozen=True)
class DietConflict:
    diet: str
    who: tuple[str, ...]
    ingredients: tuple[str, ...]       # the lines that break it (or are unknown)
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"diet": self.diet, "who": list(self.who), "ingredients": list(self.ingredients), "reason": self.reason}


@dataclass(frozen=True)
class RecipeCheck:
    title: str
    diet: RecipeDiet
    allergen_conflicts: tuple[AllergenConflict, ...] = ()
    diet_conflicts: tuple[DietConflict, ...] = ()
    eaters: tuple[str, ...] = field(default_factory=tuple)

    @property
    def fits(self) -> bool:
        return not self.allergen_conflicts and not self.diet_conflicts

    def to_dict(self) -> dict[str, Any]:
        return {"fits": self.fits, "for": list(self.eaters),
                "allergen_conflicts": [c.to_dict() for c in self.allergen_conflicts],
                "diet_conflicts": [c.to_dict() for c in self.diet_conflicts]}


@lru_cache(maxsize=1)
def substitutions() -> tuple[dict[str, Any], ...]:
    path = resource_path("nutrition", "substitutions.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["substitutions"]
        assert isinstance(items, list)
    except (OSError, ValueError, KeyError, AssertionError) as exc:
        raise NutritionDataError(f"cannot read the substitutions table {path}: {exc}") from None
    return tuple(items)


def _safe(sub: dict[str, Any], table: FoodTable, avoid: set[str]) -> bool:
    food = sub.get("food")
    return food is None or (food in table.foods and not avoid & set(table[food].allergens))


def check_recipe(recipe: Recipe, profiles: Iterable[Profile] = (), exclude_allergens: Iterable[str] = (),
                 table: FoodTable | None = None) -> RecipeCheck:
    table = table or load_table()
    profiles = list(profiles)
    excluded = set(exclude_allergens)
    diet = recipe_diet(recipe, table)
    who_avoids: dict[str, list[str]] = {}
    for p in profiles:
        for a in p.allergies:
            who_avoids.setdefault(a, []).append(p.name)
    for a in sorted(excluded):
        who_avoids.setdefault(a, []).append(EXCLUDED)
    avoid = set(who_avoids)
    lines = {ing.name: line_nutrition(ing, table) for ing in recipe.ingredients}
    total_g = sum(ln.grams or 0.0 for ln in lines.values())
    conflicts = []
    for allergen in diet.allergens:
        if allergen not in who_avoids:
            continue
        ingredients = diet.sources.get(allergen, ())
        subs = []
        for name in ingredients:
            key = diet.foods.get(name)
            grams = lines[name].grams if name in lines else None
            main = (bool(total_g and grams and grams / total_g > MAIN_SHARE)
                    or (key is not None and any(w in recipe.title.lower() for w in table[key].name.split())))
            for entry in substitutions():
                if entry.get("for") != key or allergen not in entry.get("allergens", ()):
                    continue
                if entry.get("not_when_main") and main:
                    continue
                subs += [Substitution(name, u["text"], u.get("food")) for u in entry.get("use", [])
                         if _safe(u, table, avoid)]
        conflicts.append(AllergenConflict(allergen, tuple(who_avoids[allergen]), tuple(ingredients), tuple(subs)))
    diet_conflicts = []
    for p in profiles:
        for d in p.diets:
            if d in diet.diets:
                continue
            breaking = [n for n, k in diet.foods.items() if d not in table[k].diets]
            if breaking:
                reason = f"not {d}: {', '.join(breaking)}"
            elif diet.unknown:
                breaking, reason = list(diet.unknown), f"cannot tell if it is {d}: {', '.join(diet.unknown)} unknown"
            else:
                reason = f"the recipe's author does not list it as {d}"
            diet_conflicts.append(DietConflict(d, (p.name,), tuple(breaking), reason))
    return RecipeCheck(recipe.title, diet, tuple(conflicts), tuple(diet_conflicts),
                       tuple(p.name for p in profiles) + ((EXCLUDED,) if excluded else ()))
