"""Ingredient lines as people write them ("1 1/2 cups flour, sifted") to and from structure.

Used by the schema.org and web-page importers, whose ingredients are plain strings. The parser
is deliberately modest: a leading quantity (whole, decimal, fraction, mixed, unicode fraction or
a range, whose lower end is kept), an optional unit from a known list, the name, and a note after
the first comma.
"""

from __future__ import annotations

import re
from typing import Callable

from .model import Ingredient

UNITS = {
    "g", "gram", "grams", "kg", "kilogram", "kilograms", "mg", "ml", "millilitre", "millilitres", "milliliter",
    "milliliters", "l", "litre", "litres", "liter", "liters", "dl", "cl", "tsp", "teaspoon", "teaspoons", "tbsp",
    "tablespoon", "tablespoons", "cup", "cups", "oz", "ounce", "ounces", "lb", "lbs", "pound", "pounds", "pinch",
    "pinches", "dash", "dashes", "handful", "handfuls", "bunch", "bunches", "slice", "slices", "can", "cans", "tin",
    "tins", "sprig", "sprigs", "stick", "sticks", "clove", "cloves", "piece", "pieces", "pint", "pints", "quart",
    "quarts", "packet", "packets", "jar", "jars",
}
FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_NUM = r"(?:\d+(?:[.,]\d+)?)"
_QTY = re.compile(
    rf"^(?P<q>(?:\d+\s+\d+/\d+)|(?:\d+/\d+)|(?:\d+\s*[{''.join(FRACTIONS)}])|(?:[{''.join(FRACTIONS)}])|{_NUM})"
    rf"(?:\s*(?:-|–|to)\s*(?P<hi>{_NUM}))?\s*")


def _number(text: str) -> float:
    text = text.strip().replace(",", ".")
    if text and text[-1] in FRACTIONS:
        whole = text[:-1].strip()
        return (float(whole) if whole else 0.0) + FRACTIONS[text[-1]]
    if " " in text:
        whole, frac = text.split(None, 1)
        return float(whole) + _number(frac)
    if "/" in text:
        a, b = text.split("/", 1)
        return float(a) / float(b) if float(b) else float(a)
    return float(text)


def parse_ingredient(line: str) -> Ingredient:
    """``"2 cloves garlic, crushed"`` -> Ingredient(quantity=2, unit="cloves", name="garlic", note="crushed")."""
    text = " ".join(line.split())
    quantity = None
    note_extra = ""
    m = _QTY.match(text)
    if m:
        try:
            quantity = round(_number(m.group("q")), 3)
        except (ValueError, ZeroDivisionError):
            quantity = None
        if quantity is not None:
            if m.group("hi"):
                note_extra = f"{m.group('q').strip()}-{m.group('hi')}"
            text = text[m.end():]
    unit = ""
    if quantity is not None:
        first, _, rest = text.partition(" ")
        bare = first.rstrip(".").lower()
        if bare in UNITS and rest:
            unit, text = first.rstrip("."), rest
            if text.lower().startswith("of "):
                text = text[3:]
    name, _, note = text.partition(", ")
    note = ", ".join(x for x in (note.strip(), note_extra) if x)
    return Ingredient(name=name.strip() or line.strip(), quantity=quantity, unit=unit, note=note)


def format_quantity(q: float) -> str:
    return str(int(q)) if float(q).is_integer() else f"{q:.3f}".rstrip("0").rstrip(".")


KITCHEN_FRACTIONS = ((0.0, ""), (0.125, "⅛"), (0.25, "¼"), (1 / 3, "⅓"), (0.5, "½"), (2 / 3, "⅔"), (0.75, "¾"), (1.0, ""))


def kitchen_quantity(q: float) -> str:
    """A quantity as a cook measures it: whole grams, halves and quarters of spoons."""
    if q >= 20:
        return str(int(round(q)))
    whole = int(q)
    frac = q - whole
    value, glyph = min(KITCHEN_FRACTIONS, key=lambda f: abs(f[0] - frac))
    if value == 1.0:
        whole, glyph = whole + 1, ""
    if whole == 0 and not glyph:
        return f"{q:.2g}"
    return f"{whole or ''}{glyph}" if glyph else str(whole)


def format_ingredient(ing: Ingredient, quantity_text: Callable[[float], str] = format_quantity) -> str:
    """One ingredient line; exact quantities by default (export), ``kitchen_quantity`` for display."""
    parts = []
    if ing.quantity is not None:
        parts.append(quantity_text(ing.quantity))
    if ing.unit:
        parts.append(ing.unit)
    parts.append(ing.name)
    text = " ".join(parts)
    return f"{text}, {ing.note}" if ing.note else text


def servings_words(n: int) -> str:
    """"1 serving", "4 servings" (English; the dashboard has its own, translated)."""
    return f"{n} serving" if n == 1 else f"{n} servings"
