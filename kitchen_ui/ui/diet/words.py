"""Words and numbers of the diet and energy views, translated (context "Diet").

The Qt-free layer (:mod:`kitchen_ui.diet`, :mod:`kitchen_ui.nutrition`, :mod:`kitchen_ui.energy`)
speaks in ids (``"tree-nuts"``, ``"saturated_fat_g"``); this module turns them into what a cook
reads, through Qt's translation, and formats the figures the same way everywhere (a cook reads
"0.42 kWh", "0.13 EUR", "105 g CO₂", never 0.41837).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...recipes.vocabulary import ALLERGENS, DIETS

translate = QCoreApplication.translate

# the same words as kitchen_ui.recipes.vocabulary.ALLERGENS, marked for translation here (the core has no Qt)
ALLERGEN_WORDS = {
    "celery": QT_TRANSLATE_NOOP("Diet", "celery"),
    "gluten": QT_TRANSLATE_NOOP("Diet", "cereals containing gluten"),
    "crustaceans": QT_TRANSLATE_NOOP("Diet", "crustaceans"),
    "eggs": QT_TRANSLATE_NOOP("Diet", "eggs"),
    "fish": QT_TRANSLATE_NOOP("Diet", "fish"),
    "lupin": QT_TRANSLATE_NOOP("Diet", "lupin"),
    "milk": QT_TRANSLATE_NOOP("Diet", "milk"),
    "molluscs": QT_TRANSLATE_NOOP("Diet", "molluscs"),
    "mustard": QT_TRANSLATE_NOOP("Diet", "mustard"),
    "tree-nuts": QT_TRANSLATE_NOOP("Diet", "tree nuts"),
    "peanuts": QT_TRANSLATE_NOOP("Diet", "peanuts"),
    "sesame": QT_TRANSLATE_NOOP("Diet", "sesame"),
    "soya": QT_TRANSLATE_NOOP("Diet", "soya"),
    "sulphites": QT_TRANSLATE_NOOP("Diet", "sulphur dioxide and sulphites"),
}
DIET_WORDS = {
    "vegetarian": QT_TRANSLATE_NOOP("Diet", "vegetarian"),
    "vegan": QT_TRANSLATE_NOOP("Diet", "vegan"),
    "pescatarian": QT_TRANSLATE_NOOP("Diet", "pescatarian"),
    "gluten-free": QT_TRANSLATE_NOOP("Diet", "gluten-free"),
    "dairy-free": QT_TRANSLATE_NOOP("Diet", "dairy-free"),
}
# per serving, in the order of an EU nutrition declaration: (key, words, unit, decimals)
NUTRIENT_ROWS = (
    ("kcal", QT_TRANSLATE_NOOP("Diet", "Energy"), "kcal", 0),
    ("protein_g", QT_TRANSLATE_NOOP("Diet", "Protein"), "g", 1),
    ("fat_g", QT_TRANSLATE_NOOP("Diet", "Fat"), "g", 1),
    ("saturated_fat_g", QT_TRANSLATE_NOOP("Diet", "of which saturates"), "g", 1),
    ("carbohydrate_g", QT_TRANSLATE_NOOP("Diet", "Carbohydrate"), "g", 1),
    ("sugars_g", QT_TRANSLATE_NOOP("Diet", "of which sugars"), "g", 1),
    ("fibre_g", QT_TRANSLATE_NOOP("Diet", "Fibre"), "g", 1),
    ("salt_g", QT_TRANSLATE_NOOP("Diet", "Salt"), "g", 2),
)
assert set(ALLERGEN_WORDS) == set(ALLERGENS) and set(DIET_WORDS) == set(DIETS)


def allergen(aid: str) -> str:
    return translate("Diet", ALLERGEN_WORDS[aid]) if aid in ALLERGEN_WORDS else aid


def diet(did: str) -> str:
    return translate("Diet", DIET_WORDS[did]) if did in DIET_WORDS else did


def kwh(wh: float) -> str:
    """Energy in kWh: three decimals under 10 kWh (a pan of water is a few hundred Wh)."""
    return f"{wh / 1000:.3f} kWh" if wh < 10_000 else f"{wh / 1000:.1f} kWh"


def money(amount: float, currency: str) -> str:
    return f"{amount:.2f} {currency}".strip()


def co2(grams: float) -> str:
    return f"{grams:.0f} g CO₂" if grams < 10_000 else f"{grams / 1000:.1f} kg CO₂"


def energy_line(wh: float, cost: float, currency: str, co2_g: float) -> str:
    """"0.420 kWh · 0.13 EUR · 105 g CO₂"."""
    return f"{kwh(wh)} · {money(cost, currency)} · {co2(co2_g)}"


def percent_change(change: float) -> str:
    """-0.16 -> "16 % less"; 0.05 -> "5 % more"; within half a percent: "the same"."""
    if abs(change) < 0.005:
        return translate("Diet", "about the same")
    if change < 0:
        return translate("Diet", "{p} % less").format(p=round(-change * 100))
    return translate("Diet", "{p} % more").format(p=round(change * 100))
