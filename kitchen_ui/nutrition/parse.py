"""Free-text ingredient lines ("2 x 400 g tins chickpeas, drained") into quantity, unit and food.

The parsing is ingredient-slicer's (a maintained, rule-based parser that needs no model or data
download, so it works offline); this module adapts its answer to Hearth's
:class:`~kitchen_ui.recipes.model.Ingredient`: a unit that is really the food ("3 eggs": unit
"eggs") becomes a count, a size word ("3 large eggs") becomes the unit when it is one, and a range
("2-3 cloves") keeps the parser's middle value with the range in the note. A line with no food in
it raises :class:`UnparsableLine` naming the line.

ingredient-parser-nlp was tried first: it needs NLTK's perceptron tagger, which it downloads on
first use, so it fails on a machine without internet (checked here).
"""

from __future__ import annotations

from ..recipes.model import Ingredient
from .units import canonical_unit

SIZES = ("large", "medium", "small")


class UnparsableLine(ValueError):
    """An ingredient line that names no food; the message quotes it."""


def parse_line(line: str) -> Ingredient:
    """One ingredient line -> Ingredient(quantity, unit, name, note)."""
    from ingredient_slicer import IngredientSlicer     # imported on first use (about 0.1 s)

    text = " ".join(str(line).split())
    if not text:
        raise UnparsableLine("an empty ingredient line")
    try:
        parsed = IngredientSlicer(text).to_json()
    except Exception as exc:  # the parser's own failure is still a bad line for the cook
        raise UnparsableLine(f"cannot read the ingredient line {text!r} ({exc})") from None
    food = " ".join((parsed.get("food") or "").split())
    if not food or not any(c.isalpha() for c in food):
        raise UnparsableLine(f"no food found in the ingredient line {text!r}")
    quantity = parsed.get("quantity")
    try:
        q = None if quantity in (None, "") else round(float(quantity), 3)
    except ValueError:
        q = None
    unit = (parsed.get("unit") or "").strip()
    notes = [p for p in (parsed.get("prep") or []) if isinstance(p, str)]
    if unit == "to taste":
        unit, notes = "", notes + ["to taste"]
    if unit and canonical_unit(unit) is None and unit.lower() in food.lower():
        unit = ""                                     # "3 eggs": a count of the food itself
    words = food.split()
    if unit and words and words[0].lower() == unit.lower():
        food = " ".join(words[1:]) or food            # "cloves garlic" with unit "cloves"
    sizes = [s for s in (parsed.get("size_modifiers") or []) if s in SIZES]
    if not unit and sizes:
        unit = sizes[0]
    if q is not None and "-" in text.split(food.split()[0])[0]:
        notes.append(f"range in the line: {text}")
    return Ingredient(name=food, quantity=q, unit=unit, note=", ".join(notes))
