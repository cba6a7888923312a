"""Amounts to grams: weights exactly, volumes by each food's density, pieces by USDA weights.

* Weights (g, kg, oz, lb ...) convert exactly.
* Volumes (ml, l, tsp, tbsp, cup, fl oz, pint ...) convert to grams by the food's density from
  the USDA household measures (``g_per_ml``; for a chopped vegetable it is the density of the
  chopped pieces in a cup). Cups, pints and quarts are US customary (a cup is 236.6 ml); a pinch
  is 1/16 and a dash 1/8 of a teaspoon (the usual kitchen definitions).
* Pieces ("2 eggs", "1 onion", "3 garlic cloves", "4 slices bread") use the USDA weight of one
  piece of that food (``piece_g``: a large egg 50 g, a medium onion 110 g) or of the named
  measure (``measures``: slice, clove, sprig, leaf, head ...). "large"/"medium"/"small" pick
  that size when the USDA lists it.

Anything else (a handful, a bunch, a can of unknown size) is not converted: the result says
why, and the nutrition total counts the line as not covered rather than inventing a weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from .table import Food

GRAMS_PER = {"g": 1.0, "mg": 0.001, "kg": 1000.0, "oz": 28.3495, "lb": 453.592}
ML_PER = {"ml": 1.0, "cl": 10.0, "dl": 100.0, "l": 1000.0, "tsp": 4.92892, "tbsp": 14.7868,
          "cup": 236.588, "fl oz": 29.5735, "pint": 473.176, "quart": 946.353,
          "pinch": 4.92892 / 16, "dash": 4.92892 / 8}
UNIT_NAMES = {
    "g": "g", "gr": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "kg": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
    "ml": "ml", "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml",
    "cl": "cl", "centilitre": "cl", "centilitres": "cl", "dl": "dl", "decilitre": "dl", "decilitres": "dl",
    "l": "l", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp", "t": "tsp",
    "tbsp": "tbsp", "tablespoon": "tbsp", "tablespoons": "tbsp", "tbs": "tbsp", "tbl": "tbsp",
    "cup": "cup", "cups": "cup", "fl oz": "fl oz", "fluid ounce": "fl oz", "fluid ounces": "fl oz",
    "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart",
    "pinch": "pinch", "pinches": "pinch", "dash": "dash", "dashes": "dash",
    "": "piece", "piece": "piece", "pieces": "piece", "whole": "piece", "each": "piece",
    "clove": "clove", "cloves": "clove", "slice": "slice", "slices": "slice", "sprig": "sprig", "sprigs": "sprig",
    "leaf": "leaf", "leaves": "leaf", "stalk": "stalk", "stalks": "stalk", "stick": "stalk", "sticks": "stalk",
    "head": "head", "heads": "head", "link": "link", "links": "link", "fruit": "fruit",
    "large": "large", "medium": "medium", "small": "small", "spear": "spear", "spears": "spear",
}


@dataclass(frozen=True)
class Grams:
    """An amount in grams, and how it was found (shown to the cook)."""

    grams: float
    how: str


@dataclass(frozen=True)
class NotConverted:
    """Why an amount could not be turned into grams."""

    reason: str


def canonical_unit(unit: str) -> str | None:
    """``"Tablespoons"`` -> ``"tbsp"``; None for a unit Hearth does not know."""
    u = " ".join(unit.lower().strip().rstrip(".").split())
    return UNIT_NAMES.get(u)


def to_grams(quantity: float | None, unit: str, food: Food) -> Grams | NotConverted:
    """``quantity`` ``unit`` of ``food`` in grams, or the reason it cannot be converted."""
    if quantity is None:
        return NotConverted("no amount given")
    if quantity < 0:
        return NotConverted(f"a negative amount ({quantity:g})")
    u = canonical_unit(unit)
    if u is None:
        return NotConverted(f"unit {unit!r} has no weight in the table")
    if u in GRAMS_PER:
        return Grams(quantity * GRAMS_PER[u], f"{quantity:g} {u}")
    if u in ML_PER:
        if food.g_per_ml is None:
            return NotConverted(f"no density for {food.name} to convert {u}")
        ml = quantity * ML_PER[u]
        return Grams(ml * food.g_per_ml, f"{quantity:g} {u} = {ml:.4g} ml at {food.g_per_ml:.3g} g/ml")
    if u == "piece":
        if food.piece_g is None:
            return NotConverted(f"no typical weight for one {food.name}")
        return Grams(quantity * food.piece_g, f"{quantity:g} x {food.piece_g:g} g")
    if u in food.measures:
        return Grams(quantity * food.measures[u], f"{quantity:g} {u} x {food.measures[u]:g} g")
    if u in ("clove", "slice", "sprig", "leaf", "stalk", "spear", "link", "fruit") and food.piece_g is not None:
        return Grams(quantity * food.piece_g, f"{quantity:g} {u} x {food.piece_g:g} g")
    return NotConverted(f"no weight for a {u} of {food.name}")
